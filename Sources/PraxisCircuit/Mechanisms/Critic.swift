import Foundation
import PraxisEngine

/// Parameters of the temporal-difference critic, set in the circuit file under `critic:`.
public struct CriticParameters: Sendable, Codable, Equatable {
    /// Width of one time cell of the cue representation (complete serial compound), ms.
    public var binMs: Double = 50
    /// Number of time cells per cue (bins × binMs is the longest predicted interval).
    public var bins: Int = 40
    /// Sensory latency from cue onset to the cortical time cells, ms.
    public var latencyMs: Double = 60
    /// Learning rate α of the value weights.
    public var learningRate: Double = 0.3
    /// Time constant of the value weights' eligibility trace (TD(λ)), ms.
    public var traceMs: Double = 200
    /// Discount time constant: γ = exp(−dt/τ) per step, s.
    public var discountS: Double = 10
    /// Number of distinct cues (contexts) with their own value weights.
    public var cues: Int = 8
    /// Scales δ into the phasic dopamine transient (before the modulator's burst/dip gains).
    public var dopamineGain: Double = 1
    /// A reward is delivered as a pulse of this length (juice, a tone of success), ms.
    public var rewardMs: Double = 100
    /// Ceiling of a value weight's magnitude: the time cells' synapses onto the value cells
    /// are cortico-striatal synapses (ventral striatum) and saturate like the dorsal ones,
    /// whose rules in the default circuit stop at 2. Healthy learning stays well below it
    /// (largest weight 1.2–1.4 in the shipped paradigms); it bounds the values when the
    /// released error is lopsided, as under levodopa, where negative errors are learned from
    /// at half the rate of positive ones and the values otherwise grow without end.
    public var maxWeight: Double = 2
    public init() {}
}

/// A temporal-difference critic and the SNc dopamine it drives (Schultz, Dayan & Montague
/// 1997, Science 275:1593). Each cue starts a cascade of overlapping time cells (Gaussian
/// bumps every `binMs`, σ = 0.6·binMs, after the sensory latency; cf. the microstimuli of
/// Ludvig, Sutton & Kehoe 2008) so the value V(t) = Σ w·x(t) is smooth; rewards arrive as
/// pulses of `rewardMs`. Each step δ = r(t) + γ·V(t) − V(t − dt) (continuous-time TD, Doya
/// 2000), w ← w + α·δ·e with e a low-pass trace of x (TD(λ); δ as released, see
/// `released`; |w| ≤ `maxWeight`), and δ is
/// injected into the dopamine field, whose burst and dip gains and tonic level are the
/// knobs disease and drugs turn. The time cells drive the PFC_T population and the dopamine
/// level drives the SNc population, so both can be recorded like any other region.
public final class Critic: @unchecked Sendable {
    public let parameters: CriticParameters
    public private(set) var weights: [Float]
    private var trace: [Float]
    private var onset: [Int?]
    private var rewardRate: Float = 0
    private var rewardStepsLeft = 0
    private let rewardSteps: Int
    private var features: [Float]
    /// Cues whose features are set this step.
    private var featured: [Int] = []
    /// The time cells' bump exp(−z²/2) by twice the offset from a bin's centre in steps
    /// (offsets are whole or half steps), for offsets within `bumpReach` steps.
    private let bumpTable: [Float]
    private let bumpReach: Int
    private var previousValue: Float = 0
    private let gamma: Float
    private let traceDecay: Float
    private let binSteps: Int
    private let latencySteps: Int
    /// Step at which each cue's features were last on, and how long its trace outlives them.
    private var lastActive: [Int]
    private let quietSteps: Int
    /// The first dopamine field (SNc's): its gains define the error the critic learns from.
    private let dopamine: Modulator?
    /// Every dopamine field: the dopamine cell groups (SNc, VTA) all carry the error.
    private let dopamineFields: [Modulator]
    private let timeCells: Population?
    private let snc: Population?
    /// The simulator of the circuit that owns this critic; it is alive whenever `step` runs
    /// (only `Circuit.step` calls it). Unowned without a check: a checked unowned reference
    /// costs an atomic retain/release pair per use, ~2 % of a reaching subject's run (perf).
    private unowned(unsafe) let simulator: Simulator
    /// The last prediction error and value.
    public private(set) var delta: Float = 0
    public private(set) var value: Float = 0

    init(_ p: CriticParameters, dtMs: Double, network: Network, simulator: Simulator) {
        parameters = p
        self.simulator = simulator
        weights = Array(repeating: 0, count: p.cues * p.bins)
        trace = weights
        features = weights
        rewardSteps = max(1, Int((p.rewardMs / dtMs).rounded()))
        onset = Array(repeating: nil, count: p.cues)
        gamma = Float(exp(-dtMs / 1000 / p.discountS))
        traceDecay = Float(exp(-dtMs / p.traceMs))
        binSteps = max(1, Int((p.binMs / dtMs).rounded()))
        latencySteps = Int((p.latencyMs / dtMs).rounded())
        lastActive = Array(repeating: Int.min / 2, count: p.cues)
        quietSteps = Int((14 * p.traceMs / dtMs).rounded(.up))
        dopamineFields = network.modulators.filter { $0.kind == .dopamine }
        dopamine = dopamineFields.first
        timeCells = network.population("PFC_T")
        snc = network.population("SNc")
        bumpReach = 6 * binSteps
        let sigma = 0.6 * Float(binSteps)
        bumpTable = (-2 * bumpReach...2 * bumpReach).map { Self.gaussian(Float($0) * 0.5 / sigma) }
    }

