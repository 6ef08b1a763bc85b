/// A built population: its parameters, derived coefficients and per-unit state as flat
/// buffers (struct of arrays), plus the input ring its incoming projections write into.
public final class Population: @unchecked Sendable {
    public let name: String
    public let index: Int
    /// Number of units.
    public let size: Int
    /// `size` rounded up to 8; buffers are this long and padding lanes never spike.
    let padded: Int
    public let model: NeuronModel
    let coefficients: Coefficients

    /// Gain on excitatory input (disease and drug knob); 1 is intact.
    public var gain: Float
    let receptors: [ResolvedReceptor]
    /// "modulator:raise|lower" per receptor, for reports and tests.
    public let receptorsDescription: [String]
    /// Whether a modulatory projection targets this population.
    var hasModulatoryInput = false
    /// Whether some plasticity rule reads this population's activity.
    var needsActivity = false

    // State (meaning depends on the model; see `Coefficients`).
    /// Membrane potential (spiking) or state x (rate).
    let v: Buffer<Float>
    /// g_e (LIF), u (Izhikevich), adaptation a (rate).
    let s1: Buffer<Float>
    /// g_i (LIF), I_syn (Izhikevich).
    let s2: Buffer<Float>
    /// Remaining refractory steps.
    let refractory: Buffer<Int32>
    /// Output signal of non-spiking models (rate, or the source's value).
    let output: Buffer<Float>
    /// Low-pass filtered spike rate in Hz (τ = 20 ms), kept only if a rule reads it.
    let activity: Buffer<Float>
    /// Per-unit effective gain when receptors or modulatory input make it vary by unit.
    let unitGain: Buffer<Float>
    /// External drive set by the caller (sense phase), added like a bias.
    @usableFromInline let external: Buffer<Float>
    @usableFromInline var hasExternal = false

    /// Indices of units that spiked this step (first `spikeCount` valid).
    let spikes: Buffer<Int32>
    var spikeCount = 0

    /// Input ring: `ringLength` slots × 3 receptor channels × `padded` units. The length is
    /// a power of two at least the longest incoming delay + 1, so a slot is `step & ringMask`.
    let ring: Buffer<Float>
    let ringLength: Int
    let ringMask: Int

    let noise: CounterRandom

    /// Keeps this population's memory alive.
    let arena: Arena

    init(spec: PopulationSpec, index: Int, stream: Int, dt: Double, longestDelay: Int, seed: UInt64,
         receptors: [ResolvedReceptor], arena: Arena) {
        self.arena = arena
        name = spec.name
        self.index = index
        size = spec.size
        padded = padded8(spec.size)
        model = spec.model
        gain = spec.gain
        self.receptors = receptors
        receptorsDescription = spec.receptors.map { "\($0.modulator):\($0.receptor.sign > 0 ? "raise" : "lower")" }
        coefficients = Coefficients(model: spec.model, dt: dt)
        var length = 1
        while length <= longestDelay { length *= 2 }
        self.ringLength = length
        ringMask = length - 1
        v = arena.buffer(count: padded, value: 0)
        s1 = arena.buffer(count: padded, value: 0)
        s2 = arena.buffer(count: padded, value: 0)
        refractory = arena.buffer(count: padded, value: 0)
        output = arena.buffer(count: padded, value: 0)
        activity = arena.buffer(count: padded, value: 0)
        unitGain = arena.buffer(count: padded, value: 1)
        external = arena.buffer(count: padded, value: 0)
        spikes = arena.buffer(count: padded, value: 0)
        ring = arena.buffer(count: length * 3 * padded, value: 0)
        noise = CounterRandom(seed: seed, stream: StreamID(.runtimeNoise, stream))
        var rng = RandomStream(seed: seed, stream: StreamID(.populationInit, stream))
        initialiseState(&rng)
    }

    private func initialiseState(_ rng: inout RandomStream) {
        switch model {
        case .rate(let p):
            v.fill(p.initialState, 0..<padded)
            output.fill(Kernels.transfer(p.transfer, p.initialState), 0..<size)
        case .lifCurrent(let p):
            for j in 0..<size { v[j] = rng.draw(p.initialV) }
            v.fill(p.resetV - 1, size..<padded)
        case .lifConductance(let p):
            for j in 0..<size { v[j] = rng.draw(p.initialV) }
            for j in 0..<size { s1[j] = rng.draw(p.initialExc) }
            for j in 0..<size { s2[j] = rng.draw(p.initialInh) }
            v.fill(p.resetV - 1, size..<padded)
        case .izhikevich(let p):
            v.fill(p.c, 0..<padded)
            s1.fill(p.b * p.c, 0..<padded)
        case .constant(let p):
            output.fill(p.value, 0..<size)
        case .poisson, .pulseTrain:
            break
        }
        // Padding lanes never fire.
        refractory.fill(Int32.max / 2, size..<padded)
    }

