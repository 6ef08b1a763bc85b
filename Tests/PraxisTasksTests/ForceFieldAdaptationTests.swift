import Foundation
import PraxisCircuit
import Testing
@testable import PraxisTasks

/// PHENOMENA P2 through the closed loop: four subjects (seeds 1–4) run the shipped paradigm
/// (`paradigms/force-field.yaml`: 96 null reaches, 600 in the Shadmehr field with 1 in 6
/// catch trials, 96 of washout) on the default circuit. Errors are the maximum perpendicular
/// error signed in the direction the field pushes each target (`SubjectTests.fieldAligned`),
/// averaged over the four subjects: one subject has only one reach per target in the first
/// eight field or washout reaches, and its washout ratio ranges from 0.01 to 0.65 over
/// twelve seeds.
///
/// What is pinned here is what the circuit reproduces today, with margin: a learning curve,
/// after-effects of the opposite sign in catch and washout trials that then decay. The
/// published magnitudes (early ≥ 5× null, last ≤ 30 % of early, after-effects ≥ 50 %) are
/// not all reached yet; the bounds below say where the model stands.
@Suite struct ForceFieldAdaptationTests {
    static let paradigm = SubjectTests.shipped("paradigms/force-field.yaml")

    /// One subject's errors (m) in the phases of the paradigm.
    struct Phases {
        var baseline = 0.0, early = 0.0, last = 0.0, catchError = 0.0, firstWashout = 0.0, lastWashout = 0.0
        var earlyAtPeak = 0.0, catchAtPeak = 0.0

        init() {}

        init(_ r: [TrialRecord]) {
            let null = r.filter { $0.trial.perturbation == .none }.prefix(96)
            let block = r.dropFirst(96).prefix(600)
            let field = block.filter { !$0.trial.isCatch }, catches = block.filter(\.trial.isCatch)
            let washout = Array(r.suffix(96))
            let aligned = { (t: TrialRecord) in SubjectTests.fieldAligned(t) }
            let peak = { (t: TrialRecord) in SubjectTests.fieldAligned(t, metric: "lateral_error_m") }
            // Baseline: the second half of the null block (the first half calibrates the plan).
            baseline = SubjectTests.mean(null.suffix(48)) { abs($0.metrics["max_perpendicular_error_m"]!) }
            early = SubjectTests.mean(field.prefix(8), aligned); last = SubjectTests.mean(field.suffix(50), aligned)
            catchError = SubjectTests.mean(catches.suffix(20), aligned)
            firstWashout = SubjectTests.mean(washout.prefix(8), aligned); lastWashout = SubjectTests.mean(washout.suffix(16), aligned)
            earlyAtPeak = SubjectTests.mean(field.prefix(8), peak); catchAtPeak = SubjectTests.mean(catches.suffix(20), peak)
        }

        /// The mean of `subjects`, phase by phase.
        static func average(_ subjects: [Phases]) -> Phases {
            let all: [WritableKeyPath<Phases, Double>] = [\.baseline, \.early, \.last, \.catchError,
                                                          \.firstWashout, \.lastWashout, \.earlyAtPeak, \.catchAtPeak]
            var m = Phases()
            for k in all { m[keyPath: k] = subjects.map { $0[keyPath: k] }.reduce(0, +) / Double(subjects.count) }
            return m
        }
    }

