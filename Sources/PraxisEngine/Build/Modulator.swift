/// A built neuromodulator field: `level = max(0, tonic + phasic)` per channel.
public final class Modulator: @unchecked Sendable {
    public let name: String
    public let kind: NeuromodulatorSpec.Kind
    public let channels: Int
    /// Tonic level (disease and drug knob: SNc loss lowers it, levodopa raises it).
    public var tonic: Float
    /// The tonic level the network was built with (the healthy level), against which
    /// receptor affinities are expressed.
    public let referenceTonic: Float
    /// The burst and dip gains the network was built with (the healthy gains).
    public let referenceBurstGain: Float, referenceDipGain: Float
    /// Fraction of a Parkinsonian SNc loss this field's source cells suffer (1: SNc itself).
    public let vulnerability: Float
    /// Scales positive phasic input (bursts).
    public var burstGain: Float
    /// Scales negative phasic input (dips).
    public var dipGain: Float
    let phasicDecay: Float, dipDecay: Float
    /// Phasic bursts and dips, kept apart because they decay at different rates.
    let phasic: Buffer<Float>
    let dips: Buffer<Float>
    let pending: Buffer<Float>
    let level: Buffer<Float>

    /// Keeps this modulator's memory alive.
    let arena = Arena()

    init(spec: NeuromodulatorSpec, dt: Double) {
        name = spec.name; kind = spec.kind; channels = spec.channels
        tonic = spec.tonic; referenceTonic = spec.tonic; burstGain = spec.burstGain; dipGain = spec.dipGain
        referenceBurstGain = spec.burstGain; referenceDipGain = spec.dipGain
        vulnerability = spec.vulnerability ?? 1
        phasicDecay = Float(Libm.exp(-dt / Double(spec.phasicTauS)))
        dipDecay = Float(Libm.exp(-dt / Double(spec.dipTauS)))
        phasic = arena.buffer(count: channels, value: 0)
        dips = arena.buffer(count: channels, value: 0)
        pending = arena.buffer(count: channels, value: 0)
        level = arena.buffer(count: channels, value: spec.tonic)
    }

    /// Adds a phasic transient (positive: burst, negative: dip) to `channel`, or to every
    /// channel when `channel` is nil; it takes effect in the next step's modulate phase.
    public func inject(_ amount: Float, channel: Int? = nil) {
        if let channel {
            precondition(channel >= 0 && channel < channels, "channel out of range")
            pending[channel] += amount
        } else {
            for c in 0..<channels { pending[c] += amount }
        }
    }

    /// Modulate phase: decay bursts and dips, add pending transients through the burst/dip
    /// gains, and recompute the level.
    func update() {
        for c in 0..<channels {
            let p = pending[c]
            phasic[c] = phasic[c] * phasicDecay + (p > 0 ? p * burstGain : 0)
            dips[c] = dips[c] * dipDecay + (p < 0 ? p * dipGain : 0)
            pending[c] = 0
            level[c] = max(0, tonic + phasic[c] + dips[c])
        }
    }

    /// Current level per channel.
    public var levels: [Float] { level.array() }

    /// Current level of one channel (no allocation; for per-step use).
    @inline(__always) public func level(_ channel: Int) -> Float { level[channel] }
}
