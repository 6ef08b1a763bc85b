import Testing
@testable import PraxisEngine

/// Every fast kernel against a naive scalar reference written straight from its equation.
@Suite struct KernelTwinTests {
    @Test func fastExpMatchesLibm() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            let lanes = SIMD8<Float>((0..<8).map { x + Float($0) * 0.0013 })
            let fast = fastExp(lanes)
            for l in 0..<8 {
                let ref = Libm.exp(lanes[l])
                worst = max(worst, abs(fast[l] - ref) / ref)
            }
            x += 0.0917
        }
        #expect(worst < 4 * Float.ulpOfOne, "max relative error \(worst)")
    }

    /// Random state and input each step; the SIMD kernel's v, g_e, g_i, refractory counts and
    /// spikes match a scalar twin within Float rounding.
    @Test(arguments: [IntegrationMethod.exact, .euler])
    func lifConductanceKernelTwin(method: IntegrationMethod) throws {
        let q = LIFConductanceParameters(refractoryS: 0.0005, method: method)
        let n = 37
        let sim = try single(.lifConductance(q), n: n, dt: 1e-4)
        let p = sim.network.populations[0]
        var rng = RandomStream(seed: 9, stream: StreamID(.user, 0))
        let c = p.coefficients
        for step in 0..<200 {
            for j in 0..<n {
                p.v[j] = -0.065 + 0.02 * rng.uniform(); p.s1[j] = 3 * rng.uniform(); p.s2[j] = 10 * rng.uniform()
                if step % 7 == 0 { p.refractory[j] = Int32(rng.uniform() * 3) }
                p.ringSlot(step % p.ringLength, 0)[j] = rng.uniform(); p.ringSlot(step % p.ringLength, 1)[j] = rng.uniform()
            }
            var (v, ge, gi, ref) = (p.state, p.s1.array(n), p.s2.array(n), p.refractory.array(n))
            var spikes: [Int32] = []
            for j in 0..<n {
                ge[j] += p.ringSlot(step % p.ringLength, 0)[j]; gi[j] += p.ringSlot(step % p.ringLength, 1)[j]
                var vn: Float
                if method == .exact {
                    let g = 1 + ge[j] + gi[j]
                    let vInf = (q.leakV + ge[j] * q.excReversalV + gi[j] * q.inhReversalV) / g
                    vn = vInf + (v[j] - vInf) * Libm.exp(-c.dtOverTau * g)
                } else {
                    vn = v[j] + c.dtOverTau * (ge[j] * (q.excReversalV - v[j]) + gi[j] * (q.inhReversalV - v[j]) - (v[j] - q.leakV))
                }
                if ref[j] > 0 { vn = q.resetV; ref[j] -= 1 }
                if vn > q.thresholdV { spikes.append(Int32(j)); vn = q.resetV; ref[j] = c.refractorySteps }
                v[j] = vn; ge[j] *= c.decayExc; gi[j] *= c.decayInh
            }
            sim.setExternal(p, [Float](repeating: 0, count: n))
            let fired = Kernels.integrateLIFConductance(p, q, 0..<p.padded, slot: step % p.ringLength).spikeEnd
            #expect(Array(p.spikes.array(fired)) == spikes)
            for j in 0..<n {
                #expect(abs(p.v[j] - v[j]) <= 1e-6, "v[\(j)] step \(step)")
                #expect(p.s1[j] == ge[j] && p.s2[j] == gi[j] && p.refractory[j] == ref[j])
            }
        }
    }

    @Test func lifCurrentKernelTwin() throws {
        let q = LIFCurrentParameters(refractoryS: 0.0003)
        let n = 21
        let sim = try single(.lifCurrent(q), n: n, dt: 1e-4)
        let p = sim.network.populations[0]
        let c = p.coefficients
        var rng = RandomStream(seed: 4, stream: StreamID(.user, 0))
        for step in 0..<200 {
            for j in 0..<n {
                p.v[j] = -0.060 + 0.012 * rng.uniform(); p.s1[j] = 0.01 * rng.uniform(); p.s2[j] = 0.01 * rng.uniform()
                p.ringSlot(step % p.ringLength, 0)[j] = 0.002 * rng.uniform()
            }
            var (v, ge, gi, ref) = (p.state, p.s1.array(n), p.s2.array(n), p.refractory.array(n))
            var spikes: [Int32] = []
            for j in 0..<n {
                ge[j] += p.ringSlot(step % p.ringLength, 0)[j]
                var vn = q.restV + (v[j] - q.restV) * c.decay + ge[j] * c.propExc - gi[j] * c.propInh
                if ref[j] > 0 { vn = q.resetV; ref[j] -= 1 }
                if vn > q.thresholdV { spikes.append(Int32(j)); vn = q.resetV; ref[j] = c.refractorySteps }
                v[j] = vn; ge[j] *= c.decayExc; gi[j] *= c.decayInh
            }
            let fired = Kernels.integrateLIFCurrent(p, q, 0..<p.padded, slot: step % p.ringLength).spikeEnd
            #expect(Array(p.spikes.array(fired)) == spikes)
            for j in 0..<n { #expect(abs(p.v[j] - v[j]) <= 1e-6 && p.s1[j] == ge[j] && p.refractory[j] == ref[j]) }
        }
    }

    /// Four synapses from each of 12 units onto 15 (48 of 180 pairs), no weight zero.
    static let quarterList: Connectivity = {
        let pre: [Int] = (0..<48).map { $0 / 4 }
        let post: [Int] = (0..<48).map { ($0 * 7) % 15 }
        let weights: [Float] = (0..<48).map { Float($0 % 5) * 0.3 - 0.5 }
        return .explicit(pre: pre, post: post, weights: weights)
    }()

    /// Dense (SIMD axpy) and CSR scatter against a naive double loop over the synapse list;
    /// the first explicit list covers a quarter of the pairs and is stored dense, the second
    /// stays CSR.
    @Test(arguments: [Connectivity.dense, .fixedProbability(p: 0.3), .channelwise(channels: 3),
                      quarterList, .explicit(pre: [3, 1, 3], post: [7, 2, 0], weights: [0.5, 0.25, 2])])
    func transmitKernelTwin(_ connectivity: Connectivity) throws {
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "a", size: 12, model: .rate(RateParameters())),
                          PopulationSpec(name: "b", size: 15, model: .rate(RateParameters()))],
            projections: [ProjectionSpec(name: "ab", source: "a", target: "b", connectivity: connectivity,
                                         weight: .uniform(low: -1, high: 1), scale: 0.7, delaySteps: 2)])
        let net = try Network(spec: spec, seed: 3)
        let a = net.populations[0], b = net.populations[1], j = net.projections[0]
        if case .explicit(let pre, let post, let w) = connectivity {
            #expect(j.storage == (pre.count * 4 >= 12 * 15 ? .dense : .csr))
            // The listed synapses, and only they (a listed zero weight reads as absent).
            let listed = Set(pre.indices.filter { w[$0] != 0 }.map { [pre[$0], post[$0]] })
            #expect(Set(j.synapses().map { [$0.pre, $0.post] }) == listed)
        }
        var rng = RandomStream(seed: 2, stream: StreamID(.user, 0))
        for i in 0..<12 { a.output[i] = i % 4 == 0 ? 0 : rng.uniform() }
        Kernels.transmit(j, source: a, target: b, step: 5)
        var expected = [Float](repeating: 0, count: 15)
        for s in j.synapses() { expected[s.post] += 0.7 * a.output[s.pre] * s.weight }
        let got = b.ringSlot((5 + 2) % b.ringLength, 0)
        for k in 0..<15 { #expect(abs(got[k] - expected[k]) < 1e-5) }
        for k in 15..<b.padded { #expect(got[k] == 0) }
    }

    /// The register-held paths: dense targets of stride 8, 16 and 32 summed across pre units
    /// in registers, and a diagonal (one-to-one) projection eight units at a time. Each must
    /// give exactly what the per-row scatter gives (same sum order per lane) and leave the
    /// target's padding at zero.
    @Test(arguments: [(Connectivity.dense, 4), (.dense, 13), (.dense, 30), (.oneToOne, 12)])
    func transmitRegisterPathsMatchTheScatter(_ connectivity: Connectivity, _ targetSize: Int) throws {
        let spec = NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "a", size: 12, model: .rate(RateParameters())),
                          PopulationSpec(name: "b", size: targetSize, model: .rate(RateParameters()))],
            projections: [ProjectionSpec(name: "ab", source: "a", target: "b", connectivity: connectivity,
                                         weight: .uniform(low: -1, high: 1), scale: 0.7, delaySteps: 1)])
        let net = try Network(spec: spec, seed: 5)
        let a = net.populations[0], b = net.populations[1], j = net.projections[0]
        #expect(j.isDiagonal == (connectivity == .oneToOne))
        var rng = RandomStream(seed: 4, stream: StreamID(.user, 0))
        for i in 0..<12 { a.output[i] = i % 3 == 1 ? 0 : rng.uniform() }
        let slot = b.ringSlot(3 % b.ringLength, 0)
        for k in 0..<targetSize { slot[k] = Float(k) * 0.125 }
        var expected = (0..<b.padded).map { $0 < targetSize ? Float($0) * 0.125 : 0 }
        // The scatter's order: pre units in turn, each adding its row.
        for i in 0..<12 where a.output[i] != 0 {
            for s in j.synapses() where s.pre == i { expected[s.post] += a.output[i] * (j.unitFactor * j.scale) * s.weight }
        }
        Kernels.transmit(j, source: a, target: b, step: 2)
        for k in 0..<b.padded { #expect(slot[k] == expected[k], "post \(k)") }
    }
}

