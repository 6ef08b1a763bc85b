import PraxisEngine

/// A built circuit for one subject: the engine network and simulator, plus the names a
/// task and a lab use (regions, channels). Diseases and drugs act only through the knobs
/// of `network` (population gain, projection scale and plasticity rate, modulator levels).
public final class Circuit: @unchecked Sendable {
    public let spec: CircuitSpec
    public let network: Network
    public let simulator: Simulator
    /// The TD critic that drives SNc dopamine.
    public let critic: Critic

    /// Builds `spec` for one subject with `seed`.
    public init(spec: CircuitSpec = CircuitFile.defaultCircuit(), seed: UInt64, probes: [ProbeSpec] = [],
                threads: Int = 1) throws(SpecErrors) {
        self.spec = spec
        network = try Network(spec: spec.network(probes: probes), seed: seed)
        simulator = Simulator(network: network, threads: threads)
        critic = Critic(spec.critic, dtMs: spec.dtMs, network: network, simulator: simulator)
    }

    /// The population named `name`; a programmer error if absent.
    public func population(_ name: String) -> Population {
        guard let p = network.population(name) else { preconditionFailure("no population '\(name)' in circuit '\(spec.name)'") }
        return p
    }

    /// Sets the external drive of `population`, one value per channel (spread over the
    /// channel's units) or one per unit.
    public func drive(_ name: String, _ values: [Float]) {
        let p = population(name)
        if values.count == p.size {
            simulator.setExternal(p, values)
        } else {
            precondition(values.count <= spec.channels, "more values than channels")
            let per = p.size / spec.channels
            var full = [Float](repeating: 0, count: p.size)
            for (c, v) in values.enumerated() { for k in 0..<per { full[c * per + k] = v } }
            simulator.setExternal(p, full)
        }
    }

    /// Mean output of each channel of a channel-structured population.
    public func channelOutputs(_ name: String) -> [Float] {
        let p = population(name)
        let out = p.outputs
        let per = max(1, p.size / spec.channels)
        var means = [Float](repeating: 0, count: spec.channels)
        for c in 0..<spec.channels {
            var sum: Float = 0
            for k in 0..<per { sum += out[c * per + k] }
            means[c] = sum / Float(per)
        }
        return means
    }

    /// One step: the circuit's sense-phase mechanisms (critic), then the engine's schedule.
    public func step() throws(SimulationError) {
        critic.step(simulator.step)
        try simulator.advance()
    }

    /// Advances the circuit by `ms` milliseconds.
    public func run(ms: Double) throws(SimulationError) {
        for _ in 0..<Int((ms / spec.dtMs).rounded()) { try step() }
    }

    /// Presents cue `id` now (its time cells start after the sensory latency).
    public func presentCue(_ id: Int) { critic.presentCue(id, at: simulator.step) }
}
