import Foundation

/// `DIR/summary.json`: per arm the subject count and, for each measure, its mean, SD and
/// bootstrap 95 % CI over subjects; and the effects between arms.
public struct Summary: Codable, Sendable {
    public var experiment: String
    public var seed: UInt64
    public var version: String
    public var arms: [ArmSummary]
    public var effects: [Effect]

    public struct ArmSummary: Codable, Sendable {
        public var name: String
        public var subjects: Int
        public var condition: ConditionSummary
        /// Keyed by measure name.
        public var measures: [String: Stat]
    }

    public struct ConditionSummary: Codable, Sendable {
        public var sncLoss: Double
        public var levodopaTonic: Double?
        enum CodingKeys: String, CodingKey { case sncLoss = "snc_loss", levodopaTonic = "levodopa_tonic" }
    }

    /// One measure in one arm: over the `n` subjects with a value.
    public struct Stat: Codable, Sendable {
        public var n: Int
        public var mean: Double?
        public var sd: Double?
        public var ci95: [Double?]
    }

    /// Arm `b` against arm `a` on one measure: mean(b) − mean(a), Cohen's d and the bootstrap
    /// 95 % CI of the difference, treating the arms as independent groups; and the same
    /// within subjects (`paired`).
    public struct Effect: Codable, Sendable {
        public var measure: String
        public var a: String
        public var b: String
        public var difference: Double?
        public var cohensD: Double?
        public var ci95: [Double?]
        public var paired: Paired?
        enum CodingKeys: String, CodingKey { case measure, a, b, difference, cohensD = "cohens_d", ci95, paired }
    }

    /// The effect within subjects: the runner gives subject *i* the same seed (circuit,
    /// noise, schedule and individual parameters) in every arm, so the arms are a matched
    /// design and each subject's b − a difference removes what the arms share. Over the `n`
    /// subjects with a value in both arms: the mean difference, its bootstrap 95 % CI and
    /// d_z (the mean difference over the SD of the differences).
    public struct Paired: Codable, Sendable {
        public var n: Int
        public var difference: Double?
        public var dz: Double?
        public var ci95: [Double?]
        enum CodingKeys: String, CodingKey { case n, difference, dz = "d_z", ci95 }
    }

    /// The summary of what `store` holds.
    public init(store: Store) throws {
        guard let run = try store.runInfo() else { throw SummaryError.emptyStore(store.path) }
        experiment = run.name; seed = run.seed; version = run.version
        let arms = try store.arms(), counts = try store.subjectCounts(), bySubject = try store.measureValuesBySubject()
        let values = bySubject.mapValues { $0.mapValues(Store.inSubjectOrder) }
        let names = run.design.measures.map(\.name)
        var seedOffset: UInt64 = 0
        func nextSeed() -> UInt64 { seedOffset += 1; return run.seed &+ seedOffset &* 0x9E37_79B9 }
        self.arms = arms.map { arm in
            var stats: [String: Stat] = [:]
            for name in names {
                let x = values[arm.id]?[name] ?? []
                let ci = Statistics.bootstrap(x, seed: nextSeed())
                stats[name] = Stat(n: x.count, mean: Self.finite(Statistics.mean(x)), sd: Self.finite(Statistics.sd(x)),
                                   ci95: [Self.finite(ci.0), Self.finite(ci.1)])
            }
            return ArmSummary(name: arm.name, subjects: counts[arm.id] ?? 0,
                              condition: ConditionSummary(sncLoss: arm.sncLoss, levodopaTonic: arm.levodopaTonic), measures: stats)
        }
        var effects: [Effect] = []
        for name in names {
            for i in arms.indices {
                for j in arms.indices where j > i {
                    let a = values[arms[i].id]?[name] ?? [], b = values[arms[j].id]?[name] ?? []
                    let ci = Statistics.bootstrapDifference(a, b, seed: nextSeed())
                    let pa = bySubject[arms[i].id]?[name] ?? [:], pb = bySubject[arms[j].id]?[name] ?? [:]
                    let diffs = pa.sorted { $0.key < $1.key }.compactMap { k, va in pb[k].map { $0 - va } }
                    let pci = Statistics.bootstrap(diffs, seed: nextSeed())
                    let paired = Paired(n: diffs.count, difference: Self.finite(Statistics.mean(diffs)),
                                        dz: Self.finite(Statistics.cohensDz(diffs)), ci95: [Self.finite(pci.0), Self.finite(pci.1)])
                    effects.append(Effect(measure: name, a: arms[i].name, b: arms[j].name,
                                          difference: Self.finite(Statistics.mean(b) - Statistics.mean(a)),
                                          cohensD: Self.finite(Statistics.cohensD(a, b)), ci95: [Self.finite(ci.0), Self.finite(ci.1)],
                                          paired: paired))
                }
            }
        }
        self.effects = effects
    }

    static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

    /// The summary as pretty, key-sorted JSON.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }

    /// Writes `DIR/summary.json` (atomically).
    public func write(to folder: URL) throws {
        try json().write(to: folder.appendingPathComponent("summary.json"), options: .atomic)
    }
}

public enum SummaryError: Error, CustomStringConvertible {
    case emptyStore(String)
    public var description: String {
        switch self { case .emptyStore(let p): "\(p) holds no run yet" }
    }
}
