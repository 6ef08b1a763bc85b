import PraxisCircuit
import PraxisClinic
import PraxisEngine
import PraxisTasks

extension Cohort {
    /// The factors of subject `seed`'s individual differences, one per variation, drawn from
    /// the subject's own stream (so they do not depend on the arm or the thread).
    public func factors(seed: UInt64) -> [Double] {
        var rng = RandomStream(seed: seed, stream: LabStream.individualDifferences)
        return variability.map { max(0, $0.distribution.draw(&rng)) }
    }
}

extension Variation.Distribution {
    /// One value: normal or uniform, from `rng`.
    func draw(_ rng: inout RandomStream) -> Double {
        switch self {
        case .normal(let mean, let sd): mean + sd * Double(rng.normal())
        case .uniform(let low, let high): low + (high - low) * Double(rng.uniform())
        }
    }

    /// The distribution's mean.
    public var mean: Double {
        switch self {
        case .normal(let mean, _): mean
        case .uniform(let low, let high): (low + high) / 2
        }
    }
}

extension Arm {
    /// The condition of subject `seed` in this arm, and its SNc loss when drawn from the
    /// arm's spread (from the subject's own stream, so the same individual has the same
    /// severity in every arm that spreads it alike, e.g. off and on medication).
    public func subjectCondition(seed: UInt64) -> (condition: Condition, drawnSncLoss: Double?) {
        guard let spread = sncLossSpread else { return (condition, nil) }
        var rng = RandomStream(seed: seed, stream: LabStream.severity)
        var c = condition
        c.sncLoss = min(0.95, max(0, spread.draw(&rng)))
        return (c, c.sncLoss)
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
        case .body: break  // acts on the body: `scale(_:by:)` with a `BodyParameters`
        }
    }

    /// Multiplies this knob of `body` by `factor`, if it is a body knob.
    public func scale(_ body: inout BodyParameters, by factor: Double) {
        guard case .body(let name) = self, let field = BodyParameters.field(named: name) else { return }
        body[keyPath: field.keyPath] *= factor
    }
}

extension Experiment {
    /// The body of a subject whose individual factors are `factors` (one per variation of
    /// the cohort, in order): the experiment's body with each body knob scaled. Throws when
    /// a factor takes a parameter out of its range (e.g. a speed scaled to 0).
    public func subjectBody(factors: [Double]) throws(RunError) -> BodyParameters {
        var body = self.body
        for (v, f) in zip(cohort.variability, factors) { v.knob.scale(&body, by: f) }
        if let problem = body.problems.first {
            throw RunError.invalidBody(field: "body.\(problem.field)", message: problem.message)
        }
        return body
    }
}
