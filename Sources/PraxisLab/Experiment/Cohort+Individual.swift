import PraxisCircuit
import PraxisEngine

extension Cohort {
    /// The factors of subject `seed`'s individual differences, one per variation, drawn from
    /// the subject's own stream (so they do not depend on the arm or the thread).
    public func factors(seed: UInt64) -> [Double] {
        var rng = RandomStream(seed: seed, stream: StreamID(.user, 1))
        return variability.map { v in
            switch v.distribution {
            case .normal(let mean, let sd): max(0, mean + sd * Double(rng.normal()))
            case .uniform(let low, let high): low + (high - low) * Double(rng.uniform())
            }
        }
    }
}

extension Knob {
    /// Multiplies this knob of `circuit` by `factor`.
    public func scale(_ circuit: Circuit, by factor: Double) {
        let f = Float(factor)
        switch self {
        case .modulator(let name, let field):
            for m in circuit.network.modulators where m.name == name {
                switch field {
                case .tonic: m.tonic *= f
                case .burstGain: m.burstGain *= f
                case .dipGain: m.dipGain *= f
                }
            }
        case .populationGain(let name): circuit.population(name).gain *= f
        case .projectionScale(let name): circuit.network.projection(name)?.scale *= f
        case .plasticityRate(let name): circuit.network.projection(name)?.plasticityRate *= f
        }
    }
}
