#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A built projection: weight storage (dense matrix or CSR), its delay and scale, and the
/// buffers of its plasticity rule (eligibility traces and its own Δw).
public final class Projection: @unchecked Sendable {
    public enum Storage: String, Sendable { case dense, csr }

    public let name: String
    public let index: Int
    public let source: Int
    public let target: Int
    public let receptor: Receptor
    public let delaySteps: Int
    public let storage: Storage
    /// Multiplies every weight at transmission (disease and drug knob).
    public var scale: Float
    /// Multiplies every weight change (plasticity-rate knob, e.g. a glutamatergic drug).
    public var plasticityRate: Float = 1
    public let rule: PlasticityRule?
    /// The rule as the learn phase reads it (no reference-counted fields).
    let learning: ResolvedRule
    /// The rule's weight bounds.
    let minWeight: Float, maxWeight: Float
    /// The rule's third party, resolved at build: modulator index (three-factor, gated
    /// Hebbian) or teacher population index (climbing fibre); −1 otherwise.
    var ruleSource = -1

    let nPre: Int
    let nPost: Int
    /// Row stride of the dense matrix (nPost rounded up to 8; padding weights stay 0).
    let stride: Int
    /// Dense: nPre × stride; CSR: one per synapse, in row order.
    let weights: Buffer<Float>
    /// CSR row starts (nPre + 1) and post indices; for dense storage, empty.
    let rowStart: Buffer<Int32>
    let columns: Buffer<Int32>
    /// Transposed index (CSC) for rules that act on post spikes: per post, the synapse ids.
    let colStart: Buffer<Int32>
    let colSynapse: Buffer<Int32>
    let colPre: Buffer<Int32>
    /// Keeps this projection's memory alive.
    let arena: Arena
    /// Synaptic events delivered so far (spikes × out-degree); counted for spiking sources.
    public internal(set) var events = 0
    /// Number of existing synapses.
    public let synapseCount: Int
    /// CSR storage whose synapse i joins pre unit i to post unit i, and nothing else
    /// (one-to-one, or channelwise with one unit per channel): transmission is a diagonal.
    let isDiagonal: Bool

    /// The rule's trace filter (three-factor, climbing fibre) or, for STDP, the pre (τ+) filter.
    let trace: EligibilityTrace
    /// STDP post-trace decay per step, e^{−dt/τ−}.
    let postTraceDecay: Float

    /// Signal conversion: spiking sources deliver counts per step, rate sources rates;
    /// spiking targets take jumps (count), rate targets take rates. See `Kernels.transmit`.
    let unitFactor: Float

    /// A dense climbing-fibre projection writes its clamped weights during the learn phase:
    /// its Δw reads no weight, and no other projection's rule reads its weights, so the
    /// separate apply pass (a second sweep of the matrix) would change nothing.
    var learnsInPlace: Bool {
        guard case .climbingFibre = learning else { return false }
        return storage == .dense
    }

    // Plasticity buffers (empty when the projection is static).
    let deltaW: Buffer<Float>
    let traceA: Buffer<Float>  // three-factor h (per synapse); climbing-fibre h (per pre); STDP x (per pre)
    let traceB: Buffer<Float>  // three-factor e (per synapse); climbing-fibre ε (per pre); STDP y (per post); covariance Hebbian ā (per post)

    init(spec: ProjectionSpec, index: Int, source: Population, target: Population,
         weights: Buffer<Float>, rowStart: Buffer<Int32>, columns: Buffer<Int32>,
         storage: Storage, synapseCount: Int, dt: Double, arena: Arena) {
        self.arena = arena
        name = spec.name
        self.index = index
        self.source = source.index
        self.target = target.index
        receptor = spec.receptor
        delaySteps = spec.delaySteps
        self.storage = storage
        scale = spec.scale
        rule = spec.plasticity
        learning = ResolvedRule(spec.plasticity, dt: dt)
        (minWeight, maxWeight) = spec.plasticity?.bounds ?? (-.infinity, .infinity)
        nPre = source.size
        nPost = target.size
        stride = storage == .dense ? target.padded : 0
        self.weights = weights
        self.rowStart = rowStart
        self.columns = columns
        self.synapseCount = synapseCount
        isDiagonal = storage == .csr && source.size == target.size && synapseCount == source.size
            && (0...source.size).allSatisfy { rowStart[$0] == Int32($0) }
            && (0..<source.size).allSatisfy { columns[$0] == Int32($0) }
        let fromSpikes = source.model.isSpiking, toSpikes = target.model.isSpiking
        unitFactor = fromSpikes == toSpikes ? 1 : (fromSpikes ? Float(1 / dt) : Float(dt))

        switch spec.plasticity {
        case .threeFactor(let r)?:
            trace = EligibilityTrace(riseS: r.traceRiseS, decayS: r.traceDecayS, dt: dt); postTraceDecay = 0
        case .climbingFibre(let r)?:
            trace = EligibilityTrace(riseS: r.windowRiseS, decayS: r.windowDecayS, dt: dt); postTraceDecay = 0
        case .stdp(let r)?:
            trace = EligibilityTrace(riseS: 0, decayS: r.tauPlusS, dt: dt)
            postTraceDecay = Float(Libm.exp(-dt / Double(r.tauMinusS)))
        case .oja?, .hebbian?, nil:
            trace = EligibilityTrace(riseS: 0, decayS: 1, dt: dt); postTraceDecay = 0
        }
        let slots = weights.count
        switch spec.plasticity {
        case nil:
            deltaW = arena.buffer(count: 0, value: Float(0)); traceA = arena.buffer(count: 0, value: Float(0)); traceB = arena.buffer(count: 0, value: Float(0))
        case .threeFactor:
            deltaW = arena.buffer(count: slots, value: Float(0)); traceA = arena.buffer(count: slots, value: Float(0)); traceB = arena.buffer(count: slots, value: Float(0))
        case .climbingFibre:
            deltaW = arena.buffer(count: slots, value: Float(0)); traceA = arena.buffer(count: nPre, value: Float(0)); traceB = arena.buffer(count: nPre, value: Float(0))
        case .hebbian(let r) where r.meanS != nil:
            deltaW = arena.buffer(count: slots, value: Float(0)); traceA = arena.buffer(count: 0, value: Float(0)); traceB = arena.buffer(count: nPost, value: Float(0))
        case .oja, .hebbian:
            deltaW = arena.buffer(count: slots, value: Float(0)); traceA = arena.buffer(count: 0, value: Float(0)); traceB = arena.buffer(count: 0, value: Float(0))
        case .stdp:
            deltaW = arena.buffer(count: slots, value: Float(0)); traceA = arena.buffer(count: nPre, value: Float(0)); traceB = arena.buffer(count: nPost, value: Float(0))
        }
        if case .stdp = spec.plasticity {
            (colStart, colSynapse, colPre) = Projection.transposedIndex(
                nPre: nPre, nPost: nPost, storage: storage, stride: stride, rowStart: rowStart, columns: columns, arena: arena)
        } else {
            colStart = arena.buffer(count: 0, value: Int32(0)); colSynapse = arena.buffer(count: 0, value: Int32(0)); colPre = arena.buffer(count: 0, value: Int32(0))
        }
    }

