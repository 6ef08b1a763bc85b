import Foundation
import PraxisCircuit
import PraxisEngine
import PraxisTasks
import Synchronization

/// Runs an experiment's subjects in parallel and commits each to the store as it finishes.
///
/// Every subject is simulated from its own seed (`Experiment.subjectSeed`) on its own
/// circuit, so its results do not depend on the thread that ran it nor on the others: a seed
/// gives the same store at any thread count. Subjects already in the store are skipped, so
/// a killed run resumes with the same command.
public struct ExperimentRunner: Sendable {
    public let experiment: Experiment
    /// Worker threads (≥ 1).
    public var threads: Int
    /// Subjects per arm, overriding the cohort's size when set.
    public var subjectsPerArm: Int?

    public init(_ experiment: Experiment, threads: Int = 1, subjectsPerArm: Int? = nil) {
        self.experiment = experiment; self.threads = max(1, threads); self.subjectsPerArm = subjectsPerArm
    }

    /// Subjects per arm this run simulates.
    public var cohortSize: Int { subjectsPerArm ?? experiment.cohort.size }

    /// Every subject of the run, subject-major (subject 0 of each arm first), so a run that
    /// stops early leaves the arms balanced.
    public var subjects: [SubjectKey] {
        (0..<cohortSize).flatMap { i in experiment.arms.indices.map { SubjectKey(arm: $0, index: i) } }
    }

    /// Simulates the subjects of `store` not yet in it, committing each as it finishes, and
    /// reports progress to `progress` (called from worker threads, one call at a time).
    /// Returns how many subjects were simulated now. The first failure stops the run after
    /// the subjects under way; what was committed stays.
    @discardableResult
    public func run(into store: Store, progress: (@Sendable (ProgressEvent) -> Void)? = nil) throws -> Int {
        try Self.run([(self, store)], threads: threads, progress: progress)
    }

    /// Runs several experiments' subjects from one pool of `threads` workers, in the order
    /// given (put the longest subjects first), each committed to its own store.
    @discardableResult
    public static func run(_ runs: [(runner: ExperimentRunner, store: Store)], threads: Int,
                           progress: (@Sendable (ProgressEvent) -> Void)? = nil) throws -> Int {
        var todo: [(run: Int, key: SubjectKey)] = []
        var count = 0
        for (r, (runner, store)) in runs.enumerated() {
            try store.begin(runner.experiment)
            let done = try store.finishedSubjects()
            count += runner.subjects.count
            todo += runner.subjects.filter { !done.contains($0) }.map { (r, $0) }
        }
        let jobs = todo, total = count
        let state = Mutex(RunState())
        let skipped = total - jobs.count
        let start = ContinuousClock.now
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let next: Int? = state.withLock { s in
                    guard s.failure == nil, s.next < jobs.count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let k = next else { return }
                let (r, key) = jobs[k]
                let runner = runs[r].runner
                do {
                    try runs[r].store.commit(try runner.simulate(key))
                    state.withLock { s in
                        s.finished += 1
                        progress?(ProgressEvent(finished: skipped + s.finished, total: total, skipped: skipped,
                                                last: key, armName: runner.experiment.arms[key.arm].name,
                                                elapsed: (ContinuousClock.now - start) / .seconds(1), simulatedNow: s.finished))
                    }
                } catch {
                    let who = "subject \(key.index) of arm '\(runner.experiment.arms[key.arm].name)'"
                    state.withLock { s in if s.failure == nil { s.failure = "\(who): \(error)" } }
                    return
                }
            }
        }
        if threads <= 1 || jobs.count <= 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: min(threads, jobs.count), execute: work)
        }
        let (failure, finished) = state.withLock { ($0.failure, $0.finished) }
        if let failure { throw RunError.subjectFailed(failure) }
        return finished
    }

    /// One subject, from circuit to measures.
    public func simulate(_ key: SubjectKey) throws -> SubjectResult {
        let seed = experiment.subjectSeed(key.index)
        let circuit = try Circuit(spec: experiment.circuit, seed: seed)
        var factors = experiment.cohort.factors(seed: seed)
        for (v, f) in zip(experiment.cohort.variability, factors) { v.knob.scale(circuit, by: f) }
        let (condition, drawnSncLoss) = experiment.arms[key.arm].subjectCondition(seed: seed)
        condition.apply(to: circuit)
        let body = try experiment.subjectBody(factors: factors)
        // Stored after the cohort's factors: the subject's own severity.
        if let drawnSncLoss { factors.append(drawnSncLoss) }
        let subject = Subject(circuit: circuit, body: body)
        if let pre = experiment.cohort.pretraining {
            try ProtocolRunner(pre).run(subject, seed: seed ^ 0x7072_6574_7261_696E) { _ in }
        }
        var runner = ProtocolRunner(experiment.trainingProtocol)
        let first = subject.trialsDone, sampling = experiment.trajectories
        let keep = key.index < sampling.subjects
        runner.keepPath = { keep && ($0 - first) % sampling.every == 0 }
        var records: [TrialRecord] = []
        try runner.run(subject, seed: seed) { r in
            var r = r
            r.index -= first
            records.append(r)
        }
        var measures: [String: Double] = [:]
        // In file order, so a contrast reads the measures named before it.
        for m in experiment.measures { measures[m.name] = m.contrast == nil ? m.value(records) : m.value(of: measures) }
        return SubjectResult(key: key, seed: seed, factors: factors, records: records, measures: measures)
    }
}

/// Progress of a run, reported after each committed subject.
public struct ProgressEvent: Sendable {
    /// Subjects in the store, of `total`.
    public var finished: Int
    public var total: Int
    /// Subjects found already stored when the run started.
    public var skipped: Int
    public var last: SubjectKey
    public var armName: String
    /// Seconds since this run started.
    public var elapsed: Double
    /// Subjects simulated by this run.
    public var simulatedNow: Int

    /// Estimated seconds left, from this run's pace.
    public var remaining: Double {
        simulatedNow > 0 ? elapsed / Double(simulatedNow) * Double(total - finished) : .nan
    }
}

struct RunState {
    var next = 0
    var finished = 0
    var failure: String?
}

/// Why a run stopped.
public enum RunError: Error, CustomStringConvertible {
    case subjectFailed(String)
    /// A subject's individual factors took a body parameter out of its range.
    case invalidBody(field: String, message: String)
    public var description: String {
        switch self {
        case .subjectFailed(let m): "a subject failed, the run stopped (finished subjects are stored): \(m)"
        case .invalidBody(let field, let message): "\(field) \(message) after the subject's individual factor"
        }
    }
}
