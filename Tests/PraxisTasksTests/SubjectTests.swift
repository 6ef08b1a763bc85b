import Foundation
import PraxisCircuit
import Testing
@testable import PraxisTasks

/// The default circuit in a closed loop with the arm, the lever and the Pavlovian task.
@Suite struct SubjectTests {
    /// Runs `text` (a protocol) for a subject with `seed`; returns its records.
    static func run(_ text: String, seed: UInt64 = 1, threads: Int = 1) throws -> [TrialRecord] {
        let p = try ProtocolFile.parse(text, file: "test.yaml")
        let subject = Subject(circuit: try Circuit(seed: seed, threads: threads))
        var records: [TrialRecord] = []
        try ProtocolRunner(p).run(subject, seed: seed) { records.append($0) }
        return records
    }

    /// Runs `text` for a small cohort, one subject per seed of `seeds`, in parallel;
    /// returns each subject's records in the order of `seeds`.
    static func cohort(_ text: String, seeds: [UInt64]) throws -> [[TrialRecord]] {
        let results = Results(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: seeds.count) { k in
            results.set(k, Result { try run(text, seed: seeds[k]) })
        }
        return try results.values.map { try $0!.get() }
    }

    /// Each subject's result, filled from concurrent workers (each writes its own slot).
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<[TrialRecord], any Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ value: Result<[TrialRecord], any Error>) { lock.withLock { values[k] = value } }
    }

    /// A file shipped with the package (`paradigms/srtt.yaml`), found from this source file.
    static func shipped(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(path)
    }

    /// Sample standard deviation of `x`.
    static func sd(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
    }

    static func mean(_ r: some Collection<TrialRecord>, _ f: (TrialRecord) -> Double) -> Double {
        r.map(f).reduce(0, +) / Double(r.count)
    }

    /// The perpendicular error `metric` in the direction the Shadmehr field pushes a reach
    /// to `target` (positive: pushed by the field).
    static func fieldAligned(_ r: TrialRecord, metric: String = "max_perpendicular_error_m") -> Double {
        let u = ChannelLayout.direction(r.trial.target, of: 8), n = SIMD2<Double>(-u.y, u.x)
        let push = (n * Perturbation.shadmehrField.apply(u)).sum()
        return (r.metrics[metric] ?? 0) * (push > 0 ? 1 : -1)
    }

    /// The engine's threads split populations and projections, never a sum: a subject
    /// learning in the field (every kind of plasticity the circuit has, the critic and the
    /// arm) gives the same trials on one thread and on two.
    @Test func sameTrialsOnOneAndTwoThreads() throws {
        let text = "protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 16, perturbation: {field: [[-10.1, -11.2], [-11.2, 11.1]]}}\n"
        let one = try Self.run(text, seed: 2, threads: 1), two = try Self.run(text, seed: 2, threads: 2)
        #expect(one.count == 16)
        #expect(one.map(\.metrics) == two.map(\.metrics))
    }

    /// Null reaches: the circuit's motor output brings the hand to the target at a
    /// human-like speed (Shadmehr & Mussa-Ivaldi 1994: ~0.5 s reaches of 10 cm).
    /// Three subjects, so the check reads the circuit rather than one subject's noise:
    /// single subjects arrive within 1 cm on 40–70 % of their first 32 reaches.
    @Test func nullReachesArrive() throws {
        var r: [TrialRecord] = []
        for seed: UInt64 in 1...3 {
            r += try Self.run("protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 32}\n", seed: seed)
        }
        let endpoint = Self.mean(r) { $0.metrics["endpoint_error_m"]! }
        let speed = Self.mean(r) { $0.metrics["peak_speed_m_s"]! }
        let arrived = Self.mean(r) { $0.metrics["arrived"]! }
        #expect(endpoint < 0.02, "mean endpoint error \(endpoint) m")
        #expect(speed > 0.25 && speed < 0.8, "mean peak speed \(speed) m/s")
        #expect(arrived >= 0.5, "arrived on \(arrived) of trials")
    }

    /// The unlearned field pushes reaches the way it pushes (direction of effect), and
    /// catch trials within the field block are not pushed.
    @Test func fieldDeflectsReachesAndCatchTrialsDoNot() throws {
        let r = try Self.run("""
        protocol:
          - session: a
            blocks:
              - {task: center-out, trials: 32}
              - {task: center-out, trials: 48, perturbation: {field: shadmehr}, catch: 0.25}
        """)
        let null = r.prefix(32), field = r.dropFirst(32).filter { !$0.trial.isCatch }
        let catches = r.dropFirst(32).filter { $0.trial.isCatch }
        let nullAligned = Self.mean(null) { Self.fieldAligned($0) }, fieldAligned = Self.mean(field) { Self.fieldAligned($0) }
        #expect(fieldAligned > 0.005 && fieldAligned > nullAligned + 0.005, "field \(fieldAligned), null \(nullAligned)")
        #expect(!catches.isEmpty)
        #expect(Self.mean(catches) { Self.fieldAligned($0) } < fieldAligned)
    }

    /// PHENOMENA P4 through the closed loop (the same protocol as paradigms/pavlovian.yaml).
    @Test func dopamineMovesFromRewardToCue() throws {
        let r = try Self.run("protocol:\n  - session: a\n    blocks:\n      - {task: pavlovian, trials: 200, targets: [0]}\n", seed: 3)
        let naive = r[0], trained = r[r.count - 1]
        let naiveReward = naive.metrics["dopamine_reward"]!
        #expect(naiveReward > 0.5)
        #expect(naive.metrics["dopamine_cue"]! < 0.05 * naiveReward)
        #expect(trained.metrics["dopamine_cue"]! >= 0.5 * naiveReward)
        #expect(trained.metrics["dopamine_reward"]! <= 0.2 * naiveReward)
    }

    /// Dopamine codes reward probability (Fiorillo, Tobler & Schultz 2003, Science 299:1898),
    /// through the closed loop: after training on a cue rewarded with probability p, the
    /// response to the cue grows with p, the response to a delivered reward shrinks with p
    /// (it carries 1 − p), and the pause when the reward is omitted deepens with p (it
    /// carries −p, compressed like every dip). Trials 100–199 of 200, per probability.
    @Test func dopamineCodesRewardProbability() throws {
        var cue: [Double] = [], reward: [Double] = [], omission: [Double] = []
        for p in [0.25, 0.5, 0.75] {
            let r = try Self.run("protocol:\n  - session: a\n    blocks:\n      - {task: pavlovian, trials: 200, targets: [0], reward_probability: \(p)}\n",
                                 seed: 3).suffix(100)
            let rewarded = r.filter { $0.metrics["rewarded"] == 1 }, omitted = r.filter { $0.metrics["rewarded"] == 0 }
            cue.append(Self.mean(r) { $0.metrics["dopamine_cue"]! })
            reward.append(Self.mean(rewarded) { $0.metrics["dopamine_reward"]! })
            omission.append(Self.mean(omitted) { $0.metrics["dopamine_dip"]! })
        }
        for k in 1..<3 {
            #expect(cue[k] > cue[k - 1] + 0.1, "cue responses \(cue)")
            #expect(reward[k] < reward[k - 1] - 0.05, "reward responses \(reward)")
            #expect(omission[k] < omission[k - 1] - 0.05, "omission dips \(omission)")
        }
        #expect(omission[0] < -0.03, "omission dips \(omission)")
    }

    /// Extinction (Schultz, Dayan & Montague 1997; Pan et al. 2005, J Neurosci 25:6235): when
    /// a trained cue stops being rewarded, the omitted reward first brings a pause, which fades
    /// as the cue's burst fades, since the cue no longer predicts anything.
    @Test func extinctionFadesTheCueAndThePause() throws {
        let r = try Self.run("""
        protocol:
          - session: a
            blocks:
              - {task: pavlovian, trials: 150, targets: [0], reward_probability: 1}
              - {task: pavlovian, trials: 100, targets: [0], reward_probability: 0}
        """, seed: 3)
        let cue = { (t: TrialRecord) in t.metrics["dopamine_cue"]! }, dip = { (t: TrialRecord) in t.metrics["dopamine_dip"]! }
        let trained = r[130..<150], firstOmitted = r[150..<155], late = r[230..<250]
        #expect(Self.mean(firstOmitted, dip) < -0.2, "first pauses \(Self.mean(firstOmitted, dip))")
        #expect(Self.mean(late, cue) < 0.2 * Self.mean(trained, cue), "cue \(Self.mean(trained, cue)) → \(Self.mean(late, cue))")
        #expect(Self.mean(late, dip) > 0.25 * Self.mean(firstOmitted, dip), "pauses \(Self.mean(firstOmitted, dip)) → \(Self.mean(late, dip))")
    }

    /// The lever moves only through the circuit: the cue is pressed after a reaction time.
    @Test func leverIsPressedAfterAReactionTime() throws {
        let r = try Self.run("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 20, targets: [2], feedback: binary}\n")
        #expect(Self.mean(r) { $0.metrics["pressed"]! } > 0.9)
        let press = Self.mean(r) { $0.metrics["press_time_s"]! }
        #expect(press > 0.15 && press < 1.0, "press time \(press) s")
    }

    /// A trial's results do not depend on anything but the seed.
    @Test func sameSeedSameResults() throws {
        let text = "protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 6, perturbation: {curl: 10}, catch: 0.3}\n"
        let a = try Self.run(text, seed: 7), b = try Self.run(text, seed: 7), c = try Self.run(text, seed: 8)
        #expect(a == b)
        #expect(a != c)
    }

    /// A body whose forces the arm cannot follow stops the run at the plant, naming it and
    /// the step, before NaN reaches the senses (where it would surface as a blow-up of the
    /// spindle afferents' population).
    @Test func plantBlowUpIsReportedAtThePlant() throws {
        var body = BodyParameters()
        body.forceGain = 1e6
        let subject = Subject(circuit: try Circuit(seed: 1), body: body)
        var task = CenterOutTask()
        do {
            _ = try subject.perform(Trial(target: 0), on: &task)
            Issue.record("the arm's blow-up went unnoticed")
        } catch {
            #expect(error.kind == "plant" && error.population == "hand", "\(error)")
            #expect(error.description.contains("force gain 1000000.0"), "\(error)")
        }
    }
}
