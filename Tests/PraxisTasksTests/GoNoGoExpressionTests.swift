import Foundation
import PraxisCircuit
import Testing
@testable import PraxisEngine
@testable import PraxisTasks

/// How dopamine weighs the two striatal pathways at the moment of choice (Frank 2005, J Cogn
/// Neurosci 17:51; the β_G/β_N of Collins & Frank 2014, Psychol Rev 121:337): with low tonic
/// dopamine, D2 (NoGo) MSNs are more excitable and D1 (Go) MSNs less, so a stimulus's learned
/// NoGo weight steers choices more than it does with healthy dopamine. Probed on the default
/// circuit with learning frozen: pair AB of the selection task, B's corticostriatal D2 weight
/// raised from 1 to 1.4, in the healthy and the Parkinsonian (tonic and bursts halved) state.
@Suite struct GoNoGoExpressionTests {
    /// Fraction of AB trials on which A is chosen (over seeds 1–2, 40 trials each).
    static func chooseA(parkinsonian: Bool, noGoB: Float) throws -> Double {
        var chosenA = 0.0, chosen = 0.0
        for seed: UInt64 in 1...2 {
            let c = try Circuit(seed: seed)
            if parkinsonian {
                for m in c.network.modulators where m.kind == .dopamine { m.tonic *= 0.5; m.burstGain *= 0.5 }
            }
            let keyB = SelectionTask.stimulusChannels[1]
            for name in ["PMd→D1_DLS", "PMd→D2_DLS"] {
                let j = try #require(c.network.projection(name))
                j.plasticityRate = 0
                if name == "PMd→D2_DLS" {
                    for (k, s) in j.synapses().enumerated() where s.pre == keyB && s.post == keyB { j.weights.base[k] = noGoB }
                }
            }
            let subject = Subject(circuit: c)
            var task = SelectionTask()
            for t in 0..<40 {
                let r = try subject.perform(Trial(target: 0, feedback: .none, rewardDraw: Double(t % 10) / 10), on: &task)
                if let choice = r.metrics["choice"] { chosen += 1; chosenA += choice == 0 ? 1 : 0 }
            }
        }
        return chosenA / max(1, chosen)
    }

    @Test func lowDopamineLetsNoGoSteerChoices() throws {
        let healthy = try Self.chooseA(parkinsonian: false, noGoB: 1.4) - Self.chooseA(parkinsonian: false, noGoB: 1)
        let parkinsonian = try Self.chooseA(parkinsonian: true, noGoB: 1.4) - Self.chooseA(parkinsonian: true, noGoB: 1)
        // Measured: healthy +0.01, Parkinsonian +0.43 (three seeds × 60 trials: +0.06, +0.41).
        #expect(parkinsonian > 0.2, "Parkinsonian: B's NoGo moves P(A) by \(parkinsonian)")
        #expect(parkinsonian > healthy + 0.15, "healthy \(healthy), Parkinsonian \(parkinsonian)")
    }
}
