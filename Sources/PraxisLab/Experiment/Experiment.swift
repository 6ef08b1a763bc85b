import PraxisCircuit
import PraxisClinic
import PraxisTasks

/// A virtual experiment (`docs/experiment-file.md`): a cohort of subjects in each arm, run
/// through one protocol on one circuit, and the measures to summarise. A value, validated as
/// a whole when read; the runner only executes it.
public struct Experiment: Sendable {
    public var name: String
    /// Seed of the whole experiment: subject i of every arm gets the same derived seed (a
    /// matched design: the same individual under each condition).
    public var seed: UInt64
    /// The exact text the experiment was read from (stored with the results).
    public var text: String
    public var circuit: CircuitSpec
    /// The body every subject has (before the cohort's individual differences).
    public var body: BodyParameters
    public var cohort: Cohort
    public var arms: [Arm]
    public var trainingProtocol: TrainingProtocol
    public var measures: [Measure]
    public var curves: [Curve]
    public var trajectories: TrajectorySampling

    public init(name: String, seed: UInt64, text: String, circuit: CircuitSpec, body: BodyParameters = .init(),
                cohort: Cohort, arms: [Arm], trainingProtocol: TrainingProtocol, measures: [Measure],
                curves: [Curve] = [], trajectories: TrajectorySampling = .init()) {
        self.name = name; self.seed = seed; self.text = text; self.circuit = circuit; self.body = body; self.cohort = cohort
        self.arms = arms; self.trainingProtocol = trainingProtocol; self.measures = measures
        self.curves = curves; self.trajectories = trajectories
    }

    /// What the report needs to know of the design, stored with the results.
    public var design: Design { Design(measures: measures, curves: curves) }