    /// Receptor channel in the target's input ring.
    var channel: Int {
        switch receptor { case .excitatory: 0; case .inhibitory: 1; case .modulatory: 2 }
    }

    /// First synapse id of pre unit `i` and the number of synapses in its row.
    @inline(__always) func row(_ i: Int) -> (start: Int, count: Int) {
        if storage == .dense { return (i * stride, nPost) }
        let s = Int(rowStart[i])
        return (s, Int(rowStart[i + 1]) - s)
    }

    /// Post unit of synapse `offset` within row starting at `start`.
    @inline(__always) func post(_ start: Int, _ offset: Int) -> Int {
        storage == .dense ? offset : Int(columns[start + offset])
    }

    private static func transposedIndex(nPre: Int, nPost: Int, storage: Storage, stride: Int,
                                        rowStart: Buffer<Int32>, columns: Buffer<Int32>, arena: Arena)
        -> (Buffer<Int32>, Buffer<Int32>, Buffer<Int32>) {
        var counts = [Int32](repeating: 0, count: nPost + 1)
        var pairs: [(post: Int, synapse: Int, pre: Int)] = []
        for i in 0..<nPre {
            if storage == .dense {
                for j in 0..<nPost { pairs.append((j, i * stride + j, i)) }
            } else {
                for k in Int(rowStart[i])..<Int(rowStart[i + 1]) { pairs.append((Int(columns[k]), k, i)) }
            }
        }
        for p in pairs { counts[p.post + 1] += 1 }
        for j in 0..<nPost { counts[j + 1] += counts[j] }
        let start = arena.buffer(counts, padding: Int32(0))
        var fill = counts
        let syn = arena.buffer(count: pairs.count, value: Int32(0))
        let pre = arena.buffer(count: pairs.count, value: Int32(0))
        for p in pairs {
            let slot = Int(fill[p.post]); fill[p.post] += 1
            syn[slot] = Int32(p.synapse); pre[slot] = Int32(p.pre)
        }
        return (start, syn, pre)
    }

    /// Current weights as (pre, post, weight) triples, in row order. A static list stored
    /// densely (fewer synapses than pairs) reports its non-zero entries.
    public func synapses() -> [(pre: Int, post: Int, weight: Float)] {
        var out: [(Int, Int, Float)] = []
        out.reserveCapacity(synapseCount)
        let listed = storage == .dense && synapseCount < nPre * nPost
        for i in 0..<nPre {
            let (s, c) = row(i)
            for t in 0..<c where !listed || weights[s + t] != 0 { out.append((i, post(s, t), weights[s + t])) }
        }
        return out
    }

    /// Current weights in row order (one per synapse).
    public var weightValues: [Float] { synapses().map(\.weight) }

    /// Lets `seconds` pass off-line (no activity): a Hebbian rule's passive forgetting
    /// decays each weight by e^{−λ·t}, the closed form of its λ term with no co-activity.
    /// Other rules keep their weights. Returns whether any weight changed.
    @discardableResult
    public func forget(seconds: Double) -> Bool {
        guard case .hebbian(_, _, let lambda, _) = learning, lambda > 0, seconds > 0 else { return false }
        let factor = Float(exp(-Double(lambda) * seconds))
        for i in 0..<nPre {
            let (s, c) = row(i)
            for t in 0..<c { weights[s + t] = max(minWeight, weights[s + t] * factor) }
        }
        return true
    }
}
