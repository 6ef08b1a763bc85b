import PraxisEngine
import Testing
@testable import PraxisCircuit

/// Cerebellar error correction on the built default circuit: a reach along +x (target
/// channel 0) with a constant lateral perturbation. The motor output is the spinal pools'
/// population vector; the lateral error reaches the inferior olive after a 100 ms feedback
/// delay as a signed code over the push-pull microzones (the zone pulling along −y fires
/// more for a +y error, the zone pulling along +y less).
@Suite struct CerebellumTests {
    static let directions: [(Float, Float)] = [(1, 0), (0, 1), (-1, 0), (0, -1)]

    /// Mean lateral error of one 400 ms reach under perturbation `py`.
    static func reach(_ c: Circuit, py: Float, delay: inout [Float]) throws -> Float {
        var target = [Float](repeating: 0, count: c.spec.channels); target[0] = 1
        c.drive("PPC", target)
        // The reach is cued: the cue starts the prefrontal time cells, the mossy fibres'
        // movement-locked temporal basis.
        c.presentCue(0)
        let sc = c.population("SC"), io = c.population("IO")
        var sum: Float = 0, n: Float = 0
        for ms in 0..<400 {
            let out = sc.outputs
            var uy: Float = 0
            for k in 0..<4 { uy += out[k] * Self.directions[k].1 }
            let ey = uy + py
            delay.append(ey)
            let felt = delay.count > 100 ? delay.removeFirst() : 0
            // IO_k carries the error against zone k's pulling direction, signed around the
            // olive's resting rate (as the Subject drives it).
            c.drive("IO", (0..<4).map { -felt * Self.directions[$0].1 })
            _ = io
            try c.step()
            if ms >= 100 { sum += ey; n += 1 }
        }
        c.drive("PPC", [Float](repeating: 0, count: c.spec.channels))
        c.critic.removeCue(0)
        c.drive("IO", [0, 0, 0, 0])
        delay.removeAll()
        try c.run(ms: 300)
        return sum / n
    }

    /// Ten baseline reaches, 80 under perturbation `py`, 60 of washout.
    static func session(cutClimbingFibres: Bool, py: Float = 0.4) throws -> (baseline: Float, early: Float, late: Float, washout: [Float]) {
        let c = try Circuit(seed: 2)
        if cutClimbingFibres { c.population("IO").gain = 0 }
        var delay: [Float] = []
        // Spinal pools carry signal-dependent noise, so single reaches scatter (SD ≈ 0.1):
        // baseline and after-effect are means over reaches.
        var baseline: Float = 0
        for _ in 0..<10 { baseline += try reach(c, py: 0, delay: &delay) / 10 }
        var field: [Float] = []
        for _ in 0..<80 { field.append(try reach(c, py: py, delay: &delay)) }
        var washout: [Float] = []
        for _ in 0..<60 { washout.append(try reach(c, py: 0, delay: &delay)) }
        return (baseline, field.prefix(3).reduce(0, +) / 3, field.suffix(10).reduce(0, +) / 10, washout)
    }

    @Test func perturbationIsLearnedWithAfterEffect() throws {
        let s = try Self.session(cutClimbingFibres: false)
        let early = s.early - s.baseline, late = s.late - s.baseline
        // Before learning most of the push shows (single reaches scatter by ≈ 0.1, so the
        // mean of three by ≈ 0.06).
        #expect(early > 0.5 * 0.4, "early \(early)")
        #expect(late <= 0.3 * early, "early \(early), late \(late)")
        // After-effect: the first washout reaches err the other way, then it decays
        // (unlearning is slower than learning: half of it is gone after ≈ 30 reaches).
        let first = s.washout.prefix(3).reduce(0, +) / 3 - s.baseline
        #expect(first < -0.3 * early, "after-effect \(first)")
        let firstTen = s.washout.prefix(10).reduce(0, +) / 10 - s.baseline
        let lastTwenty = s.washout.suffix(20).reduce(0, +) / 20 - s.baseline
        #expect(abs(lastTwenty) < 0.6 * abs(firstTen), "washout \(firstTen) → \(lastTwenty)")
    }

    @Test func cuttingClimbingFibresAbolishesLearning() throws {
        let s = try Self.session(cutClimbingFibres: true)
        let early = s.early - s.baseline, late = s.late - s.baseline
        #expect(late > 0.8 * early, "early \(early), late \(late)")
        // No after-effect. Without climbing fibres parallel-fibre LTP goes unopposed and the
        // Purkinje cells drift up whatever the reaches were (as simple spikes rise after an
        // olivary lesion; Montarolo, Palestini & Strata 1982), so the control is the same
        // lesioned subject making the same reaches unperturbed.
        let control = try Self.session(cutClimbingFibres: true, py: 0)
        let mean = { (w: [Float]) in w.reduce(0, +) / Float(w.count) }
        #expect(abs(mean(s.washout) - mean(control.washout)) < 0.15 * early,
                "washout \(mean(s.washout)), unperturbed control \(mean(control.washout))")
    }
}
