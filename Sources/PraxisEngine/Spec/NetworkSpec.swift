/// A whole network as the user describes it: plain values, validated as a whole before building.
public struct NetworkSpec: Sendable, Equatable, Codable {
    /// Integration step in seconds (1e-3 for rate networks, 1e-4 for spiking ones).
    public var dt: Double
    public var populations: [PopulationSpec]
    public var projections: [ProjectionSpec]
    public var modulators: [NeuromodulatorSpec]
    public var probes: [ProbeSpec]
    public init(dt: Double, populations: [PopulationSpec] = [], projections: [ProjectionSpec] = [],
                modulators: [NeuromodulatorSpec] = [], probes: [ProbeSpec] = []) {
        self.dt = dt; self.populations = populations; self.projections = projections
        self.modulators = modulators; self.probes = probes
    }
}

/// `n` units of one neuron model, optionally carrying neuromodulator receptors.
public struct PopulationSpec: Sendable, Equatable, Codable {
    public var name: String
    public var size: Int
    public var model: NeuronModel
    /// Multiplies excitatory drive, synaptic and external (a knob for lesions and drugs);
    /// 1 is intact, 0 leaves only bias and inhibition.
    public var gain: Float
    public var receptors: [ReceptorBinding]
    public init(name: String, size: Int, model: NeuronModel, gain: Float = 1,
                receptors: [ReceptorBinding] = []) {
        self.name = name; self.size = size; self.model = model; self.gain = gain
        self.receptors = receptors
    }
}

/// A receptor class that turns a neuromodulator level into an excitability gain.
public enum ReceptorClass: String, Sendable, Codable, CaseIterable {
    /// Dopamine D1: raises excitability, `g = 1 + k·m`.
    case d1
    /// Dopamine D2: lowers excitability, `g = max(0, 1 − k·m)`.
    case d2
    /// Muscarinic M1 (acetylcholine): raises excitability.
    case m1
    /// Muscarinic M4 (acetylcholine): lowers excitability.
    case m4

    /// +1 for receptors that raise excitability, −1 for those that lower it.
    public var sign: Float {
        switch self { case .d1, .m1: 1; case .d2, .m4: -1 }
    }
}

/// Binds a population to a neuromodulator through one receptor class with `sensitivity` k.
/// Unit `j` of a population of size `n` reads channel `j · channels / n` of the field.
public struct ReceptorBinding: Sendable, Equatable, Codable {
    public var modulator: String
    public var receptor: ReceptorClass
    public var sensitivity: Float
    public init(modulator: String, receptor: ReceptorClass, sensitivity: Float) {
        self.modulator = modulator; self.receptor = receptor; self.sensitivity = sensitivity
    }
}

/// How a projection's synapses act on its target.
public enum Receptor: String, Sendable, Codable, CaseIterable {
    /// Adds to the excitatory input (conductance g_e, current, or rate input).
    case excitatory
    /// Adds to the inhibitory input (conductance g_i, subtracted current or rate input).
    case inhibitory
    /// Multiplies the target's gain by `1 + input` instead of driving it.
    case modulatory
}

/// A set of synapses from one population to another.
public struct ProjectionSpec: Sendable, Equatable, Codable {
    public var name: String
    public var source: String
    public var target: String
    public var connectivity: Connectivity
    public var weight: WeightInit
    public var receptor: Receptor
    /// Multiplies every weight at transmission (a knob for disease and drugs); 1 is intact.
    public var scale: Float
    /// Transmission delay in steps, at least 1 (a step's spikes act on the next step).
    public var delaySteps: Int
    public var plasticity: PlasticityRule?
    public init(name: String, source: String, target: String, connectivity: Connectivity,
                weight: WeightInit, receptor: Receptor = .excitatory, scale: Float = 1,
                delaySteps: Int = 1, plasticity: PlasticityRule? = nil) {
        self.name = name; self.source = source; self.target = target
        self.connectivity = connectivity; self.weight = weight; self.receptor = receptor
        self.scale = scale; self.delaySteps = delaySteps; self.plasticity = plasticity
    }
}

/// Which pre → post pairs exist. Weight storage follows: `dense` is a matrix, the rest CSR.
public enum Connectivity: Sendable, Equatable, Codable {
    /// Every pre to every post.
    case dense
    /// Pre i to post i (sizes must match).
    case oneToOne
    /// Each ordered pair independently with probability `p` (self-pairs only if `allowSelf`
    /// and source == target).
    case fixedProbability(p: Double, allowSelf: Bool = false)
    /// Source and target split into `channels` equal blocks; block c projects to block c only,
    /// all to all (the topographic channels of basal-ganglia models).
    case channelwise(channels: Int)
    /// Explicit synapse list (pre, post) with per-synapse weights overriding `weight`.
    case explicit(pre: [Int], post: [Int], weights: [Float])
}

/// Initial weight of each synapse.
public enum WeightInit: Sendable, Equatable, Codable {
    case constant(Float)
    case uniform(low: Float, high: Float)
    case normal(mean: Float, sd: Float)
}

/// A neuromodulator field (dopamine, acetylcholine): `level = max(0, tonic + phasic)`,
/// positive transients (bursts) are scaled by `burstGain` and decay with `phasicTauS`,
/// negative ones (dips) are scaled by `dipGain` and decay with `dipTauS` (the gains are the
/// knobs that disease and drugs turn). A shallower but longer dip can carry as much error
/// as a burst: dopamine cells code negative errors by the duration of their pause
/// (Bayer, Lau & Glimcher 2007).
public struct NeuromodulatorSpec: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case dopamine, acetylcholine }
    public var name: String
    public var kind: Kind
    public var tonic: Float
    public var phasicTauS: Float
    /// Decay time constant of dips (s); `phasicTauS` unless set.
    public var dipTauS: Float
    public var burstGain: Float
    public var dipGain: Float
    /// Number of independent channels of the field (1 = a scalar).
    public var channels: Int
    /// For dopamine: the fraction of a Parkinsonian SNc loss that this field's source cells
    /// suffer (nil: 1, the field comes from SNc itself). The midbrain's dopamine cell groups
    /// degenerate unequally: the ventral tegmental area, the source of mesocortical
    /// dopamine, loses about 0.6 as many cells as SNc (Hirsch, Graybiel & Agid 1988).
    public var vulnerability: Float?
    public init(name: String, kind: Kind, tonic: Float, phasicTauS: Float = 0.1, dipTauS: Float? = nil,
                burstGain: Float = 1, dipGain: Float = 1, channels: Int = 1) {
        self.name = name; self.kind = kind; self.tonic = tonic; self.phasicTauS = phasicTauS
        self.dipTauS = dipTauS ?? phasicTauS
        self.burstGain = burstGain; self.dipGain = dipGain; self.channels = channels
    }
}

/// A recording: which variable of which element, every `every` steps.
public struct ProbeSpec: Sendable, Equatable, Codable {
    public enum Variable: String, Sendable, Codable, CaseIterable {
        /// Membrane potential (spiking) or state x (rate).
        case state
        /// Output signal: rate, or spikes/dt for spiking units.
        case output
        /// Spike events (step, unit) of a spiking population.
        case spikes
        /// Level of a neuromodulator (target names the modulator).
        case modulator
        /// Weights of a projection (target names the projection).
        case weights
    }
    public var name: String
    public var target: String
    public var variable: Variable
    public var every: Int
    public init(name: String, target: String, variable: Variable, every: Int = 1) {
        self.name = name; self.target = target; self.variable = variable; self.every = every
    }
}
