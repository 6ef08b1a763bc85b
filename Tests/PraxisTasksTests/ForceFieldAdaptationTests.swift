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
    static let paradigm = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("paradigms/force-field.yaml")

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
        #expect(firstWashout <= -0.35 * early, "first washout \(firstWashout) m, early \(early) m")
        // ... and the after-effect decays.
        #expect(abs(lastWashout) < 0.5 * abs(firstWashout), "washout \(firstWashout) → \(lastWashout) m")
        // At peak speed (the measure of Shadmehr & Mussa-Ivaldi 1994) the catch trials'
        // after-effect is at least half the first field trials' error.
        #expect(Self.mean(catches.suffix(20), peak) <= -0.5 * Self.mean(field.prefix(8), peak))
    }
}