    /// The seed of subject `index` (the same in every arm): SplitMix64 of the experiment seed
    /// and the index, so subjects' streams never overlap.
    public func subjectSeed(_ index: Int) -> UInt64 {
        var z = seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The measures and curves of an experiment, as stored with its results for reports.
public struct Design: Sendable, Equatable, Codable {
    public var measures: [Measure]
    public var curves: [Curve]
}

/// Who is simulated: how many subjects per arm, how they differ, what they did before.
public struct Cohort: Sendable {
    /// Subjects per arm.
    public var size: Int
    /// Individual differences: each a circuit or body knob multiplied by a factor drawn per
    /// subject.
    public var variability: [Variation]
    /// Prior experience: a protocol every subject runs before the experiment (not stored).
    public var pretraining: TrainingProtocol?
    public init(size: Int, variability: [Variation] = [], pretraining: TrainingProtocol? = nil) {
        self.size = size; self.variability = variability; self.pretraining = pretraining
    }
}

/// One individual difference: knob `knob` scaled by a factor drawn from `distribution`
/// (truncated at 0), from the subject's own stream.
public struct Variation: Sendable, Equatable {
    public enum Distribution: Sendable, Equatable {
        case normal(mean: Double, sd: Double)
        case uniform(low: Double, high: Double)
    }
    public var knob: Knob
    public var distribution: Distribution
    public init(knob: Knob, distribution: Distribution) { self.knob = knob; self.distribution = distribution }
}

/// A public knob of a built circuit (ARCHITECTURE.md: the only way conditions and individual
/// differences act on it), or a parameter of the body.
public enum Knob: Sendable, Equatable, CustomStringConvertible {
    /// A neuromodulator's tonic level, burst gain or dip gain (`dopamine.tonic`).
    case modulator(name: String, field: ModulatorField)
    /// A population's gain (`PMd.gain`).
    case populationGain(String)
    /// A projection's efficacy scale (`PMd→D1_DLS.scale`).
    case projectionScale(String)
    /// A projection's plasticity rate (`GC→PC.rate`).
    case plasticityRate(String)
    /// A body parameter, by its name in files (`body.visual_delay_ms`; `BodyParameters.fields`).
    case body(String)

    public enum ModulatorField: String, Sendable, Equatable, CaseIterable {
        case tonic, burstGain = "burst_gain", dipGain = "dip_gain"
    }

    public var description: String {
        switch self {
        case .modulator(let n, let f): "\(n).\(f.rawValue)"
        case .populationGain(let n): "\(n).gain"
        case .projectionScale(let n): "\(n).scale"
        case .plasticityRate(let n): "\(n).rate"
        case .body(let n): "body.\(n)"
        }
    }
}

/// An arm: a condition every subject of it is in, at one severity or at a severity that
/// varies from subject to subject.
public struct Arm: Sendable, Equatable {
    public var name: String
    /// The condition; with `sncLossSpread`, its SNc loss is the spread's mean.
    public var condition: Condition
    /// Parkinson's at a severity that varies across the arm's subjects: each subject's SNc
    /// loss is drawn from this distribution (clamped to [0, 0.95]), as patients of one
    /// study span disease stages. Nil: every subject has `condition.sncLoss`.
    public var sncLossSpread: Variation.Distribution?
    public init(name: String, condition: Condition = .healthy, sncLossSpread: Variation.Distribution? = nil) {
        self.name = name; self.condition = condition; self.sncLossSpread = sncLossSpread
    }
}

/// A per-subject summary: the mean of `metric` (or of its absolute value) over the trials
/// that report it and pass every filter given — in `session`, in `block` (its index within
/// the session), with a target in `targets`, catch or not, with each metric of `only` at its
/// value (e.g. `error` 0: correct trials) — and of those the `first` or `last` few, in trial
/// order. Or a `contrast`: a weighted sum of measures named before it, per subject (e.g. a
/// random block's reaction time less the mean of its neighbours), with no metric or filter.
public struct Measure: Sendable, Equatable, Codable {
    public var name: String
    /// The trial metric averaged; empty for a contrast.
    public var metric: String
    public var session: String?
    public var block: Int?
    public var targets: [Int]?
    public var isCatch: Bool?
    /// Trials count only if each of these metrics has exactly its value.
    public var only: [String: Double]?
    public var first: Int?
    public var last: Int?
    public var absolute: Bool
    /// Weights of earlier measures whose sum is this one; nil for a trial measure.
    public var contrast: [String: Double]?
    public init(name: String, metric: String, session: String? = nil, block: Int? = nil, targets: [Int]? = nil,
                isCatch: Bool? = nil, only: [String: Double]? = nil, first: Int? = nil, last: Int? = nil, absolute: Bool = false) {
        self.name = name; self.metric = metric; self.session = session; self.block = block; self.targets = targets
        self.isCatch = isCatch; self.only = only; self.first = first; self.last = last; self.absolute = absolute
    }

    /// The contrast `Σ weight · measure` over measures named before it.
    public init(name: String, contrast: [String: Double]) {
        self.init(name: name, metric: "")
        self.contrast = contrast
    }

    enum CodingKeys: String, CodingKey { case name, metric, session, block, targets, isCatch, only, first, last, absolute, contrast }

    /// Reads stored designs, including those written before a field existed (absent filters
    /// are off).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name); metric = try c.decode(String.self, forKey: .metric)
        session = try c.decodeIfPresent(String.self, forKey: .session); block = try c.decodeIfPresent(Int.self, forKey: .block)
        targets = try c.decodeIfPresent([Int].self, forKey: .targets); isCatch = try c.decodeIfPresent(Bool.self, forKey: .isCatch)
        only = try c.decodeIfPresent([String: Double].self, forKey: .only)
        first = try c.decodeIfPresent(Int.self, forKey: .first); last = try c.decodeIfPresent(Int.self, forKey: .last)
        absolute = try c.decodeIfPresent(Bool.self, forKey: .absolute) ?? false
        contrast = try c.decodeIfPresent([String: Double].self, forKey: .contrast)
    }

    /// Whether trial `r` passes the filters (before `first`/`last`).
    public func includes(_ r: TrialRecord) -> Bool {
        (session.map { $0 == r.session } ?? true) && (block.map { $0 == r.block } ?? true)
            && (targets.map { $0.contains(r.trial.target) } ?? true) && (isCatch.map { $0 == r.trial.isCatch } ?? true)
            && (only?.allSatisfy { r.metrics[$0.key] == $0.value } ?? true)
            && r.metrics[metric].map(\.isFinite) == true
    }

    /// The measure for one subject's trials (NaN when no trial counts, and for a contrast).
    public func value(_ records: [TrialRecord]) -> Double {
        guard contrast == nil else { return .nan }
        var values = records.filter(includes).compactMap { $0.metrics[metric] }
        if let first { values = Array(values.prefix(first)) }
        if let last { values = Array(values.suffix(last)) }
        if absolute { values = values.map(abs) }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// A contrast's value from the subject's other measures (NaN if one is missing or NaN);
    /// NaN for a trial measure. Summed in name order, so the result does not depend on how a
    /// dictionary happens to be ordered.
    public func value(of measures: [String: Double]) -> Double {
        guard let contrast else { return .nan }
        return contrast.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * (measures[$1.key] ?? .nan) }
    }
}

/// A learning curve for the report: `metric` (or its absolute value) averaged in bins of
/// `bin` consecutive trials of `session` (all when nil), per subject, then across subjects
/// per arm.
public struct Curve: Sendable, Equatable, Codable {
    public var metric: String
    public var session: String?
    public var bin: Int
    public var absolute: Bool
    public init(metric: String, session: String? = nil, bin: Int, absolute: Bool = false) {
        self.metric = metric; self.session = session; self.bin = bin; self.absolute = absolute
    }

    enum CodingKeys: String, CodingKey { case metric, session, bin, absolute }

    /// Reads stored designs, including those written before `absolute` existed.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metric = try c.decode(String.self, forKey: .metric); session = try c.decodeIfPresent(String.self, forKey: .session)
        bin = try c.decode(Int.self, forKey: .bin); absolute = try c.decodeIfPresent(Bool.self, forKey: .absolute) ?? false
    }
}

/// Which hand paths are kept: those of the first `subjects` subjects of each arm, every
/// `every`-th trial (none when `subjects` is 0).
public struct TrajectorySampling: Sendable, Equatable {
    public var subjects: Int
    public var every: Int
    public init(subjects: Int = 0, every: Int = 100) { self.subjects = subjects; self.every = every }
}
