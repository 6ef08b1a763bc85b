/// The dynamics of one population's units, with the parameters a user sets.
///
/// Units are SI inside the engine except where a name says otherwise (`…Ms`, `…mV`);
/// the Izhikevich model keeps its published dimensionless units (v in mV, t in ms).
public enum NeuronModel: Sendable, Equatable, Codable {
    /// Leaky-integrator rate unit.
    case rate(RateParameters)
    /// Leaky integrate-and-fire with current-based exponential synapses.
    case lifCurrent(LIFCurrentParameters)
    /// Leaky integrate-and-fire with conductance-based exponential synapses.
    case lifConductance(LIFConductanceParameters)
    /// Izhikevich (2003) two-variable spiking model.
    case izhikevich(IzhikevichParameters)
    /// Independent Poisson spike sources.
    case poisson(PoissonParameters)
    /// A constant signal (a current for spiking targets, a rate for rate targets).
    case constant(ConstantParameters)
    /// A periodic rectangular pulse train (used for deep brain stimulation).
    case pulseTrain(PulseTrainParameters)

    /// Whether the model emits spikes (events) rather than a continuous signal.
    public var isSpiking: Bool {
        switch self {
        case .lifCurrent, .lifConductance, .izhikevich, .poisson: true
        case .rate, .constant, .pulseTrain: false
        }
    }

    /// Short name used in printed schedules and error messages.
    public var kindName: String {
        switch self {
        case .rate: "rate"
        case .lifCurrent: "lif-current"
        case .lifConductance: "lif-conductance"
        case .izhikevich: "izhikevich"
        case .poisson: "poisson"
        case .constant: "constant"
        case .pulseTrain: "pulse-train"
        }
    }
}

/// How a spiking model advances its membrane equation over one step.
public enum IntegrationMethod: String, Sendable, Codable, CaseIterable {
    /// Exact for linear dynamics; exponential Euler (conductances frozen over the step) otherwise.
    case exact
    /// Forward Euler (as Brian2's `euler`), kept for comparison with other simulators.
    case euler
}

/// Output nonlinearity of a rate unit, applied to its state `x`.
public enum Transfer: Sendable, Equatable, Codable {
    /// `r = slope · x` (signed).
    case linear(slope: Float = 1)
    /// `r = min(max, slope · max(0, x − threshold))`.
    case thresholdLinear(threshold: Float = 0, slope: Float = 1, max: Float = .infinity)
    /// `r = max / (1 + exp(−slope · (x − threshold)))`.
    case sigmoid(threshold: Float = 0, slope: Float = 1, max: Float = 1)
    /// `r = tanh(slope · (x − threshold))`, signed.
    case tanh(threshold: Float = 0, slope: Float = 1)
}

/// Leaky integrator: `τ dx/dt = −x + gain · (I_exc − I_inh + bias) − β·a`, `r = f(x)`, with
///
/// - an Ornstein–Uhlenbeck noise whose stationary standard deviation is `noiseSD`;
/// - signal-dependent noise: an OU term whose standard deviation is `signalNoise · |r|`, so
///   the spread of the output grows in proportion to its mean (Harris & Wolpert 1998,
///   Nature 394:780; Jones, Hamilton & Wolpert 2002 measured a coefficient of variation
///   near 0.1–0.2 for isometric force);
/// - spike-frequency adaptation: `τ_a da/dt = −a + r` subtracted with strength β, so a unit
///   driven steadily settles at `(I − θ)/(1 + β)` and a winner of a competition tires and
///   yields (the adaptation that lets a competitive queue step through a sequence).
public struct RateParameters: Sendable, Equatable, Codable {
    public var tauS: Float
    public var transfer: Transfer
    public var bias: Float
    public var noiseSD: Float
    public var initialState: Float
    /// Coefficient of variation of the output-proportional noise (0 = none).
    public var signalNoise: Float
    /// Adaptation strength β (0 = none).
    public var adaptationStrength: Float
    /// Adaptation time constant τ_a in seconds.
    public var adaptationTauS: Float
    public init(tauS: Float = 0.01, transfer: Transfer = .thresholdLinear(), bias: Float = 0,
                noiseSD: Float = 0, initialState: Float = 0, signalNoise: Float = 0,
                adaptationStrength: Float = 0, adaptationTauS: Float = 0.5) {
        self.tauS = tauS; self.transfer = transfer; self.bias = bias
        self.noiseSD = noiseSD; self.initialState = initialState; self.signalNoise = signalNoise
        self.adaptationStrength = adaptationStrength; self.adaptationTauS = adaptationTauS
    }
}

/// Initial membrane potentials: uniform in `[low, high]` or normal `mean + sd · N(0,1)` (volts).
public enum InitialDistribution: Sendable, Equatable, Codable {
    case constant(Float)
    case uniform(low: Float, high: Float)
    case normal(mean: Float, sd: Float)
}

