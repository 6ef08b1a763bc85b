/// A plasticity rule as the learn phase uses it: factors precomputed, names resolved to
/// indices at build, and nothing reference-counted. (A `PlasticityRule` carries names as
/// `String`s, and copying one in every step costs a retain/release pair per projection.)
enum ResolvedRule: Sendable {
    case none
    /// Three-factor: `rate` includes the rule's sign; `burst`/`dip` weigh the modulator's
    /// deviation above/below its tonic level; `affinity` is the receptor's dissociation
    /// constant in units of the modulator's reference tonic level (0: read linearly).
    case threeFactor(rate: Float, prePost: Bool, burst: Float, dip: Float, multiplicative: Bool, softBounds: Bool,
                     affinity: Float)
    case climbingFibre(ltd: Float, ltp: Float)
    case oja(rate: Float)
    case stdp(aPlus: Float, aMinus: Float)
    /// Hebbian: `inverseBudget` is 1/B (0 for an unlimited budget). The projection's
    /// `ruleSource` says whether a modulator gates it. `meanDecay` is e^{−dt/τ} of the
    /// target's running mean in the covariance form, 0 for the plain rule.
    case hebbian(rate: Float, inverseBudget: Float, forgetting: Float, meanDecay: Float)

    init(_ rule: PlasticityRule?, dt: Double) {
        switch rule {
        case nil: self = .none
        case .threeFactor(let r)?: self = .threeFactor(rate: r.learningRate * r.sign, prePost: r.eligibility == .prePost,
                                                   burst: r.burstSensitivity, dip: r.dipSensitivity, multiplicative: r.multiplicative,
                                                   softBounds: r.softBounds, affinity: r.affinity ?? 0)
        case .climbingFibre(let r)?: self = .climbingFibre(ltd: r.ltdRate, ltp: r.ltpRate)
        case .oja(let r)?: self = .oja(rate: r.learningRate)
        case .stdp(let r)?: self = .stdp(aPlus: r.aPlus, aMinus: r.aMinus)
        case .hebbian(let r)?:
            self = .hebbian(rate: r.learningRate, inverseBudget: r.budget.isFinite ? 1 / r.budget : 0,
                            forgetting: r.forgettingPerS,
                            meanDecay: r.meanS.map { Float(Libm.exp(-dt / Double($0))) } ?? 0)
        }
    }
}
