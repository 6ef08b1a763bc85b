extension NetworkSpec {
    /// Checks the whole description and returns every problem found (empty when valid).
    public func problems() -> [SpecError] {
        var out: [SpecError] = []
        func fail(_ element: String, _ field: String, _ message: String) {
            out.append(SpecError(element: element, field: field, message: message))
        }
        if !(dt > 0 && dt.isFinite) { fail("network", "dt", "must be a positive number of seconds, got \(dt)") }

        var sizes: [String: Int] = [:]
        for p in populations {
            let el = "population '\(p.name)'"
            if p.name.isEmpty { fail(el, "name", "must not be empty") }
            if sizes[p.name] != nil { fail(el, "name", "is defined twice") }
            sizes[p.name] = p.size
            if p.size < 1 { fail(el, "size", "must be at least 1, got \(p.size)") }
            if !(p.gain >= 0 && p.gain.isFinite) { fail(el, "gain", "must be ≥ 0, got \(p.gain)") }
            for problem in p.model.problems(dt: dt) { fail(el, "model.\(problem.0)", problem.1) }
            for r in p.receptors where !modulators.contains(where: { $0.name == r.modulator }) {
                fail(el, "receptors.modulator", "names unknown neuromodulator '\(r.modulator)'")
            }
        }
        var modulatorNames = Set<String>()
        for m in modulators {
            let el = "neuromodulator '\(m.name)'"
            if !modulatorNames.insert(m.name).inserted { fail(el, "name", "is defined twice") }
            if !(m.tonic >= 0) { fail(el, "tonic", "must be ≥ 0, got \(m.tonic)") }
            if !(m.phasicTauS > 0) { fail(el, "phasicTauS", "must be > 0, got \(m.phasicTauS)") }
            if !(m.dipTauS > 0) { fail(el, "dipTauS", "must be > 0, got \(m.dipTauS)") }
            if !(m.burstGain >= 0) { fail(el, "burstGain", "must be ≥ 0, got \(m.burstGain)") }
            if let v = m.vulnerability, !(v >= 0 && v <= 1) { fail(el, "vulnerability", "must be in [0, 1], got \(v)") }
            if !(m.dipGain >= 0) { fail(el, "dipGain", "must be ≥ 0, got \(m.dipGain)") }
            if m.channels < 1 { fail(el, "channels", "must be at least 1, got \(m.channels)") }
        }
        var projectionNames = Set<String>()
        for j in projections {
            let el = "projection '\(j.name)'"
            if !projectionNames.insert(j.name).inserted { fail(el, "name", "is defined twice") }
            let ns = sizes[j.source], nt = sizes[j.target]
            if ns == nil { fail(el, "source", "names unknown population '\(j.source)'") }
            if nt == nil { fail(el, "target", "names unknown population '\(j.target)'") }
            if j.delaySteps < 1 { fail(el, "delaySteps", "must be at least 1 step, got \(j.delaySteps)") }
            if !j.scale.isFinite { fail(el, "scale", "must be finite") }
            if let s = populations.first(where: { $0.name == j.target }), !s.model.acceptsInput {
                fail(el, "target", "population '\(j.target)' is a source and takes no input")
            }
            switch j.weight {
            case .uniform(let lo, let hi) where !(lo <= hi):
                fail(el, "weight", "uniform low \(lo) exceeds high \(hi)")
            case .normal(_, let sd) where !(sd >= 0):
                fail(el, "weight", "normal sd must be ≥ 0, got \(sd)")
            default: break
            }
            if let ns, let nt {
                switch j.connectivity {
                case .oneToOne where ns != nt:
                    fail(el, "connectivity", "one-to-one needs equal sizes, got \(ns) → \(nt)")
                case .fixedProbability(let p, _) where !(p >= 0 && p <= 1):
                    fail(el, "connectivity", "probability must be in [0, 1], got \(p)")
                case .channelwise(let c) where c < 1 || ns % c != 0 || nt % c != 0:
                    fail(el, "connectivity", "\(c) channels must divide both sizes \(ns) and \(nt)")
                case .explicit(let pre, let post, let w):
                    if pre.count != post.count || pre.count != w.count {
                        fail(el, "connectivity", "explicit pre, post and weights differ in length")
                    } else if pre.contains(where: { $0 < 0 || $0 >= ns }) || post.contains(where: { $0 < 0 || $0 >= nt }) {
                        fail(el, "connectivity", "explicit index out of range for sizes \(ns) → \(nt)")
                    }
                default: break
                }
            }
            if let rule = j.plasticity {
                let b = rule.bounds
                if !(b.min <= b.max) {
                    fail(el, "plasticity.minWeight", "minWeight \(b.min) exceeds maxWeight \(b.max)")
                }
                switch rule {
                case .threeFactor(let r):
                    if !modulatorNames.contains(r.modulator) {
                        fail(el, "plasticity.modulator", "names unknown neuromodulator '\(r.modulator)'")
                    }
                    if r.sign != 1 && r.sign != -1 { fail(el, "plasticity.sign", "must be +1 or −1, got \(r.sign)") }
                    if !(r.traceDecayS > 0) { fail(el, "plasticity.traceDecayS", "must be > 0") }
                    if !(r.traceRiseS >= 0) { fail(el, "plasticity.traceRiseS", "must be ≥ 0") }
                    if r.traceRiseS == r.traceDecayS { fail(el, "plasticity.traceRiseS", "must differ from traceDecayS") }
                    if !(r.burstSensitivity >= 0) { fail(el, "plasticity.burstSensitivity", "must be ≥ 0, got \(r.burstSensitivity)") }
                    if !(r.dipSensitivity >= 0) { fail(el, "plasticity.dipSensitivity", "must be ≥ 0, got \(r.dipSensitivity)") }
                    if r.softBounds && r.multiplicative {
                        fail(el, "plasticity.softBounds", "choose one of soft bounds and multiplicative")
                    }
                    if r.softBounds && !(r.maxWeight > r.minWeight && (r.maxWeight - r.minWeight).isFinite) {
                        fail(el, "plasticity.softBounds", "needs finite bounds with min < max")
                    }
                    if let a = r.affinity, !(a > 0 && a.isFinite) { fail(el, "plasticity.affinity", "must be > 0, got \(a)") }
                case .climbingFibre(let r):
                    if let teacherSize = sizes[r.teacher] {
                        if let nt, teacherSize != nt {
                            fail(el, "plasticity.teacher", "teacher '\(r.teacher)' has \(teacherSize) units, target has \(nt)")
                        }
                    } else {
                        fail(el, "plasticity.teacher", "names unknown population '\(r.teacher)'")
                    }
                    if !(r.windowDecayS > 0) || !(r.windowRiseS >= 0) || r.windowRiseS == r.windowDecayS {
                        fail(el, "plasticity.window", "needs rise ≥ 0, decay > 0 and rise ≠ decay")
                    }
                case .oja(let r):
                    if !(r.learningRate >= 0) { fail(el, "plasticity.learningRate", "must be ≥ 0") }
                case .hebbian(let r):
                    if let name = r.modulator, !modulatorNames.contains(name) {
                        fail(el, "plasticity.modulator", "names unknown neuromodulator '\(name)'")
                    }
                    if !(r.learningRate >= 0) { fail(el, "plasticity.learningRate", "must be ≥ 0") }
                    if !(r.budget > 0) { fail(el, "plasticity.budget", "must be > 0, got \(r.budget)") }
                    if !(r.forgettingPerS >= 0) { fail(el, "plasticity.forgettingPerS", "must be ≥ 0") }
                    if let s = r.meanS, !(s > 0) { fail(el, "plasticity.meanS", "must be > 0, got \(s)") }
                case .stdp(let r):
                    if !(r.tauPlusS > 0 && r.tauMinusS > 0) { fail(el, "plasticity.tau", "must be > 0") }
                    let spiking = populations.filter { $0.name == j.source || $0.name == j.target }.allSatisfy { $0.model.isSpiking }
                    if !spiking { fail(el, "plasticity", "STDP needs spiking source and target") }
                }
            }
        }
        for probe in probes {
            let el = "probe '\(probe.name)'"
            if probe.every < 1 { fail(el, "every", "must be at least 1 step, got \(probe.every)") }
            switch probe.variable {
            case .state, .output, .spikes:
                guard let p = populations.first(where: { $0.name == probe.target }) else {
                    fail(el, "target", "names unknown population '\(probe.target)'"); continue
                }
                if probe.variable == .spikes && !p.model.isSpiking {
                    fail(el, "variable", "population '\(p.name)' does not spike")
                }
            case .modulator where !modulators.contains(where: { $0.name == probe.target }):
                fail(el, "target", "names unknown neuromodulator '\(probe.target)'")
            case .weights where !projections.contains(where: { $0.name == probe.target }):
                fail(el, "target", "names unknown projection '\(probe.target)'")
            default: break
            }
        }
        return out
    }

    /// Throws `SpecErrors` listing every problem, or returns if the description is valid.
    public func validate() throws(SpecErrors) {
        let found = problems()
        if !found.isEmpty { throw SpecErrors(errors: found) }
    }
}

