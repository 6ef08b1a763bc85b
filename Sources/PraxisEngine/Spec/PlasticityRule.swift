/// A learning rule for one projection. Each rule writes its own Δw buffer; the simulator
/// applies all of them in one phase, so the order of rules never changes results.
///
/// "Activity" below is the unit's output for rate units and a low-pass filtered spike rate
/// (τ = 20 ms, Hz) for spiking units.
public enum PlasticityRule: Sendable, Equatable, Codable {
    case threeFactor(ThreeFactorRule)
    case climbingFibre(ClimbingFibreRule)
    case oja(OjaRule)
    case stdp(STDPRule)
    case hebbian(HebbianRule)

    /// Weight bounds of the rule (validated so that `min ≤ max`).
    public var bounds: (min: Float, max: Float) {
        switch self {
        case .threeFactor(let r): (r.minWeight, r.maxWeight)
        case .climbingFibre(let r): (r.minWeight, r.maxWeight)
        case .oja(let r): (r.minWeight, r.maxWeight)
        case .stdp(let r): (r.minWeight, r.maxWeight)
        case .hebbian(let r): (r.minWeight, r.maxWeight)
        }
    }

    /// The rule's name in the circuit-file language (`three-factor`, `climbing-fibre`, …).
    public var name: String {
        switch self {
        case .threeFactor: "three-factor"
        case .climbingFibre: "climbing-fibre"
        case .oja: "oja"
        case .stdp: "stdp"
        case .hebbian: "hebbian"
        }
    }
}

/// Dopamine-gated Hebbian learning through a synaptic eligibility trace
/// (Izhikevich 2007; Frank 2005): `ė_ij = −e_ij/τ_d + h_ij`, `ḣ_ij = −h_ij/τ_r + a_i·a_j`
/// (or `+ a_i` alone with `eligibility: .pre`),
/// `Δw_ij = η · sign · φ(m − tonic) · e_ij · dt` (times `w_ij` when multiplicative, or the
/// room to the bound it moves towards with soft bounds), where
/// `φ(x) = burst·x` above the tonic level and `dip·x` below it (both 1 by default). With the
/// default rise 0.3 s and decay 1 s the
/// trace peaks ≈ 0.5 s after coincident activity, so dopamine arriving 0.3–2 s later counts
/// and dopamine 5 s later does not (Yagishita et al. 2014, Science 345:1616).
///
/// The two sensitivities let a rule read the receptor it acts through: low-affinity D1
/// receptors are occupied mainly during bursts, while high-affinity D2 receptors, nearly
/// saturated at the tonic level, register pauses (Richfield et al. 1989; Dreyer et al. 2010,
/// J Neurosci 30:14273). So D1-MSN potentiation follows bursts and D2-MSN potentiation
/// follows dips (Shen et al. 2008, Science 321:848; Frank 2005). The sensitivities set that
/// asymmetry by hand; `affinity` derives it from receptor occupancy, and with it how the
/// asymmetry changes when the tonic level changes.
public struct ThreeFactorRule: Sendable, Equatable, Codable {
    /// What the eligibility trace integrates.
    public enum Eligibility: String, Sendable, Codable {
        /// Pre × post coincidence (corticostriatal learning).
        case prePost = "pre-post"
        /// Presynaptic activity alone (a TD critic's value weights: Δw ∝ δ · trace of x_i).
        case pre
    }
    public var modulator: String
    /// +1: weights grow with a positive modulator error (D1); −1: with a negative one (D2).
    public var sign: Float
    public var learningRate: Float
    public var traceRiseS: Float
    public var traceDecayS: Float
    public var minWeight: Float
    public var maxWeight: Float
    public var eligibility: Eligibility
    /// Weight of modulator levels above the tonic level (bursts).
    public var burstSensitivity: Float
    /// Weight of modulator levels below the tonic level (dips).
    public var dipSensitivity: Float
    /// Weight-dependent change, `Δw ∝ w` (the multiplicative actor updates of Collins &
    /// Frank 2014, OpAL): a synapse grows in proportion to its strength, so the D1 weights
    /// come to single out the best options and the D2 weights the worst.
    public var multiplicative: Bool
    /// Soft weight bounds (the weight update of Leabra, O'Reilly & Munakata 2000, used by
    /// Frank 2005): increases scale with the room left below `max`, decreases with the
    /// room above `min` (both factors 1 at the middle of the range). A synapse then
    /// settles where its potentiating and depressing events balance, so a stimulus's Go
    /// and NoGo weights come to reflect how often it is rewarded and unrewarded rather
    /// than how often it has been chosen.
    public var softBounds: Bool
    /// Dissociation constant of the receptor the rule reads the modulator through, in units
    /// of the modulator's reference (healthy) tonic level; `nil` reads it linearly. See
    /// `ReceptorOccupancy`: a high-affinity receptor (D2, e.g. 0.3) reads pauses more than
    /// bursts, and pauses all the more when the tonic level has fallen.
    public var affinity: Float?
    public init(modulator: String, sign: Float, learningRate: Float, traceRiseS: Float = 0.3,
                traceDecayS: Float = 1.0, minWeight: Float = 0, maxWeight: Float = 1,
                eligibility: Eligibility = .prePost, burstSensitivity: Float = 1, dipSensitivity: Float = 1,
                multiplicative: Bool = false, softBounds: Bool = false, affinity: Float? = nil) {
        self.modulator = modulator; self.sign = sign; self.learningRate = learningRate
        self.traceRiseS = traceRiseS; self.traceDecayS = traceDecayS
        self.minWeight = minWeight; self.maxWeight = maxWeight; self.eligibility = eligibility
        self.burstSensitivity = burstSensitivity; self.dipSensitivity = dipSensitivity
        self.multiplicative = multiplicative; self.softBounds = softBounds; self.affinity = affinity
    }
}

