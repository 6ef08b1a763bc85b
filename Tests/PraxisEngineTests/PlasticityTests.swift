import Testing
@testable import PraxisEngine

@Suite struct PlasticityTests {
    // MARK: STDP

    /// Two LIF units driven to spike at chosen steps; the pre → post weight follows the
    /// pair-STDP window A+·exp(−Δt/τ+) for Δt > 0 and −A−·exp(Δt/τ−) for Δt < 0.
    @Test(arguments: [-40, -20, -5, 5, 10, 20, 40])
    func stdpWindowShape(deltaMs: Int) throws {
        let rule = STDPRule(aPlus: 0.01, aMinus: 0.012, tauPlusS: 0.017, tauMinusS: 0.034, minWeight: -1, maxWeight: 2)
        let sim = try lifPair("pre", "post", ProjectionSpec(name: "w", source: "", target: "", connectivity: .oneToOne,
                                                           weight: .constant(0.5), scale: 0, plasticity: .stdp(rule)))
        let pre = sim.network.populations[0], post = sim.network.populations[1]
        let tPre = 500, tPost = 500 + deltaMs * 10
        for t in 0..<1500 {
            // A 10 V drive for one step lifts v past threshold within that step.
            sim.setExternal(pre, [t == tPre ? 10 : 0])
            sim.setExternal(post, [t == tPost ? 10 : 0])
            try sim.advance()
        }
        #expect(sim.spikeTotals == [1, 1])
        let dw = Double(sim.network.projections[0].weightValues[0] - 0.5)
        let dt = Double(deltaMs) * 1e-3
        let expected = dt > 0 ? 0.01 * Libm.exp(-dt / 0.017) : -0.012 * Libm.exp(dt / 0.034)
        #expect(abs(dw - expected) < 0.03 * abs(expected), "Δt \(deltaMs) ms: Δw \(dw), expected \(expected)")
    }

    // MARK: Three-factor