extension NeuronModel {
    /// Whether projections may target this model (sources take no input).
    public var acceptsInput: Bool {
        switch self {
        case .poisson, .constant, .pulseTrain: false
        default: true
        }
    }

    /// (field, message) pairs for out-of-range parameters.
    func problems(dt: Double) -> [(String, String)] {
        var out: [(String, String)] = []
        func positive(_ v: Float, _ f: String) { if !(v > 0 && v.isFinite) { out.append((f, "must be > 0, got \(v)")) } }
        func nonNegative(_ v: Float, _ f: String) { if !(v >= 0 && v.isFinite) { out.append((f, "must be ≥ 0, got \(v)")) } }
        switch self {
        case .rate(let p):
            positive(p.tauS, "tauS"); nonNegative(p.noiseSD, "noiseSD"); nonNegative(p.signalNoise, "signalNoise")
            nonNegative(p.adaptationStrength, "adaptationStrength"); positive(p.adaptationTauS, "adaptationTauS")
        case .lifCurrent(let p):
            positive(p.tauMS, "tauMS"); positive(p.tauExcS, "tauExcS"); positive(p.tauInhS, "tauInhS")
            nonNegative(p.refractoryS, "refractoryS")
            if !(p.thresholdV > p.resetV) { out.append(("thresholdV", "must exceed resetV")) }
        case .lifConductance(let p):
            positive(p.tauMS, "tauMS"); positive(p.tauExcS, "tauExcS"); positive(p.tauInhS, "tauInhS")
            nonNegative(p.refractoryS, "refractoryS")
            if !(p.thresholdV > p.resetV) { out.append(("thresholdV", "must exceed resetV")) }
        case .izhikevich(let p):
            positive(p.tauSynMs, "tauSynMs")
        case .poisson(let p):
            nonNegative(p.rateHz, "rateHz")
            if Double(p.rateHz) * dt > 1 { out.append(("rateHz", "rate × dt exceeds one spike per step")) }
        case .constant(let p):
            if !p.value.isFinite { out.append(("value", "must be finite")) }
        case .pulseTrain(let p):
            positive(p.frequencyHz, "frequencyHz"); positive(p.pulseWidthMs, "pulseWidthMs")
            if Double(p.pulseWidthMs) * 1e-3 * Double(p.frequencyHz) > 1 {
                out.append(("pulseWidthMs", "pulses of \(p.pulseWidthMs) ms overlap at \(p.frequencyHz) Hz"))
            }
        }
        return out
    }
}
