import Foundation
import GRDB
import PraxisTasks

/// The embedded SQLite store of one experiment's results (`DIR/praxis.sqlite`, GRDB):
/// the run (the exact experiment text and the versions), its arms, and per finished subject
/// its trials, their metrics, its measures and any kept hand paths.
///
/// Each subject is committed in one transaction, and a subject row is written only with all
/// its data, so a run killed at any moment leaves whole subjects only: the next run with the
/// same experiment skips them and loses or duplicates nothing.
public final class Store: Sendable {
    /// Path of the database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: config)
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL, seed INTEGER NOT NULL, experiment TEXT NOT NULL,
                    design TEXT NOT NULL, praxis_version TEXT NOT NULL, sqlite_version TEXT NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE TABLE arm (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                    snc_loss REAL NOT NULL, levodopa_tonic REAL);
                CREATE TABLE subject (
                    arm_id INTEGER NOT NULL REFERENCES arm(id), idx INTEGER NOT NULL,
                    seed INTEGER NOT NULL, factors TEXT NOT NULL, trials INTEGER NOT NULL,
                    PRIMARY KEY (arm_id, idx)) WITHOUT ROWID;
                CREATE TABLE trial (
                    arm_id INTEGER NOT NULL, subject_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
                    session TEXT NOT NULL, block INTEGER NOT NULL, target INTEGER NOT NULL,
                    catch INTEGER NOT NULL, perturbation TEXT NOT NULL, feedback TEXT NOT NULL, reward REAL NOT NULL,
                    PRIMARY KEY (arm_id, subject_idx, idx)) WITHOUT ROWID;
                CREATE TABLE metric (
                    arm_id INTEGER NOT NULL, subject_idx INTEGER NOT NULL, trial_idx INTEGER NOT NULL,
                    name TEXT NOT NULL, value REAL NOT NULL,
                    PRIMARY KEY (arm_id, subject_idx, trial_idx, name)) WITHOUT ROWID;
                CREATE TABLE measure (
                    arm_id INTEGER NOT NULL, subject_idx INTEGER NOT NULL, name TEXT NOT NULL, value REAL,
                    PRIMARY KEY (arm_id, subject_idx, name)) WITHOUT ROWID;
                CREATE TABLE path (
                    arm_id INTEGER NOT NULL, subject_idx INTEGER NOT NULL, trial_idx INTEGER NOT NULL,
                    step INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
                    PRIMARY KEY (arm_id, subject_idx, trial_idx, step)) WITHOUT ROWID;
                """)
        }
        // The model that simulated the stored subjects (`Store.model(of:)`), so a run is not
        // resumed by a different circuit or version of Praxis. Null in stores written before.
        m.registerMigration("v2 model") { db in
            try db.execute(sql: "ALTER TABLE run ADD COLUMN model TEXT")
        }
        return m
    }

    /// Deterministic JSON (key order is otherwise unspecified), so equal designs store equal text.
    static var sortedJSON: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }

    /// What simulates an experiment's subjects: the Praxis version and a digest of the
    /// circuit (every parameter the experiment's circuit file or the default sets). A change
    /// to either can change every figure, so stored subjects are only resumed under the same
    /// model. Code changes that touch neither are not seen; the version is the guard there.
    public static func model(of experiment: Experiment) throws -> String {
        let encoder = sortedJSON
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json = try encoder.encode(experiment.circuit)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for byte in json { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return "praxis \(PraxisVersion.string); circuit \(String(hash, radix: 16))"
    }

    /// Records `experiment` as this store's run, or checks that the store already holds the
    /// same one (same text and seed) simulated by the same model (`model(of:)`). Throws
    /// `StoreError.differentExperiment` or `.differentModel` otherwise.
    public func begin(_ experiment: Experiment) throws {
        let model = try Self.model(of: experiment)
        try queue.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT experiment, seed, model FROM run WHERE id = 1") {
                let text: String = row["experiment"], seed: Int64 = row["seed"], stored: String? = row["model"]
                guard text == experiment.text, seed == Int64(bitPattern: experiment.seed) else {
                    throw StoreError.differentExperiment(path: path)
                }
                let arms = try String.fetchAll(db, sql: "SELECT name FROM arm ORDER BY id")
                guard arms == experiment.arms.map(\.name) else { throw StoreError.differentExperiment(path: path) }
                guard stored == model else { throw StoreError.differentModel(path: path, stored: stored, current: model) }
                return
            }
            let sqlite = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?"
            try db.execute(sql: """
                INSERT INTO run (id, name, seed, experiment, design, praxis_version, sqlite_version, created_at, model)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [experiment.name, Int64(bitPattern: experiment.seed), experiment.text,
                                 String(decoding: try Self.sortedJSON.encode(experiment.design), as: UTF8.self),
                                 PraxisVersion.string, sqlite, ISO8601DateFormatter().string(from: Date()), model])
            for (i, arm) in experiment.arms.enumerated() {
                try db.execute(sql: "INSERT INTO arm (id, name, snc_loss, levodopa_tonic) VALUES (?, ?, ?, ?)",
                               arguments: [i, arm.name, arm.condition.sncLoss, arm.condition.levodopaTonic])
            }
        }
    }

    /// The subjects already stored, as (arm index, subject index).
    public func finishedSubjects() throws -> Set<SubjectKey> {
        try queue.read { db in
            Set(try Row.fetchAll(db, sql: "SELECT arm_id, idx FROM subject").map { SubjectKey(arm: $0["arm_id"], index: $0["idx"]) })
        }
    }

    /// Stores one finished subject in a single transaction.
    public func commit(_ s: SubjectResult) throws {
        try queue.write { db in
            let a = s.key.arm, i = s.key.index
            let trial = try db.makeStatement(sql: """
                INSERT INTO trial (arm_id, subject_idx, idx, session, block, target, catch, perturbation, feedback, reward)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let metric = try db.makeStatement(sql: "INSERT INTO metric (arm_id, subject_idx, trial_idx, name, value) VALUES (?, ?, ?, ?, ?)")
            let path = try db.makeStatement(sql: "INSERT INTO path (arm_id, subject_idx, trial_idx, step, x, y) VALUES (?, ?, ?, ?, ?, ?)")
            for r in s.records {
                try trial.execute(arguments: [a, i, r.index, r.session, r.block, r.trial.target, r.trial.isCatch ? 1 : 0,
                                              r.trial.perturbation.kind, r.trial.feedback.rawValue, r.reward])
                for (name, value) in r.metrics.sorted(by: { $0.key < $1.key }) where value.isFinite {
                    try metric.execute(arguments: [a, i, r.index, name, value])
                }
                if let points = r.path {
                    for (k, p) in points.enumerated() { try path.execute(arguments: [a, i, r.index, k, p.x, p.y]) }
                }
            }
            for (name, value) in s.measures.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO measure (arm_id, subject_idx, name, value) VALUES (?, ?, ?, ?)",
                               arguments: [a, i, name, value.isFinite ? value : nil])
            }
            let factors = s.factors.map { "\($0)" }.joined(separator: ",")
            try db.execute(sql: "INSERT INTO subject (arm_id, idx, seed, factors, trials) VALUES (?, ?, ?, ?, ?)",
                           arguments: [a, i, Int64(bitPattern: s.seed), factors, s.records.count])
        }
    }
}

/// A subject's place in an experiment: its arm's index and its index within the arm.
public struct SubjectKey: Hashable, Sendable, Comparable {
    public var arm: Int
    public var index: Int
    public init(arm: Int, index: Int) { self.arm = arm; self.index = index }
    public static func < (a: SubjectKey, b: SubjectKey) -> Bool { (a.arm, a.index) < (b.arm, b.index) }
}

/// Everything one finished subject left.
public struct SubjectResult: Sendable {
    public var key: SubjectKey
    public var seed: UInt64
    /// Factors of its individual differences (`Cohort.variability` order).
    public var factors: [Double]
    public var records: [TrialRecord]
    /// Its value of each measure (NaN when no trial counted).
    public var measures: [String: Double]
}

/// Why a store refused a run.
public enum StoreError: Error, CustomStringConvertible {
    case differentExperiment(path: String)
    /// The stored subjects were simulated by another model (`Store.model(of:)`); nil: by a
    /// Praxis that did not record it.
    case differentModel(path: String, stored: String?, current: String)
    case missing(path: String)
    public var description: String {
        switch self {
        case .missing(let path): "no results store at \(path)"
        case .differentExperiment(let path):
            "\(path) holds the results of a different experiment (text, seed or arms differ); choose another --out folder"
        case .differentModel(let path, let stored, let current):
            "\(path) holds subjects simulated by a different model (stored: \(stored ?? "not recorded, by an earlier Praxis"); "
                + "now: \(current)): the circuit or Praxis changed since; choose another --out folder, or remove it to start over"
        }
    }
}

extension Store {
    /// Opens the store at `path`, which must exist (for reports and exports).
    public static func open(existing path: String) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        return try Store(path: path)
    }
}