/// Connectivity, weight storage and weight update are independent axes: the same synapses
/// stored densely or as CSR learn identically under every rate-based rule.
@Suite struct StorageIndependenceTests {
    static let rules: [PlasticityRule] = [
        .threeFactor(ThreeFactorRule(modulator: "DA", sign: -1, learningRate: 3, minWeight: -1, maxWeight: 1)),
        .oja(OjaRule(learningRate: 0.5)),
        .climbingFibre(ClimbingFibreRule(teacher: "t", ltdRate: 5, ltpRate: 0.2)),
    ]

    @Test(arguments: rules)
    func denseAndCSRLearnAlike(_ rule: PlasticityRule) throws {
        func weights(_ connectivity: Connectivity) throws -> [Float] {
            let noisy = NeuronModel.rate(RateParameters(tauS: 0.01, transfer: .sigmoid(), noiseSD: 1))
            let spec = NetworkSpec(
                dt: 1e-3,
                populations: [PopulationSpec(name: "a", size: 5, model: noisy), PopulationSpec(name: "b", size: 3, model: noisy),
                              PopulationSpec(name: "t", size: 3, model: noisy)],
                projections: [ProjectionSpec(name: "ab", source: "a", target: "b", connectivity: connectivity,
                                             weight: .constant(0.2), plasticity: rule)],
                modulators: [NeuromodulatorSpec(name: "DA", kind: .dopamine, tonic: 0.5)])
            let sim = Simulator(network: try Network(spec: spec, seed: 8))
            for t in 0..<400 {
                if t % 50 == 0 { sim.network.modulators[0].inject(t % 100 == 0 ? 1 : -0.4) }
                try sim.advance()
            }
            return sim.network.projections[0].weightValues
        }
        let dense = try weights(.dense), csr = try weights(.fixedProbability(p: 1, allowSelf: true))
        #expect(dense.count == 15)
        #expect(dense != Array(repeating: 0.2, count: 15))
        #expect(dense == csr)
    }
}
