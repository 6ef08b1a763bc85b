@testable import PraxisEngine

/// A one-population network of `model` with `n` units at `dt`, plus probes.
func single(_ model: NeuronModel, n: Int = 1, dt: Double, probes: [ProbeSpec] = [],
            receptors: [ReceptorBinding] = [], modulators: [NeuromodulatorSpec] = []) throws -> Simulator {
    let spec = NetworkSpec(dt: dt, populations: [PopulationSpec(name: "P", size: n, model: model, receptors: receptors)],
                           modulators: modulators, probes: probes)
    return Simulator(network: try Network(spec: spec, seed: 1))
}

/// Spike times (steps) per unit from a `.spikes` recording.
func spikeTrains(_ r: Recording, units: Int) -> [[Int]] {
    var out = [[Int]](repeating: [], count: units)
    for (s, u) in zip(r.spikeSteps, r.spikeUnits) { out[Int(u)].append(s) }
    return out
}