/// Current-based LIF (Brette et al. 2007 benchmark 2):
/// `τm dv/dt = (E_L − v) + g_e − g_i`, `dg_e/dt = −g_e/τe`, `dg_i/dt = −g_i/τi` (g in volts).
public struct LIFCurrentParameters: Sendable, Equatable, Codable {
    public var tauMS: Float, restV: Float, thresholdV: Float, resetV: Float
    public var refractoryS: Float, tauExcS: Float, tauInhS: Float
    /// Constant drive added to the membrane equation (volts of steady-state depolarisation).
    public var biasV: Float
    public var initialV: InitialDistribution
    public var method: IntegrationMethod
    public init(tauMS: Float = 0.020, restV: Float = -0.049, thresholdV: Float = -0.050,
                resetV: Float = -0.060, refractoryS: Float = 0.005, tauExcS: Float = 0.005,
                tauInhS: Float = 0.010, biasV: Float = 0,
                initialV: InitialDistribution = .uniform(low: -0.060, high: -0.050),
                method: IntegrationMethod = .exact) {
        self.tauMS = tauMS; self.restV = restV; self.thresholdV = thresholdV; self.resetV = resetV
        self.refractoryS = refractoryS; self.tauExcS = tauExcS; self.tauInhS = tauInhS
        self.biasV = biasV; self.initialV = initialV; self.method = method
    }
}

/// Conductance-based LIF (Vogels & Abbott 2005; Brette et al. 2007 benchmark 1), conductances
/// in units of the leak conductance: `τm dv/dt = g_e (E_e − v) + g_i (E_i − v) − (v − E_L) + bias`.
public struct LIFConductanceParameters: Sendable, Equatable, Codable {
    public var tauMS: Float, leakV: Float, thresholdV: Float, resetV: Float, refractoryS: Float
    public var excReversalV: Float, inhReversalV: Float, tauExcS: Float, tauInhS: Float
    public var biasV: Float
    public var initialV: InitialDistribution
    public var initialExc: InitialDistribution
    public var initialInh: InitialDistribution
    public var method: IntegrationMethod
    public init(tauMS: Float = 0.020, leakV: Float = -0.060, thresholdV: Float = -0.050,
                resetV: Float = -0.060, refractoryS: Float = 0.005, excReversalV: Float = 0,
                inhReversalV: Float = -0.080, tauExcS: Float = 0.005, tauInhS: Float = 0.010,
                biasV: Float = 0,
                initialV: InitialDistribution = .constant(-0.060),
                initialExc: InitialDistribution = .constant(0),
                initialInh: InitialDistribution = .constant(0),
                method: IntegrationMethod = .exact) {
        self.tauMS = tauMS; self.leakV = leakV; self.thresholdV = thresholdV; self.resetV = resetV
        self.refractoryS = refractoryS; self.excReversalV = excReversalV
        self.inhReversalV = inhReversalV; self.tauExcS = tauExcS; self.tauInhS = tauInhS
        self.biasV = biasV; self.initialV = initialV; self.initialExc = initialExc
        self.initialInh = initialInh; self.method = method
    }
}

/// Izhikevich (2003, IEEE TNN 14:1569): `v' = 0.04v² + 5v + 140 − u + I`, `u' = a(bv − u)`,
/// spike at v ≥ 30 mV then `v ← c`, `u ← u + d` (v in mV, t in ms). Synaptic input is a
/// current `I_syn` that jumps by the weight and decays with `tauSynMs`.
public struct IzhikevichParameters: Sendable, Equatable, Codable {
    public var a: Float, b: Float, c: Float, d: Float
    public var bias: Float
    public var tauSynMs: Float
    public init(a: Float, b: Float, c: Float, d: Float, bias: Float = 0, tauSynMs: Float = 5) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.bias = bias; self.tauSynMs = tauSynMs
    }
    /// Regular spiking (excitatory cortical), Izhikevich 2003 Fig. 2.
    public static let regularSpiking = IzhikevichParameters(a: 0.02, b: 0.2, c: -65, d: 8)
    /// Intrinsically bursting.
    public static let intrinsicallyBursting = IzhikevichParameters(a: 0.02, b: 0.2, c: -55, d: 4)
    /// Chattering (fast rhythmic bursting).
    public static let chattering = IzhikevichParameters(a: 0.02, b: 0.2, c: -50, d: 2)
    /// Fast spiking (inhibitory interneurons).
    public static let fastSpiking = IzhikevichParameters(a: 0.1, b: 0.2, c: -65, d: 2)
    /// Low-threshold spiking (inhibitory interneurons).
    public static let lowThresholdSpiking = IzhikevichParameters(a: 0.02, b: 0.25, c: -65, d: 2)
}

/// Independent Poisson spike trains at `rateHz` each.
public struct PoissonParameters: Sendable, Equatable, Codable {
    public var rateHz: Float
    public init(rateHz: Float) { self.rateHz = rateHz }
}

/// A constant output `value` on every unit.
public struct ConstantParameters: Sendable, Equatable, Codable {
    public var value: Float
    public init(value: Float) { self.value = value }
}

/// Rectangular pulses of height `amplitude`, width `pulseWidthMs`, at `frequencyHz`,
/// starting at `phaseMs` (a DBS waveform: e.g. 130 Hz, 0.06–0.1 ms pulses).
public struct PulseTrainParameters: Sendable, Equatable, Codable {
    public var frequencyHz: Float, amplitude: Float, pulseWidthMs: Float, phaseMs: Float
    public init(frequencyHz: Float, amplitude: Float, pulseWidthMs: Float, phaseMs: Float = 0) {
        self.frequencyHz = frequencyHz; self.amplitude = amplitude
        self.pulseWidthMs = pulseWidthMs; self.phaseMs = phaseMs
    }
}