/// Climbing-fibre gated learning at parallel-fibre → Purkinje synapses (Marr–Albus–Ito):
/// `Δw_ij = dt · (−η_LTD · ε_i · cf_j + η_LTP · a_i)`, where ε_i is the PF activity filtered
/// by a rise/decay kernel peaking near the olivary feedback delay and cf_j the activity of
/// the teacher unit j. LTD needs the teaching signal to follow PF activity; otherwise PF
/// activity alone drives slow LTP (Raymond & Lisberger 1998; Medina & Mauk 2000).
public struct ClimbingFibreRule: Sendable, Equatable, Codable {
    /// Population whose unit j teaches post unit j (same size as the target).
    public var teacher: String
    public var ltdRate: Float
    public var ltpRate: Float
    public var windowRiseS: Float
    public var windowDecayS: Float
    public var minWeight: Float
    public var maxWeight: Float
    public init(teacher: String, ltdRate: Float, ltpRate: Float, windowRiseS: Float = 0.05,
                windowDecayS: Float = 0.1, minWeight: Float = 0, maxWeight: Float = 1) {
        self.teacher = teacher; self.ltdRate = ltdRate; self.ltpRate = ltpRate
        self.windowRiseS = windowRiseS; self.windowDecayS = windowDecayS
        self.minWeight = minWeight; self.maxWeight = maxWeight
    }
}

/// Hebbian learning with Oja's (1982) normalisation: `Δw_ij = η · a_j · (a_i − a_j · w_ij) · dt`.
public struct OjaRule: Sendable, Equatable, Codable {
    public var learningRate: Float
    public var minWeight: Float
    public var maxWeight: Float
    public init(learningRate: Float, minWeight: Float = -10, maxWeight: Float = 10) {
        self.learningRate = learningRate; self.minWeight = minWeight; self.maxWeight = maxWeight
    }
}

/// Pair-based STDP with all-to-all traces (Song, Miller & Abbott 2000): a post spike adds
/// `A+ · x_i` (pre trace, τ+), a pre spike subtracts `A− · y_j` (post trace, τ−).
public struct STDPRule: Sendable, Equatable, Codable {
    public var aPlus: Float, aMinus: Float, tauPlusS: Float, tauMinusS: Float
    public var minWeight: Float, maxWeight: Float
    public init(aPlus: Float = 0.01, aMinus: Float = 0.0105, tauPlusS: Float = 0.020,
                tauMinusS: Float = 0.020, minWeight: Float = 0, maxWeight: Float = 1) {
        self.aPlus = aPlus; self.aMinus = aMinus; self.tauPlusS = tauPlusS
        self.tauMinusS = tauMinusS; self.minWeight = minWeight; self.maxWeight = maxWeight
    }
}

/// Rate Hebbian learning from a limited synaptic resource, optionally gated by a
/// neuromodulator and with passive forgetting:
/// `Δw_ij = dt · (η · g · a_i · a_j · (1 − Σ_k w_ik / B) − λ · w_ij)`.
///
/// - `B` (`budget`) is the total outgoing weight a presynaptic unit can hold. Items stored
///   first take the free resource and later ones find less, so a list learned in order
///   leaves a primacy gradient (the plan of a competitive queue; Grossberg 1978; Bullock &
///   Rhodes 2003; Averbeck et al. 2002, PNAS 99:13172) and lists past the budget lose
///   their last items (a capacity limit).
/// - `g` is the level of `modulator` at the target unit's channel when one is named
///   (acetylcholine as attention: learning that needs effort stalls when attention is
///   divided), else 1.
/// - `λ` (`forgettingPerS`) lets fast stores forget (the labile early stores of CIRCUIT.md §4).
/// - With `meanS` set the rule takes its covariance form (Sejnowski 1977): `a_j` is replaced
///   by `a_j − ā_j`, the target's activity less its running mean over `meanS` seconds, and
///   only the growth is limited by the budget. A source then gains weight onto a target only
///   insofar as the target is more active with it than without it — the contingency
///   `P(j | i) − P(j)` of associative learning (Rescorla & Wagner 1972) — so pairings that
///   merely recur by chance leave no trace.
public struct HebbianRule: Sendable, Equatable, Codable {
    public var learningRate: Float
    /// Total outgoing weight per presynaptic unit (`.infinity` = unlimited).
    public var budget: Float
    /// Neuromodulator whose level gates learning (`nil` = ungated).
    public var modulator: String?
    /// Passive decay rate λ of the weights, per second.
    public var forgettingPerS: Float
    /// Time constant (s) of the target's running mean in the covariance form (`nil`: plain
    /// Hebbian).
    public var meanS: Float?
    public var minWeight: Float
    public var maxWeight: Float
    public init(learningRate: Float, budget: Float = .infinity, modulator: String? = nil,
                forgettingPerS: Float = 0, meanS: Float? = nil, minWeight: Float = 0, maxWeight: Float = 1) {
        self.learningRate = learningRate; self.budget = budget; self.modulator = modulator
        self.forgettingPerS = forgettingPerS; self.meanS = meanS
        self.minWeight = minWeight; self.maxWeight = maxWeight
    }
}
