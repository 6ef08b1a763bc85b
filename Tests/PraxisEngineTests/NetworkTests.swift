import Foundation
import Testing
@testable import PraxisEngine

@Suite struct NetworkTests {
    /// Random numbers are addressed by name, not by position: declaring another population
    /// and projection ahead of them leaves a projection's synapses and weights and a
    /// population's noise as they were.
    @Test func streamsFollowNamesNotPositions() throws {
        let noisy = NeuronModel.rate(RateParameters(noiseSD: 0.5))
        let p = ProjectionSpec(name: "p", source: "a", target: "b", connectivity: .fixedProbability(p: 0.2),
                               weight: .uniform(low: 0, high: 1))
        let first = NetworkSpec(dt: 1e-3, populations: [PopulationSpec(name: "a", size: 50, model: noisy),
                                                         PopulationSpec(name: "b", size: 40, model: noisy)],
                                projections: [p])
        let second = NetworkSpec(dt: 1e-3, populations: [PopulationSpec(name: "x", size: 30, model: noisy),
                                                          PopulationSpec(name: "a", size: 50, model: noisy),
                                                          PopulationSpec(name: "b", size: 40, model: noisy)],
                                 projections: [ProjectionSpec(name: "q", source: "x", target: "b", connectivity: .fixedProbability(p: 0.2),
                                                              weight: .uniform(low: 0, high: 1)), p])
        let one = Simulator(network: try Network(spec: first, seed: 5)), two = Simulator(network: try Network(spec: second, seed: 5))
        let synapses = { (s: Simulator) in s.network.projection("p")!.synapses().map { [Float($0.pre), Float($0.post), $0.weight] } }
        #expect(synapses(one) == synapses(two))
        try one.run(steps: 50); try two.run(steps: 50)
        let a1 = one.network.populations[0], a2 = two.network.populations[1]
        #expect((0..<50).map { a1.output($0) } == (0..<50).map { a2.output($0) })
        #expect(StreamID.indices(named: ["a", "b", "a"]).count == Set(StreamID.indices(named: ["a", "b", "a"])).count)
    }