    /// Pre and post rate units active together for 100 ms, then dopamine after `delay`.
    func threeFactorChange(delay: Double, sign: Float = 1, transient: Float = 5, rate: Float = 1,
                           burst: Float = 1, dip: Float = 1, multiplicative: Bool = false, softBounds: Bool = false,
                           initial: Float = 0,
                           eligibility: ThreeFactorRule.Eligibility = .prePost, affinity: Float? = nil,
                           tonic: Float = 1) throws -> Float {
        let rule = ThreeFactorRule(modulator: "DA", sign: sign, learningRate: rate, minWeight: -10, maxWeight: 10,
                                   eligibility: eligibility, burstSensitivity: burst, dipSensitivity: dip,
                                   multiplicative: multiplicative, softBounds: softBounds, affinity: affinity)
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "ctx", size: 1, model: .rate(RateParameters(tauS: 0.005))),
                          PopulationSpec(name: "msn", size: 1, model: .rate(RateParameters(tauS: 0.005)))],
            projections: [ProjectionSpec(name: "w", source: "ctx", target: "msn", connectivity: .oneToOne,
                                         weight: .constant(initial), plasticity: .threeFactor(rule))],
            modulators: [NeuromodulatorSpec(name: "DA", kind: .dopamine, tonic: 1, phasicTauS: 0.05)])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        sim.network.modulators[0].tonic = tonic
        let ctx = sim.network.populations[0], msn = sim.network.populations[1]
        let daStep = 100 + Int(delay * 1000)
        for t in 0..<(daStep + 1500) {
            let on: Float = t < 100 ? 1 : 0
            sim.setExternal(ctx, [on]); sim.setExternal(msn, [on])
            if t == daStep { sim.network.modulators[0].inject(transient) }
            try sim.advance()
        }
        return sim.network.projections[0].weightValues[0]
    }

    /// Dopamine 0.5 s after coincident activity potentiates; 5 s after, it does not
    /// (Yagishita et al. 2014: window ≈ 0.3–2 s).
    @Test func threeFactorTimingWindow() throws {
        let at0_5 = try threeFactorChange(delay: 0.5)
        let at2 = try threeFactorChange(delay: 2)
        let at5 = try threeFactorChange(delay: 5)
        #expect(at0_5 > 0)
        #expect(at2 > 0.1 * at0_5)
        #expect(at5 < 0.05 * at0_5)
    }

    /// D1-like rules (+) grow with a burst and shrink with a dip; D2-like rules (−) the reverse.
    @Test func threeFactorSignPerReceptor() throws {
        #expect(try threeFactorChange(delay: 0.5, sign: 1, transient: 5) > 0)
        #expect(try threeFactorChange(delay: 0.5, sign: 1, transient: -0.8) < 0)
        #expect(try threeFactorChange(delay: 0.5, sign: -1, transient: 5) < 0)
        #expect(try threeFactorChange(delay: 0.5, sign: -1, transient: -0.8) > 0)
    }

    /// A rule reading its receptor: with dip sensitivity ¼ a dip moves the weight by a
    /// quarter as much, while a burst is read in full (and the reverse for bursts).
    @Test func threeFactorBurstAndDipSensitivities() throws {
        let dip = try threeFactorChange(delay: 0.5, transient: -0.8), burst = try threeFactorChange(delay: 0.5, transient: 5)
        let quarterDip = try threeFactorChange(delay: 0.5, transient: -0.8, dip: 0.25)
        #expect(abs(quarterDip - 0.25 * dip) < 1e-3 * abs(dip), "\(quarterDip) vs \(dip)")
        #expect(try threeFactorChange(delay: 0.5, transient: 5, dip: 0.25) == burst)
        let quarterBurst = try threeFactorChange(delay: 0.5, transient: 5, burst: 0.25)
        #expect(abs(quarterBurst - 0.25 * burst) < 1e-3 * abs(burst), "\(quarterBurst) vs \(burst)")
        #expect(try threeFactorChange(delay: 0.5, transient: -0.8, burst: 0.25) == dip)
    }

    /// Multiplicative updates scale with the weight (OpAL): the same dopamine moves a synapse
    /// of weight 2 twice as far as one of weight 1 (with a presynaptic trace, so the weight's
    /// own drive of the target does not enter), and a zero weight not at all.
    /// A rule reading a high-affinity receptor (K = 0.3 of the healthy tonic level, as D2):
    /// a small transient at the healthy level reads as the linear rule does; a dip moves the
    /// weight more than an equal burst; and with the tonic level halved (SNc loss) the same
    /// dip moves it about three times as much, while a linear rule reads it unchanged.
    @Test func threeFactorReceptorAffinity() throws {
        let small = try threeFactorChange(delay: 0.5, transient: 0.01, affinity: 0.3)
        let smallLinear = try threeFactorChange(delay: 0.5, transient: 0.01)
        #expect(abs(small - smallLinear) < 0.05 * abs(smallLinear), "\(small) vs \(smallLinear)")
        let dip = try threeFactorChange(delay: 0.5, transient: -0.3, affinity: 0.3)
        let burst = try threeFactorChange(delay: 0.5, transient: 0.3, affinity: 0.3)
        #expect(dip < 0 && burst > 0)
        #expect(-dip > 1.2 * burst, "dip \(dip), burst \(burst)")
        let depletedDip = try threeFactorChange(delay: 0.5, transient: -0.3, affinity: 0.3, tonic: 0.5)
        #expect(depletedDip < 2.5 * dip, "depleted \(depletedDip) vs healthy \(dip)")
        let linearDip = try threeFactorChange(delay: 0.5, transient: -0.3)
        let linearDepleted = try threeFactorChange(delay: 0.5, transient: -0.3, tonic: 0.5)
        #expect(abs(linearDepleted - linearDip) < 1e-3 * abs(linearDip))
    }

    /// Soft bounds (Leabra): at weight 5 in [−10, 10] a potentiation is scaled by the room
    /// above, (10 − 5)/10 = 0.5, and a depression by the room below, (5 + 10)/10 = 1.5; at
    /// the middle of the range both read as without them.
    @Test func threeFactorSoftBounds() throws {
        let up = try threeFactorChange(delay: 0.5, transient: 5, initial: 5) - 5
        let down = try threeFactorChange(delay: 0.5, transient: -0.8, initial: 5) - 5
        let softUp = try threeFactorChange(delay: 0.5, transient: 5, softBounds: true, initial: 5) - 5
        let softDown = try threeFactorChange(delay: 0.5, transient: -0.8, softBounds: true, initial: 5) - 5
        #expect(up > 0 && down < 0)
        #expect(abs(softUp - 0.5 * up) < 0.05 * up, "\(softUp) vs \(up)")
        #expect(abs(softDown - 1.5 * down) < 0.05 * abs(down), "\(softDown) vs \(down)")
        let mid = try threeFactorChange(delay: 0.5, transient: 5, softBounds: true)
        let midAdditive = try threeFactorChange(delay: 0.5, transient: 5)
        #expect(abs(mid - midAdditive) < 0.05 * midAdditive)
    }

    @Test func threeFactorMultiplicativeScalesWithWeight() throws {
        let one = try threeFactorChange(delay: 0.5, multiplicative: true, initial: 1, eligibility: .pre) - 1
        let two = try threeFactorChange(delay: 0.5, multiplicative: true, initial: 2, eligibility: .pre) - 2
        #expect(one > 0)
        #expect(abs(two / one - 2) < 0.01, "\(two) vs \(one)")
        #expect(try threeFactorChange(delay: 0.5, multiplicative: true, initial: 0) == 0)
    }

    // MARK: Climbing fibre

    /// PF active for 50 ms at 0.2 s; the CF teacher fires for 20 ms at 0.2 s + `cfOffset`.
    func climbingFibreChange(cfOffset: Double) throws -> Float {
        let rule = ClimbingFibreRule(teacher: "IO", ltdRate: 20, ltpRate: 0.05, minWeight: 0, maxWeight: 2)
        let rate = NeuronModel.rate(RateParameters(tauS: 0.002))
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "PF", size: 1, model: rate),
                          PopulationSpec(name: "PC", size: 1, model: rate),
                          PopulationSpec(name: "IO", size: 1, model: rate)],
            projections: [ProjectionSpec(name: "pfpc", source: "PF", target: "PC", connectivity: .oneToOne,
                                         weight: .constant(1), scale: 0, plasticity: .climbingFibre(rule))])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        let pf = sim.network.populations[0], io = sim.network.populations[2]
        let cfStart = 200 + Int(cfOffset * 1000)
        for t in 0..<1200 {
            sim.setExternal(pf, [(200..<250).contains(t) ? 1 : 0])
            sim.setExternal(io, [(cfStart..<cfStart + 20).contains(t) ? 1 : 0])
            try sim.advance()
        }
        return sim.network.projections[0].weightValues[0] - 1
    }

    /// LTD only when the teaching signal follows PF activity within the window.
    @Test func climbingFibreLTDNeedsCFAfterPF() throws {
        let after = try climbingFibreChange(cfOffset: 0.1)
        let before = try climbingFibreChange(cfOffset: -0.15)
        let late = try climbingFibreChange(cfOffset: 0.8)
        #expect(after < 0, "CF 100 ms after PF: Δw \(after)")
        #expect(before > 0, "CF before PF: Δw \(before)")
        #expect(late > 0, "CF 800 ms after PF: Δw \(late)")
    }

    // MARK: Oja

    /// Oja's rule drives the weight vector to the unit-norm principal component of its input.
    @Test func ojaFindsPrincipalComponent() throws {
        let linear = NeuronModel.rate(RateParameters(tauS: 0.001, transfer: .linear()))
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "x", size: 2, model: linear),
                          PopulationSpec(name: "y", size: 1, model: linear)],
            projections: [ProjectionSpec(name: "w", source: "x", target: "y", connectivity: .dense,
                                         weight: .constant(0.3), plasticity: .oja(OjaRule(learningRate: 2)))])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        var rng = RandomStream(seed: 5, stream: StreamID(.user, 0))
        for _ in 0..<2000 {
            // Inputs spread along (1, 1)/√2 (SD 1) and (1, −1)/√2 (SD 0.2), each held 20 ms.
            let a = rng.normal(), b = 0.2 * rng.normal()
            sim.setExternal(sim.network.populations[0], [(a + b) / Float(2).squareRoot(), (a - b) / Float(2).squareRoot()])
            try sim.run(steps: 20)
        }
        let w = sim.network.projections[0].weightValues
        let norm = (w[0] * w[0] + w[1] * w[1]).squareRoot()
        #expect(abs(norm - 1) < 0.1, "|w| = \(norm)")
        #expect(abs(w[0] - w[1]) < 0.15 * norm, "w = \(w)")
    }

    // MARK: Resource-limited Hebbian

    /// One presynaptic unit (held at 1) and four targets driven one after another for 200 ms.
    /// Returns the four weights after `passes` passes.
    func hebbianList(passes: Int, rate: Float, budget: Float, attention: Float? = nil, forgetting: Float = 0,
                     offlineSeconds: Double = 0) throws -> [Float] {
        let fast = NeuronModel.rate(RateParameters(tauS: 0.0005, transfer: .linear()))
        let rule = HebbianRule(learningRate: rate, budget: budget, modulator: attention == nil ? nil : "ACh",
                               forgettingPerS: forgetting, maxWeight: 10)
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "context", size: 1, model: fast), PopulationSpec(name: "items", size: 4, model: fast)],
            projections: [ProjectionSpec(name: "w", source: "context", target: "items", connectivity: .dense,
                                         weight: .constant(0), scale: 0, plasticity: .hebbian(rule))],
            modulators: attention.map { [NeuromodulatorSpec(name: "ACh", kind: .acetylcholine, tonic: $0)] } ?? [])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        let context = sim.network.populations[0], items = sim.network.populations[1]
        sim.setExternal(context, [1])
        for _ in 0..<passes {
            for k in 0..<4 {
                sim.setExternal(items, (0..<4).map { $0 == k ? 1 : 0 })
                try sim.run(steps: 200)
            }
        }
        sim.network.projections[0].forget(seconds: offlineSeconds)
        return sim.network.projections[0].weightValues
    }

    /// A rest off-line applies the rule's forgetting in closed form, e^{−λt}; a rule without
    /// forgetting keeps its weights.
    @Test func offlineForgettingIsExponential() throws {
        let on = try hebbianList(passes: 1, rate: 2, budget: .infinity, forgetting: 0.5)
        let off = try hebbianList(passes: 1, rate: 2, budget: .infinity, forgetting: 0.5, offlineSeconds: 2)
        for k in 0..<4 { #expect(abs(off[k] - on[k] * Float(Libm.exp(-1.0))) < 1e-6 * on[k] + 1e-9) }
        let kept = try hebbianList(passes: 1, rate: 2, budget: .infinity, offlineSeconds: 3600)
        #expect(kept == (try hebbianList(passes: 1, rate: 2, budget: .infinity)))
    }

    /// Items learned in order share a budget: item k keeps f(1 − f)^k of it, f = 1 − e^{−ηT/B}
    /// (a primacy gradient), and the total never exceeds the budget.
    @Test func hebbianBudgetLeavesPrimacyGradient() throws {
        let eta: Float = 2, budget: Float = 1.5, t: Float = 0.2
        let w = try hebbianList(passes: 1, rate: eta, budget: budget)
        let f = 1 - Float(Libm.exp(-Double(eta * t / budget)))
        for k in 0..<4 {
            let expected = budget * f * (0..<k).reduce(Float(1)) { acc, _ in acc * (1 - f) }
            #expect(abs(w[k] - expected) < 0.03 * expected, "item \(k): \(w[k]) vs \(expected)")
        }
        let many = try hebbianList(passes: 30, rate: eta, budget: budget)
        #expect(many.reduce(0, +) <= budget * 1.0001)
        #expect(many.reduce(0, +) > 0.99 * budget)
        #expect(zip(many, many.dropFirst()).allSatisfy { $0 > $1 }, "\(many)")
    }

    /// The gate scales learning by the modulator level: none without attention, the rate of
    /// η·g with it; forgetting decays stored weights as e^{−λt}.
    @Test func hebbianGateAndForgetting() throws {
        let eta: Float = 2, budget: Float = 1.5
        #expect(try hebbianList(passes: 1, rate: eta, budget: budget, attention: 0) == [0, 0, 0, 0])
        let half = try hebbianList(passes: 1, rate: eta, budget: budget, attention: 0.5)
        let expected = budget * (1 - Float(Libm.exp(-Double(0.5 * eta * 0.2 / budget))))
        #expect(abs(half[0] - expected) < 0.03 * expected, "\(half[0]) vs \(expected)")
        // One pass is 0.8 s; with λ = 0.5 s⁻¹ the last item's weight, learned in the final
        // 200 ms, and the first item's, learned 0.6 s earlier, differ by more than the
        // budget alone explains.
        let kept = try hebbianList(passes: 1, rate: eta, budget: .infinity, forgetting: 0.5)
        let noForget = try hebbianList(passes: 1, rate: eta, budget: .infinity)
        #expect(abs(noForget[0] - noForget[3]) < 1e-3 * noForget[0])
        let ratio = kept[0] / kept[3]
        #expect(abs(ratio - Float(Libm.exp(-0.5 * 0.6))) < 0.03, "first/last \(ratio)")
    }

    /// Two sources onto two targets that take turns (200 ms each): `cue` is on only with
    /// target 0, `context` is on throughout. Returns [cue→0, cue→1, context→0, context→1].
    func contingency(meanS: Float?) throws -> [Float] {
        let fast = NeuronModel.rate(RateParameters(tauS: 0.0005, transfer: .linear()))
        let rule = HebbianRule(learningRate: 0.5, meanS: meanS, maxWeight: 10)
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "sources", size: 2, model: fast), PopulationSpec(name: "targets", size: 2, model: fast)],
            projections: [ProjectionSpec(name: "w", source: "sources", target: "targets", connectivity: .dense,
                                         weight: .constant(0), scale: 0, plasticity: .hebbian(rule))])
        let sim = Simulator(network: try Network(spec: spec, seed: 1))
        let sources = sim.network.populations[0], targets = sim.network.populations[1]
        for _ in 0..<100 {
            for k in 0..<2 {
                sim.setExternal(sources, [k == 0 ? 1 : 0, 1])
                sim.setExternal(targets, (0..<2).map { $0 == k ? 1 : 0 })
                try sim.run(steps: 200)
            }
        }
        return sim.network.projections[0].weightValues
    }

    /// The covariance form learns contingency, not co-occurrence: the cue that predicts
    /// target 0 gains weight onto it and none onto target 1, while the context that is on
    /// whatever happens gains (almost) nothing; the plain rule gives the context as much as
    /// the cue (Rescorla & Wagner 1972).
    @Test func covarianceHebbianLearnsContingency() throws {
        let cov = try contingency(meanS: 2)
        #expect(cov[0] > 5, "cue → its target \(cov[0])")
        // The context keeps what it gained while the running mean, starting at 0, caught up.
        #expect(cov[1] < 1e-3 && cov[2] < 0.15 * cov[0] && cov[3] < 0.15 * cov[0], "\(cov)")
        let plain = try contingency(meanS: nil)
        #expect(plain[2] > 0.9 * plain[0] && plain[3] > 0.9 * plain[0], "\(plain)")
    }

    /// Bounds clamp every update.
    @Test func weightBoundsHold() throws {
        let w = try threeFactorChange(delay: 0.5, sign: 1, transient: 5, rate: 10_000)
        #expect(w == 10)
    }
}
