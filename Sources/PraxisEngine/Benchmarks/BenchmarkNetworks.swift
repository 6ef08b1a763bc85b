/// The standard networks used to compare simulators (Brette et al. 2007, J Comput Neurosci
/// 23:349, benchmarks 1 and 2, after Vogels & Abbott 2005). See `BENCHMARKS.md` in the design
/// notes for the exact definitions these follow.
public enum BenchmarkNetworks {
    /// Benchmark 1 (COBA): `neurons` conductance-based LIF, 80 % excitatory, each ordered pair
    /// connected with p = 80/N, w_e = 0.6, w_i = 6.7 (leak units), dt = 0.1 ms.
    public static func coba(neurons: Int, method: IntegrationMethod = .exact) -> NetworkSpec {
        let nE = neurons * 4 / 5, nI = neurons - nE
        let model = LIFConductanceParameters(
            tauMS: 0.020, leakV: -0.060, thresholdV: -0.050, resetV: -0.060, refractoryS: 0.005,
            excReversalV: 0, inhReversalV: -0.080, tauExcS: 0.005, tauInhS: 0.010,
            initialV: .normal(mean: -0.065, sd: 0.005), initialExc: .normal(mean: 4, sd: 1.5),
            initialInh: .normal(mean: 20, sd: 12), method: method)
        return twoPopulation(nE: nE, nI: nI, model: .lifConductance(model), we: 0.6, wi: 6.7)
    }

    /// Benchmark 2 (CUBA): current-based LIF with exact integration, w_e = 1.62 mV, w_i = 9 mV.
    public static func cuba(neurons: Int, method: IntegrationMethod = .exact) -> NetworkSpec {
        let nE = neurons * 4 / 5, nI = neurons - nE
        let model = LIFCurrentParameters(
            tauMS: 0.020, restV: -0.049, thresholdV: -0.050, resetV: -0.060, refractoryS: 0.005,
            tauExcS: 0.005, tauInhS: 0.010, initialV: .uniform(low: -0.060, high: -0.050), method: method)
        return twoPopulation(nE: nE, nI: nI, model: .lifCurrent(model), we: 0.00162, wi: 0.009)
    }

    private static func twoPopulation(nE: Int, nI: Int, model: NeuronModel, we: Float, wi: Float) -> NetworkSpec {
        let p = 80.0 / Double(nE + nI)
        func link(_ s: String, _ t: String, _ w: Float, _ r: Receptor) -> ProjectionSpec {
            // Brian2's connect(p=…) includes self-pairs; so does the reference.
            ProjectionSpec(name: s + t, source: s, target: t,
                           connectivity: .fixedProbability(p: p, allowSelf: true),
                           weight: .constant(w), receptor: r, delaySteps: 1)
        }
        return NetworkSpec(
            dt: 1e-4,
            populations: [PopulationSpec(name: "E", size: nE, model: model),
                          PopulationSpec(name: "I", size: nI, model: model)],
            projections: [link("E", "E", we, .excitatory), link("E", "I", we, .excitatory),
                          link("I", "E", wi, .inhibitory), link("I", "I", wi, .inhibitory)])
    }

    /// A random recurrent rate network: `neurons` leaky tanh units (τ = 10 ms, noise 0.1),
    /// 10 % connectivity with balanced-sign weights of scale g/sqrt(pN), g = 1.5, dt = 1 ms.
    public static func rate(neurons: Int) -> NetworkSpec {
        let p = min(1, 0.1), k = max(1, Double(neurons) * p)
        let sd = Float(1.5 / k.squareRoot())
        return NetworkSpec(
            dt: 1e-3,
            populations: [PopulationSpec(name: "R", size: neurons,
                                         model: .rate(RateParameters(tauS: 0.010, transfer: .tanh(), noiseSD: 0.1)))],
            projections: [ProjectionSpec(name: "RR", source: "R", target: "R",
                                         connectivity: .fixedProbability(p: p),
                                         weight: .normal(mean: 0, sd: sd), delaySteps: 1)])
    }
}
