import PraxisCircuit
import PraxisEngine
import Testing
@testable import PraxisTasks

/// Recording the circuit in the closed loop (`praxis run-subject --record`).
@Suite struct ActivityCSVTests {
    /// Names resolve to population outputs or modulator levels, and unknown names are set
    /// apart; a recorded selection trial shows the pair's two channels lighting up in PPC
    /// after the visual latency while the other channels stay near silent: one row per unit
    /// and sample, sampled and timed from the trial's start.
    @Test func recordsAPairArrivingInParietalCortex() throws {
        let spec = CircuitFile.defaultCircuit()
        let (probes, unknown) = ActivityCSV.probes(["PPC", "dopamine", "Nope"], in: spec.network())
        #expect(unknown == ["Nope"])
        #expect(probes.map(\.variable) == [.output, .modulator])
        let circuit = try Circuit(spec: spec, seed: 3, probes: probes)
        let subject = Subject(circuit: circuit)
        var task = SelectionTask()
        // A first trial, drained and dropped, so that the recorded one starts at a step that
        // is no multiple of the sampling interval: samples count from the trial's start.
        _ = try subject.perform(Trial(target: 1, feedback: .none), on: &task)
        if circuit.simulator.step % 5 == 0 { try circuit.step() }
        _ = circuit.simulator.drainRecordings()
        let start = circuit.simulator.step
        let record = try subject.perform(Trial(target: 0, feedback: .none), on: &task)
        let recordings = circuit.simulator.drainRecordings()
        let rows = ActivityCSV.rows(trial: 7, recordings: recordings, startStep: start, dtMs: spec.dtMs, every: 5)
        let steps = circuit.simulator.step - start
        #expect(recordings[0].steps.count == steps)
        let samples = (steps + 4) / 5
        #expect(rows.count == samples * (8 + recordings[1].width))

        var ppc: [Double: [Int: Double]] = [:]
        for row in rows {
            let f = row.split(separator: ",").map(String.init)
            #expect(f[0] == "7")
            if f[2] == "PPC" { ppc[Double(f[1])!, default: [:]][Int(f[3])!] = Double(f[4])! }
        }
        #expect(ppc.keys.min() == 0 && ppc.keys.allSatisfy { $0.truncatingRemainder(dividingBy: 5) == 0 })
        let pair = [SelectionTask.stimulusChannels[0], SelectionTask.stimulusChannels[1]]
        let choice = try #require(record.metrics["rt_s"]) * 1000
        for (t, units) in ppc where t < choice {
            for (u, v) in units where !pair.contains(u) { #expect(v < 0.01, "channel \(u) at \(t) ms: \(v)") }
            if t < 40 { for u in pair { #expect(units[u]! < 0.01, "channel \(u) at \(t) ms, before the eye could see it") } }
        }
        for u in pair { #expect(ppc[200]![u]! > 0.5, "channel \(u) at 200 ms: \(ppc[200]![u]!)") }
    }
}
