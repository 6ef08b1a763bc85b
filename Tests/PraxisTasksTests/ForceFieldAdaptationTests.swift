import Foundation
import PraxisCircuit
import Testing
@testable import PraxisTasks

/// PHENOMENA P2 through the closed loop: one subject runs the shipped paradigm
/// (`paradigms/force-field.yaml`: 96 null reaches, 600 in the Shadmehr field with 1 in 6
/// catch trials, 96 of washout) on the default circuit. Errors are the maximum perpendicular
/// error signed in the direction the field pushes each target (`SubjectTests.fieldAligned`).
///
/// What is pinned here is what the circuit reproduces today, with margin: a learning curve,
/// after-effects of the opposite sign in catch and washout trials that then decay. The
/// published magnitudes (early ≥ 5× null, last ≤ 30 % of early, after-effects ≥ 50 %) are
/// not all reached yet; the bounds below say where the model stands.
@Suite struct ForceFieldAdaptationTests {
    static let paradigm = SubjectTests.shipped("paradigms/force-field.yaml")

    static func mean(_ r: some Collection<TrialRecord>, _ f: (TrialRecord) -> Double) -> Double {
        r.map(f).reduce(0, +) / Double(r.count)
    }

    @Test func fieldIsLearnedWithMirrorAfterEffects() throws {
        let text = try String(contentsOf: Self.paradigm, encoding: .utf8)
        let p = try ProtocolFile.parse(text, file: Self.paradigm.path)
        let subject = Subject(circuit: try Circuit(seed: 1))
        var r: [TrialRecord] = []
        try ProtocolRunner(p).run(subject, seed: 1) { r.append($0) }
        #expect(r.count == 792)
        let null = r.filter { $0.trial.perturbation == .none }.prefix(96)
        let block = r.dropFirst(96).prefix(600)
        let field = block.filter { !$0.trial.isCatch }, catches = block.filter(\.trial.isCatch)
        let washout = Array(r.suffix(96))
        let aligned = { (t: TrialRecord) in SubjectTests.fieldAligned(t) }
        let peak = { (t: TrialRecord) in SubjectTests.fieldAligned(t, metric: "lateral_error_m") }
        let maxPerp = { (t: TrialRecord) in abs(t.metrics["max_perpendicular_error_m"]!) }

        // Baseline: the second half of the null block (the first half calibrates the plan).
        let baseline = Self.mean(null.suffix(48), maxPerp)
        let early = Self.mean(field.prefix(8), aligned), last = Self.mean(field.suffix(50), aligned)
        #expect(early >= 2 * baseline, "early \(early) m, null baseline \(baseline) m")
        // The learning curve.
        #expect(last <= 0.6 * early, "last 50 \(last) m, early \(early) m")
        // Catch trials late in the block and the first washout reaches err the other way.
        let catchError = Self.mean(catches.suffix(20), aligned)
        let firstWashout = Self.mean(washout.prefix(8), aligned), lastWashout = Self.mean(washout.suffix(16), aligned)
        #expect(catchError <= -0.35 * early, "catch \(catchError) m, early \(early) m")
        // Over seeds 1, 3 and 4 the first washout reaches err by 0.30–0.62 of early (8 reaches
        // a side, so the ratio moves with the noise).
        #expect(firstWashout <= -0.25 * early, "first washout \(firstWashout) m, early \(early) m")
        // ... and the after-effect decays.
        #expect(abs(lastWashout) < 0.5 * abs(firstWashout), "washout \(firstWashout) → \(lastWashout) m")
        // At peak speed (the measure of Shadmehr & Mussa-Ivaldi 1994) the catch trials'
        // after-effect is at least half the first field trials' error.
        #expect(Self.mean(catches.suffix(20), peak) <= -0.5 * Self.mean(field.prefix(8), peak))
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
        let first = SubjectTests.mean(Array(washout.prefix(8)), perp) / full
        let last = SubjectTests.mean(Array(washout.suffix(16)), perp) / full
        #expect(first >= 0.3, "after-effect \(first) of full compensation")
        #expect(abs(last) < 0.5 * first, "after-effect \(first) → \(last)")
    }
}
