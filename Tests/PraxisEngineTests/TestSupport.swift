@testable import PraxisEngine

/// A one-population network of `model` with `n` units at `dt`, plus probes.
func single(_ model: NeuronModel, n: Int = 1, dt: Double, probes: [ProbeSpec] = [],
            receptors: [ReceptorBinding] = [], modulators: [NeuromodulatorSpec] = []) throws -> Simulator {
    let spec = NetworkSpec(dt: dt, populations: [PopulationSpec(name: "P", size: n, model: model, receptors: receptors)],
                           modulators: modulators, probes: probes)
    return Simulator(network: try Network(spec: spec, seed: 1))
}

/// A LIF unit at rest (−70 mV, threshold −50 mV) that fires only when driven: a 10 V external
/// drive for one step lifts it past threshold within that step.
let quietLIF = LIFCurrentParameters(restV: -0.070, thresholdV: -0.050, resetV: -0.070, initialV: .constant(-0.070))

/// Two single quiet LIF units `a` → `b` joined one-to-one by `projection` (its source and
/// target are set here), at dt = 0.1 ms.
func lifPair(_ a: String, _ b: String, _ projection: ProjectionSpec, probes: [ProbeSpec] = []) throws -> Simulator {
    var j = projection
    j.source = a; j.target = b; j.connectivity = .oneToOne
    let spec = NetworkSpec(dt: 1e-4,
                           populations: [PopulationSpec(name: a, size: 1, model: .lifCurrent(quietLIF)),
                                         PopulationSpec(name: b, size: 1, model: .lifCurrent(quietLIF))],
                           projections: [j], probes: probes)
    return Simulator(network: try Network(spec: spec, seed: 1))
}

/// Spike times (steps) per unit from a `.spikes` recording.
func spikeTrains(_ r: Recording, units: Int) -> [[Int]] {
    var out = [[Int]](repeating: [], count: units)
    for (s, u) in zip(r.spikeSteps, r.spikeUnits) { out[Int(u)].append(s) }
    return out
}