    /// exp(−z²/2), in the precision the features use.
    private static func gaussian(_ z: Float) -> Float { Float(exp(Double(-0.5 * z * z))) }

    /// A time cell's activity at `twiceOffset`/2 steps from its bin's centre.
    @inline(__always)
    private func bump(_ twiceOffset: Int, sigma: Float) -> Float {
        let i = twiceOffset + 2 * bumpReach
        return i >= 0 && i < bumpTable.count ? bumpTable[i] : Self.gaussian(Float(twiceOffset) * 0.5 / sigma)
    }

    /// Starts cue `id`'s time cells at `step` (they fire after the sensory latency).
    public func presentCue(_ id: Int, at step: Int) {
        precondition(id >= 0 && id < parameters.cues, "cue id out of range")
        onset[id] = step
    }

    /// Ends cue `id`'s representation.
    public func removeCue(_ id: Int) { onset[id] = nil }

    /// Delivers a reward (negative: punishment) as a pulse of `rewardMs` starting next step.
    public func reward(_ amount: Float) {
        let carried = rewardRate * Float(rewardStepsLeft)
        rewardStepsLeft = rewardSteps
        rewardRate = (amount + carried) / Float(rewardSteps)
    }

    /// The error the value weights learn from: δ as the dopamine cells can release it. Value
    /// learning in the striatum is itself dopamine-dependent, so when disease or a drug
    /// scales bursts or dips away from the healthy gains the critic learns from the scaled
    /// error (bursts × burstGain / healthy burstGain, dips likewise). Healthy: δ itself. In
    /// Parkinson's, values settle where the weakened bursts balance the dips, as they do in
    /// the dopamine the actor learns from.
    @inline(__always)
    private func released(_ d: Float) -> Float {
        guard let m = dopamine else { return d }
        if d > 0 { return m.referenceBurstGain > 0 ? d * m.burstGain / m.referenceBurstGain : d }
        return m.referenceDipGain > 0 ? d * m.dipGain / m.referenceDipGain : d
    }

    /// The sense-phase work of one step: features, value, δ, learning, dopamine injection.
    func step(_ t: Int) {
        let bins = parameters.bins
        let sigma = 0.6 * Float(binSteps)
        var v: Float = 0
        // Only cues shown last step or this step have non-zero features.
        for c in featured { for k in c * bins..<(c + 1) * bins { features[k] = 0 } }
        featured.removeAll(keepingCapacity: true)
        for c in 0..<parameters.cues {
            guard let start = onset[c] else { continue }
            let since = Float(t - start - latencySteps)
            if since < -3 * sigma || since > Float(bins * binSteps) + 3 * sigma { continue }
            featured.append(c)
            let centre = Int((since / Float(binSteps)).rounded(.down))
            for b in max(0, centre - 3)...min(bins - 1, max(0, centre + 3)) {
                let x = bump(2 * (t - start - latencySteps) - (2 * b + 1) * binSteps, sigma: sigma)
                features[c * bins + b] = x
                v += weights[c * bins + b] * x
            }
        }
        var r: Float = 0
        if rewardStepsLeft > 0 { r = rewardRate; rewardStepsLeft -= 1 }
        let d = r + gamma * v - previousValue
        let alpha = Float(parameters.learningRate)
        // Only cues whose traces are still alive are updated: a cue's features stop when it
        // is removed, and its trace (≤ 1) then falls below 1e-6 within 14 time constants
        // (e^{−14} ≈ 8·10⁻⁷).
        let decay = traceDecay, learning = alpha * released(d)
        let ceiling = Float(parameters.maxWeight)
        trace.withUnsafeMutableBufferPointer { e in
            weights.withUnsafeMutableBufferPointer { w in
                features.withUnsafeBufferPointer { x in
                    for c in 0..<parameters.cues {
                        if onset[c] != nil { lastActive[c] = t } else if t - lastActive[c] > quietSteps { continue }
                        // Branch-free, so the loop vectorises with blends: conditional
                        // stores compile to masked stores, which are slow on AMD cores. A
                        // dead trace adds +0 to its weight; the clamp is min/max, not a branch.
                        for k in c * bins..<(c + 1) * bins {
                            let ek = e[k] * decay + (1 - decay) * x[k]
                            let live = ek > 1e-6 ? ek : 0
                            e[k] = live
                            w[k] = min(ceiling, max(-ceiling, w[k] + learning * live))
                        }
                    }
                }
            }
        }
        previousValue = v
        value = v
        delta = d
        let transient = Float(parameters.dopamineGain) * d
        // Through a buffer pointer, as below: iterating the array itself retains its storage.
        dopamineFields.withUnsafeBufferPointer { fields in for field in fields { field.inject(transient) } }
        if let cells = timeCells {
            // Through buffer pointers: iterating the arrays themselves retains and releases
            // their storage once per time cell.
            featured.withUnsafeBufferPointer { shown in
                features.withUnsafeBufferPointer { f in
                    for j in 0..<min(cells.size, bins) {
                        var x: Float = 0
                        for c in shown { x = max(x, f[c * bins + j]) }
                        simulator.setExternal(cells, unit: j, x)
                    }
                }
            }
        }
        if let snc, let level = dopamine?.level(0) {
            for j in 0..<snc.size { simulator.setExternal(snc, unit: j, level) }
        }
    }
}
