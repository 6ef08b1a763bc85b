import Foundation
import GRDB

extension Store {
    /// The stored run: what was run, with which seed and version.
    public struct RunInfo: Sendable {
        public var name: String
        public var seed: UInt64
        public var experiment: String
        public var design: Design
        public var version: String
        public var createdAt: String
    }

    /// An arm as stored.
    public struct ArmInfo: Sendable {
        public var id: Int
        public var name: String
        public var sncLoss: Double
        public var levodopaTonic: Double?
    }

    /// The run, or nil for a store nothing has been run into.
    public func runInfo() throws -> RunInfo? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = 1") else { return nil }
            let design = try JSONDecoder().decode(Design.self, from: Data((row["design"] as String).utf8))
            return RunInfo(name: row["name"], seed: UInt64(bitPattern: row["seed"]), experiment: row["experiment"],
                           design: design, version: row["praxis_version"], createdAt: row["created_at"])
        }
    }

    public func arms() throws -> [ArmInfo] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM arm ORDER BY id").map {
                ArmInfo(id: $0["id"], name: $0["name"], sncLoss: $0["snc_loss"], levodopaTonic: $0["levodopa_tonic"])
            }
        }
    }

    /// Stored subjects per arm id.
    public func subjectCounts() throws -> [Int: Int] {
        try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT arm_id, COUNT(*) AS n FROM subject GROUP BY arm_id")
                .map { ($0["arm_id"] as Int, $0["n"] as Int) })
        }
    }

    /// The finite values of each measure per arm id, in subject order.
    public func measureValues() throws -> [Int: [String: [Double]]] {
        try measureValuesBySubject().mapValues { $0.mapValues(Self.inSubjectOrder) }
    }

    /// Measure values per arm id, measure name and subject index (subject *i* has the same
    /// seed and individual parameters in every arm, so values at one index pair up).
    public func measureValuesBySubject() throws -> [Int: [String: [Int: Double]]] {
        try queue.read { db in
            var out: [Int: [String: [Int: Double]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT arm_id, subject_idx, name, value FROM measure WHERE value IS NOT NULL") {
                out[row["arm_id"], default: [:]][row["name"], default: [:]][row["subject_idx"]] = row["value"]
            }
            return out
        }
    }

    /// Values keyed by subject index, in subject order.
    public static func inSubjectOrder(_ values: [Int: Double]) -> [Double] {
        values.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Values of trial metric `metric` (in `session` when given) per arm id and subject, each
    /// subject's in trial order as (trial index within the session's trials, value).
    public func trialSeries(_ metric: String, session: String?) throws -> [Int: [Int: [Double]]] {
        try queue.read { db in
            var sql = """
                SELECT m.arm_id, m.subject_idx, m.value FROM metric m
                JOIN trial t ON t.arm_id = m.arm_id AND t.subject_idx = m.subject_idx AND t.idx = m.trial_idx
                WHERE m.name = ?
                """
            var args: [DatabaseValueConvertible] = [metric]
            if let session { sql += " AND t.session = ?"; args.append(session) }
            sql += " ORDER BY m.arm_id, m.subject_idx, m.trial_idx"
            var out: [Int: [Int: [Double]]] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                out[row["arm_id"], default: [:]][row["subject_idx"], default: []].append(row["value"])
            }
            return out
        }
    }

    /// Kept hand paths: per arm id, up to `limit` trials of its first subject with a path,
    /// each as (trial index, target, catch, points).
    public func paths(limit: Int) throws -> [Int: [(trial: Int, target: Int, isCatch: Bool, points: [SIMD2<Double>])]] {
        try queue.read { db in
            var out: [Int: [(Int, Int, Bool, [SIMD2<Double>])]] = [:]
            let keys = try Row.fetchAll(db, sql: """
                SELECT DISTINCT p.arm_id, p.subject_idx, p.trial_idx, t.target, t.catch FROM path p
                JOIN trial t ON t.arm_id = p.arm_id AND t.subject_idx = p.subject_idx AND t.idx = p.trial_idx
                WHERE p.subject_idx = (SELECT MIN(subject_idx) FROM path q WHERE q.arm_id = p.arm_id)
                ORDER BY p.arm_id, p.trial_idx
                """)
            for k in keys {
                let arm: Int = k["arm_id"]
                guard out[arm, default: []].count < limit else { continue }
                let points = try Row.fetchAll(db, sql: "SELECT x, y FROM path WHERE arm_id = ? AND subject_idx = ? AND trial_idx = ? ORDER BY step",
                                              arguments: [arm, k["subject_idx"] as Int, k["trial_idx"] as Int])
                    .map { SIMD2<Double>($0["x"], $0["y"]) }
                out[arm, default: []].append((k["trial_idx"], k["target"], (k["catch"] as Int) != 0, points))
            }
            return out
        }
    }

    /// Every row of every results table in key order, as text (the run's creation time left
    /// out): what two runs of one experiment must agree on.
    public func contents() throws -> [String] {
        try queue.read { db in
            var lines: [String] = []
            let tables = [("run", "SELECT name, seed, experiment, design, praxis_version FROM run"),
                          ("arm", "SELECT * FROM arm ORDER BY id"),
                          ("subject", "SELECT * FROM subject ORDER BY arm_id, idx"),
                          ("trial", "SELECT * FROM trial ORDER BY arm_id, subject_idx, idx"),
                          ("metric", "SELECT * FROM metric ORDER BY arm_id, subject_idx, trial_idx, name"),
                          ("measure", "SELECT * FROM measure ORDER BY arm_id, subject_idx, name"),
                          ("path", "SELECT * FROM path ORDER BY arm_id, subject_idx, trial_idx, step")]
            for (table, sql) in tables {
                for row in try Row.fetchAll(db, sql: sql) { lines.append("\(table): \(row.description)") }
            }
            return lines
        }
    }
}