    /// Pointer to ring slot `slot`, receptor channel `channel` (0 exc, 1 inh, 2 modulatory).
    @inline(__always) func ringSlot(_ slot: Int, _ channel: Int) -> UnsafeMutablePointer<Float> {
        ring.base + (slot * 3 + channel) * padded
    }

    /// Current membrane potentials (spiking) or states (rate), one per unit.
    public var state: [Float] { v.array(size) }
    /// Current outputs of a non-spiking population.
    public var outputs: [Float] { output.array(size) }
    /// Current output of unit `unit` (no allocation; for per-step readers such as a body).
    @inline(__always) public func output(_ unit: Int) -> Float {
        precondition(unit >= 0 && unit < size, "unit out of range")
        return output[unit]
    }
    /// Indices of the units that spiked in the last step.
    public var lastSpikes: [Int32] { spikes.array(spikeCount) }
    /// Filtered spike rate (Hz) or rate output, as seen by plasticity rules.
    public var activities: [Float] { model.isSpiking ? activity.array(size) : output.array(size) }
}

/// A receptor binding resolved to a modulator index.
struct ResolvedReceptor: Sendable {
    let modulator: Int
    let sign: Float
    let sensitivity: Float
}

/// Constants derived once per dt from a model's parameters (decay factors, step counts).
struct Coefficients: Sendable {
    var decay: Float = 0       // rate: exp(−dt/τ); LIF: exp(−dt/τm)
    var noiseScale: Float = 0  // rate: σ·sqrt(1 − decay²)
    var signalNoiseScale: Float = 0  // rate: k·sqrt(1 − decay²), times |r|
    var adaptationDecay: Float = 1   // rate: exp(−dt/τ_a)
    var decayExc: Float = 0
    var decayInh: Float = 0
    var propExc: Float = 0     // CUBA exact propagators from g_e, g_i to v
    var propInh: Float = 0
    var dtOverTau: Float = 0
    var refractorySteps: Int32 = 0
    var substeps: Int = 1      // Izhikevich Euler substeps (h ≤ 0.25 ms)
    var hMs: Float = 0
    var spikeProbability: Float = 0
    var activityDecay: Float = 0
    var activityJump: Float = 0

    init(model: NeuronModel, dt: Double) {
        // Activity trace for plasticity: τ = 20 ms, a jump of 1/τ per spike (units of Hz).
        activityDecay = Float(Libm.exp(-dt / 0.020))
        activityJump = 1 / 0.020
        switch model {
        case .rate(let p):
            decay = Float(Libm.exp(-dt / Double(p.tauS)))
            noiseScale = p.noiseSD * (1 - decay * decay).squareRoot()
            signalNoiseScale = p.signalNoise * (1 - decay * decay).squareRoot()
            adaptationDecay = Float(Libm.exp(-dt / Double(p.adaptationTauS)))
        case .lifCurrent(let p):
            let tm = Double(p.tauMS), te = Double(p.tauExcS), ti = Double(p.tauInhS)
            decay = Float(Libm.exp(-dt / tm))
            decayExc = Float(Libm.exp(-dt / te))
            decayInh = Float(Libm.exp(-dt / ti))
            propExc = Float(Coefficients.propagator(dt: dt, tauM: tm, tauS: te))
            propInh = Float(Coefficients.propagator(dt: dt, tauM: tm, tauS: ti))
            dtOverTau = Float(dt / tm)
            refractorySteps = Int32((Double(p.refractoryS) / dt).rounded())
        case .lifConductance(let p):
            decay = Float(Libm.exp(-dt / Double(p.tauMS)))
            decayExc = Float(Libm.exp(-dt / Double(p.tauExcS)))
            decayInh = Float(Libm.exp(-dt / Double(p.tauInhS)))
            dtOverTau = Float(dt / Double(p.tauMS))
            refractorySteps = Int32((Double(p.refractoryS) / dt).rounded())
        case .izhikevich(let p):
            let dtMs = dt * 1000
            substeps = max(1, Int((dtMs / 0.25).rounded(.up)))
            hMs = Float(dtMs / Double(substeps))
            decayExc = Float(Libm.exp(-dtMs / Double(p.tauSynMs)))
        case .poisson(let p):
            spikeProbability = Float(Double(p.rateHz) * dt)
        case .constant, .pulseTrain:
            break
        }
    }

    /// Exact propagator from an exponentially decaying synaptic input (time constant τs) to
    /// a leaky membrane (τm) over one step: τs/(τs − τm)·(e^{−dt/τs} − e^{−dt/τm})
    /// (Rotter & Diesmann 1999), with its limit (dt/τm)·e^{−dt/τm} when τs = τm.
    static func propagator(dt: Double, tauM: Double, tauS: Double) -> Double {
        if abs(tauS - tauM) < 1e-12 { return dt / tauM * Libm.exp(-dt / tauM) }
        return tauS / (tauS - tauM) * (Libm.exp(-dt / tauS) - Libm.exp(-dt / tauM))
    }
}