    @Test func fieldIsLearnedWithMirrorAfterEffects() throws {
        let text = try String(contentsOf: Self.paradigm, encoding: .utf8)
        let subjects = try SubjectTests.cohort(text, seeds: [1, 2, 3, 4])
        #expect(subjects.allSatisfy { $0.count == 792 })
        let m = Phases.average(subjects.map(Phases.init))
        #expect(m.early >= 2 * m.baseline, "early \(m.early) m, null baseline \(m.baseline) m")
        // The learning curve.
        #expect(m.last <= 0.6 * m.early, "last 50 \(m.last) m, early \(m.early) m")
        // Catch trials late in the block and the first washout reaches err the other way.
        #expect(m.catchError <= -0.35 * m.early, "catch \(m.catchError) m, early \(m.early) m")
        #expect(m.firstWashout <= -0.35 * m.early, "first washout \(m.firstWashout) m, early \(m.early) m")
        // ... and the after-effect decays.
        #expect(abs(m.lastWashout) < 0.5 * abs(m.firstWashout), "washout \(m.firstWashout) → \(m.lastWashout) m")
        // At peak speed (the measure of Shadmehr & Mussa-Ivaldi 1994) the catch trials'
        // after-effect is at least half the first field trials' error.
        #expect(m.catchAtPeak <= -0.5 * m.earlyAtPeak, "at peak speed: catch \(m.catchAtPeak) m, early \(m.earlyAtPeak) m")
    }
}

/// Error-clamp channel trials read out the learned force (Scheidt et al. 2000, J Neurophysiol
/// 83:3208; the measure of Smith, Ghazizadeh & Shadmehr 2006): after 200 reaches in a curl
/// field the subject presses against the field's push (a clockwise curl pushes each reach to
/// its right, so the learned force is to the left, +), by more than twice what it pressed
/// into the channel before. Naive reaches press a little either way (single trials ±3 N,
/// their means over 16 trials −1.4 to +0.4 N for seeds 1–4), so the naive force is judged
/// against the learned one, not against zero.
@Suite struct ChannelForceTests {
    @Test func clampTrialsShowTheLearnedForce() throws {
        let r = try SubjectTests.run("""
        protocol:
          - session: a
            blocks:
              - {task: center-out, trials: 16, perturbation: clamp}
              - {task: center-out, trials: 200, perturbation: {curl: 15}}
              - {task: center-out, trials: 16, perturbation: clamp}
        """)
        let force = { (t: TrialRecord) in t.metrics["channel_force_n"]! }
        let naive = SubjectTests.mean(r.prefix(16), force), adapted = SubjectTests.mean(r.suffix(16), force)
        #expect(adapted > 1.0, "adapted \(adapted) N")
        #expect(abs(naive) < 0.5 * (adapted - naive), "naive \(naive) N, adapted \(adapted) N")
        #expect(r.suffix(16).allSatisfy { abs($0.metrics["max_perpendicular_error_m"]!) < 0.005 })
    }
}

/// Visuomotor rotation through the closed loop (Krakauer et al. 2000, J Neurosci 20:8916):
/// with the cursor turned 30° counter-clockwise the hand learns to aim 30° clockwise, so the
/// cursor lands on the target again, and the first reaches after the rotation is removed err
/// the learned way, then recover.
@Suite struct RotationAdaptationTests {
    @Test func rotationIsCompensatedWithAfterEffect() throws {
        let r = try SubjectTests.run("""
        protocol:
          - session: a
            blocks:
              - {task: center-out, trials: 48}
              - {task: center-out, trials: 160, perturbation: {rotation: 30}}
              - {task: center-out, trials: 48}
        """)
        // Full compensation puts the hand's path 10 cm · sin 30° = 5 cm clockwise of the line.
        let full = -0.10 * sin(Double.pi / 6)
        let perp = { (t: TrialRecord) in t.metrics["max_perpendicular_error_m"]! }
        let adapted = Array(r[48..<208].suffix(40)), washout = Array(r.suffix(48))
        let compensation = SubjectTests.mean(adapted, perp) / full
        #expect(compensation >= 0.6, "compensation \(compensation)")
        #expect(SubjectTests.mean(adapted) { $0.metrics["arrived"]! } >= 0.6)
        let first = SubjectTests.mean(washout.prefix(8), perp) / full
        let last = SubjectTests.mean(washout.suffix(16), perp) / full
        #expect(first >= 0.3, "after-effect \(first) of full compensation")
        #expect(abs(last) < 0.5 * first, "after-effect \(first) → \(last)")
    }
}
