/// A built network: flat buffers and precomputed coefficients, ready for a `Simulator`.
/// Populations, projections and modulators expose the knobs that later layers turn
/// (`gain`, `scale`, `plasticityRate`, `tonic`, `burstGain`, `dipGain`).
public final class Network: @unchecked Sendable {
    public let spec: NetworkSpec
    public let seed: UInt64
    public let dt: Double
    public let populations: [Population]
    public let projections: [Projection]
    public let modulators: [Modulator]
    /// Owns every buffer of the network.
    let arena: Arena
    /// For each population, the projections that target it, in spec order.
    let incoming: [[Int]]

    /// Validates `spec` as a whole and builds it; throws every problem found, building nothing.
    public init(spec: NetworkSpec, seed: UInt64) throws(SpecErrors) {
        try spec.validate()
        self.spec = spec
        self.seed = seed
        dt = spec.dt
        let popIndex = Dictionary(uniqueKeysWithValues: spec.populations.enumerated().map { ($1.name, $0) })
        let modIndex = Dictionary(uniqueKeysWithValues: spec.modulators.enumerated().map { ($1.name, $0) })
        var maxDelay = [Int](repeating: 0, count: spec.populations.count)
        for j in spec.projections { maxDelay[popIndex[j.target]!] = max(maxDelay[popIndex[j.target]!], j.delaySteps) }

        let arena = Arena()
        self.arena = arena
        let populationStreams = StreamID.indices(named: spec.populations.map(\.name))
        let projectionStreams = StreamID.indices(named: spec.projections.map(\.name))
        populations = spec.populations.enumerated().map { i, p in
            Population(spec: p, index: i, stream: populationStreams[i], dt: spec.dt, longestDelay: maxDelay[i], seed: seed,
                       receptors: p.receptors.map {
                           ResolvedReceptor(modulator: modIndex[$0.modulator]!, sign: $0.receptor.sign,
                                            sensitivity: $0.sensitivity)
                       }, arena: arena)
        }
        modulators = spec.modulators.map { Modulator(spec: $0, dt: spec.dt) }
        var built: [Projection] = []
        for (k, j) in spec.projections.enumerated() {
            let src = populations[popIndex[j.source]!], tgt = populations[popIndex[j.target]!]
            let projection = Network.buildProjection(j, index: k, stream: projectionStreams[k], source: src, target: tgt, seed: seed, dt: spec.dt, arena: arena)
            built.append(projection)
            if j.receptor == .modulatory { tgt.hasModulatoryInput = true }
            switch j.plasticity {
            case .climbingFibre(let r)?:
                src.needsActivity = true; tgt.needsActivity = true
                projection.ruleSource = popIndex[r.teacher]!
                populations[projection.ruleSource].needsActivity = true
            case .threeFactor(let r)?:
                src.needsActivity = true; tgt.needsActivity = true
                projection.ruleSource = modIndex[r.modulator]!
            case .hebbian(let r)?:
                src.needsActivity = true; tgt.needsActivity = true
                projection.ruleSource = r.modulator.map { modIndex[$0]! } ?? -1
            case .some:
                src.needsActivity = true; tgt.needsActivity = true
            case nil: break
            }
        }
        projections = built
        incoming = populations.indices.map { p in built.indices.filter { built[$0].target == p } }
    }

    /// The population named `name`.
    public func population(_ name: String) -> Population? { populations.first { $0.name == name } }
    /// The projection named `name`.
    public func projection(_ name: String) -> Projection? { projections.first { $0.name == name } }
    /// The neuromodulator named `name`.
    public func modulator(_ name: String) -> Modulator? { modulators.first { $0.name == name } }

    /// Total number of synapses.
    public var synapseCount: Int { projections.reduce(0) { $0 + $1.synapseCount } }
}