    @Test func connectivityPatterns() throws {
        let rate = NeuronModel.rate(RateParameters())
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "a", size: 400, model: rate), PopulationSpec(name: "b", size: 200, model: rate)],
            projections: [
                ProjectionSpec(name: "p", source: "a", target: "b", connectivity: .fixedProbability(p: 0.1), weight: .constant(1)),
                ProjectionSpec(name: "c", source: "a", target: "b", connectivity: .channelwise(channels: 4), weight: .constant(1)),
                ProjectionSpec(name: "o", source: "b", target: "b", connectivity: .oneToOne, weight: .constant(1)),
                ProjectionSpec(name: "s", source: "a", target: "a", connectivity: .fixedProbability(p: 0.5), weight: .constant(1)),
                ProjectionSpec(name: "e", source: "a", target: "b", connectivity: .explicit(pre: [3, 1, 3], post: [7, 2, 0], weights: [0.5, 0.25, 2]),
                               weight: .constant(0)),
            ])
        let net = try Network(spec: spec, seed: 11)
        let p = net.projection("p")!.synapseCount
        #expect(abs(Double(p) - 8000) < 4 * (8000 * 0.9).squareRoot())
        let channel = net.projection("c")!.synapses()
        #expect(channel.count == 4 * 100 * 50)
        #expect(channel.allSatisfy { $0.pre / 100 == $0.post / 50 })
        #expect(net.projection("o")!.synapses().allSatisfy { $0.pre == $0.post })
        #expect(!net.projection("s")!.synapses().contains { $0.pre == $0.post })
        let explicit = net.projection("e")!.synapses()
        #expect(explicit.map(\.pre) == [1, 3, 3] && explicit.map(\.post) == [2, 0, 7] && explicit.map(\.weight) == [0.25, 2, 0.5])
        // Same seed, same synapses; another seed, other synapses.
        #expect(try Network(spec: spec, seed: 11).projection("p")!.synapses().map(\.post) == net.projection("p")!.synapses().map(\.post))
        #expect(try Network(spec: spec, seed: 12).projection("p")!.synapses().map(\.post) != net.projection("p")!.synapses().map(\.post))
    }

    /// A spike at step t reaches the target's input at step t + delay, not before.
    @Test(arguments: [1, 3, 17])
    func delaysThroughRingBuffer(delay: Int) throws {
        let sim = try lifPair("a", "b", ProjectionSpec(name: "ab", source: "", target: "", connectivity: .oneToOne,
                                                      weight: .constant(0.001), delaySteps: delay))
        let a = sim.network.populations[0], b = sim.network.populations[1]
        var firstMove: Int?
        for t in 0..<40 {
            sim.setExternal(a, [t == 5 ? 10 : 0])
            try sim.advance()
            if firstMove == nil && b.v[0] > -0.070 + 1e-7 { firstMove = t }
        }
        #expect(sim.spikeTotals[0] == 1)
        #expect(firstMove == 5 + delay)
    }

    /// D1 receptors raise and D2 receptors lower excitatory drive as dopamine rises; a dip
    /// reverses both, and burst/dip gains scale the transients.
    @Test func receptorGainsFollowDopamine() throws {
        func response(_ receptor: ReceptorClass, tonic: Float, transient: Float = 0, burstGain: Float = 1) throws -> Float {
            let spec = NetworkSpec(
                dt: 1e-3,
                populations: [PopulationSpec(name: "ctx", size: 1, model: .constant(ConstantParameters(value: 1))),
                              PopulationSpec(name: "msn", size: 1, model: .rate(RateParameters(tauS: 0.005)),
                                             receptors: [ReceptorBinding(modulator: "DA", receptor: receptor, sensitivity: 0.5)])],
                projections: [ProjectionSpec(name: "w", source: "ctx", target: "msn", connectivity: .oneToOne, weight: .constant(1))],
                modulators: [NeuromodulatorSpec(name: "DA", kind: .dopamine, tonic: tonic, phasicTauS: 1, burstGain: burstGain)])
            let sim = Simulator(network: try Network(spec: spec, seed: 1))
            sim.network.modulators[0].inject(transient)
            try sim.run(steps: 100)
            return sim.network.populations[1].outputs[0]
        }
        let d1Low = try response(.d1, tonic: 0), d1High = try response(.d1, tonic: 1)
        let d2Low = try response(.d2, tonic: 0), d2High = try response(.d2, tonic: 1)
        #expect(abs(d1Low - 1) < 1e-3 && abs(d1High - 1.5) < 1e-2)
        #expect(abs(d2Low - 1) < 1e-3 && abs(d2High - 0.5) < 1e-2)
        #expect(try response(.d1, tonic: 1, transient: 1) > d1High)
        #expect(try response(.d2, tonic: 1, transient: -0.5) > d2High)
        #expect(try response(.d1, tonic: 1, transient: 1, burstGain: 0) == d1High)
    }

    /// The reference COBA and CUBA networks fire in the reference simulators' range
    /// (Brian2 ≈ 21 Hz / NEST ≈ 18 Hz for COBA; ≈ 5.7 Hz for CUBA), shown here on 0.3 s.
    @Test func benchmarkNetworkRates() throws {
        for (spec, range) in [(BenchmarkNetworks.coba(neurons: 4000), 15.0...25.0), (BenchmarkNetworks.cuba(neurons: 4000), 4.0...8.0)] {
            let sim = Simulator(network: try Network(spec: spec, seed: 1))
            try sim.run(seconds: 0.3)
            let rate = Double(sim.spikeTotals.reduce(0, +)) / 4000 / 0.3
            #expect(range.contains(rate), "rate \(rate) Hz")
        }
    }

    /// The same seed gives bit-identical spike trains at 1 and 2 threads (populations split
    /// into unit ranges, projections by target).
    @Test func sameSeedSameSpikesAcrossThreadCounts() throws {
        var spec = BenchmarkNetworks.coba(neurons: 8000)
        spec.probes = [ProbeSpec(name: "E", target: "E", variable: .spikes), ProbeSpec(name: "I", target: "I", variable: .spikes)]
        func run(_ threads: Int) throws -> ([Int], [Int32], [Float]) {
            let sim = Simulator(network: try Network(spec: spec, seed: 42), threads: threads)
            try sim.run(steps: 300)
            let e = sim.recording("E")!
            return (e.spikeSteps, e.spikeUnits + sim.recording("I")!.spikeUnits, sim.network.populations[0].state)
        }
        let one = try run(1), two = try run(2)
        #expect(one.1.count > 100)
        #expect(one.0 == two.0 && one.1 == two.1 && one.2 == two.2)
    }

    /// Draining the probes part way through hands over exactly what an undrained run would
    /// have recorded, split at the drain: nothing lost, nothing repeated.
    @Test func drainedRecordingsPartitionTheRun() throws {
        var spec = BenchmarkNetworks.coba(neurons: 1000)
        spec.probes = [ProbeSpec(name: "E", target: "E", variable: .spikes),
                       ProbeSpec(name: "v", target: "I", variable: .state, every: 3)]
        let whole = Simulator(network: try Network(spec: spec, seed: 7))
        try whole.run(steps: 200)
        let parts = Simulator(network: try Network(spec: spec, seed: 7))
        try parts.run(steps: 101)
        let first = parts.drainRecordings()
        try parts.run(steps: 99)
        let second = parts.drainRecordings()
        #expect(parts.recording("v")!.steps.isEmpty && parts.recording("E")!.spikeSteps.isEmpty)
        let e = whole.recording("E")!, v = whole.recording("v")!
        #expect(e.spikeSteps.count > 50)
        #expect(first[0].spikeSteps + second[0].spikeSteps == e.spikeSteps)
        #expect(first[0].spikeUnits + second[0].spikeUnits == e.spikeUnits)
        #expect(first[1].steps + second[1].steps == v.steps)
        #expect(first[1].values + second[1].values == v.values)
        #expect(first[1].steps.last! < 101 && second[1].steps.first! >= 101)
    }

    /// A runaway network stops with an error naming the population and the step.
    @Test func nanGuardNamesPopulationAndStep() throws {
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "runaway", size: 3, model: .rate(RateParameters(tauS: 0.002, transfer: .linear(), initialState: 1)))],
            projections: [ProjectionSpec(name: "loop", source: "runaway", target: "runaway", connectivity: .dense, weight: .constant(50))])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        do {
            try sim.run(steps: 10_000)
            Issue.record("expected a blow-up")
        } catch {
            #expect(error.population == "runaway")
            #expect(error.step > 0 && error.step < 10_000)
            #expect(error.description.contains("step \(error.step)"))
        }
    }

    @Test func schedulePrintsPhasesInOrder() throws {
        let sim = Simulator(network: try Network(spec: BenchmarkNetworks.coba(neurons: 100), seed: 1))
        let text = sim.schedule.description
        let order = ["modulate", "integrate", "transmit", "learn", "apply Δw", "record"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(text.contains("EI: E → I (csr"))
    }
}
