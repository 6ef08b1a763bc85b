import PraxisEngine

/// A circuit as its file describes it: regions with their populations, neuromodulators and
/// pathways. `CircuitSpec.network()` turns it into an engine `NetworkSpec`.
public struct CircuitSpec: Sendable, Codable {
    public var name: String
    /// Integration step in milliseconds.
    public var dtMs: Double
    /// Number of action channels (candidate actions: targets, keys, options).
    public var channels: Int
    public var modulators: [NeuromodulatorSpec]
    public var regions: [RegionEntry]
    public var pathways: [Pathway]
    /// The temporal-difference critic that drives SNc dopamine.
    public var critic = CriticParameters()

    /// Every population, in file order.
    public var populations: [PopulationEntry] { regions.flatMap(\.populations) }
}

/// A region and the populations that stand for it.
public struct RegionEntry: Sendable, Codable {
    public var region: Region
    public var populations: [PopulationEntry]
}

/// A population of one region.
public struct PopulationEntry: Sendable, Codable {
    public var name: String
    public var region: String
    public var model: NeuronModel
    public var size: Int
    /// Whether the units are split into the circuit's action channels (size = channels × k).
    public var perChannel: Int?
    public var gain: Float
    public var receptors: [ReceptorBinding]
    /// Line of the population in its file (0 when built in code).
    public var line: Int = 0

    enum CodingKeys: String, CodingKey { case name, region, model, size, perChannel, gain, receptors }
}

/// A pathway between two populations (CIRCUIT.md §2).
public struct Pathway: Sendable, Codable {
    /// How source units map onto target units.
    public enum Pattern: Sendable, Codable, Equatable {
        /// All to all (e.g. the diffuse STN projection).
        case dense
        case oneToOne
        /// Unit i to the unit opposite it on the ring of target units, (i + n/2) mod n, for
        /// equal even sizes: antagonist pairs (Ia reciprocal inhibition of the opposing pool).
        case opposite
        /// Channel c to channel c (topographic basal-ganglia loops).
        case channelwise
        /// Channel c to every other channel, never to itself: associations between different
        /// actions (learned transitions of a sequence).
        case crossChannel
        /// Channel j to the j-th unit of every other channel of a target with one unit per
        /// channel and channel (per_channel = channels). With the current action arriving
        /// channelwise, target unit (c, j) then sees both halves of the ordered pair "c after
        /// j": the conjunctive code of a second-order serial context.
        case pair
        /// Each pair with probability p.
        case random(p: Double)
        /// Units carry evenly spaced preferred directions; w_ij = w · max(0, cos(θ_i − θ_j)).
        case cosine
        /// Units carry evenly spaced preferred directions; w_ij = w · (1 − cos(θ_i − θ_j)) / 2:
        /// nothing onto the same direction, growing with the angle between them, w onto the
        /// opposite one. As an inhibitory pathway, the surround of a field of directions
        /// (neighbouring directions cooperate, distant ones compete; Erlhagen & Schöner 2002).
        case surround
    }

    public var name: String
    public var source: String
    public var target: String
    /// Excitatory, inhibitory, or modulatory: through a neuromodulator's receptors when
    /// `modulator` is set, else a gain pathway (see `isGain`).
    public var sign: Receptor
    public var pattern: Pattern
    public var weight: WeightInit
    public var delayMs: Double
    public var scale: Float
    public var rule: PlasticityRule?
    /// For modulatory pathways: the neuromodulator and the receptor it acts through.
    public var modulator: String?
    public var receptor: ReceptorClass?
    public var sensitivity: Float?
    /// A gain pathway (`sign: gain` in a file): the source's activity multiplies the
    /// target's excitatory drive by `max(0, 1 + Σ w·a)` instead of adding to it.
    public var isGain: Bool { sign == .modulatory && modulator == nil }
    /// Line of the pathway in its file (0 when built in code).
    public var line: Int = 0

    enum CodingKeys: String, CodingKey {
        case name, source, target, sign, pattern, weight, delayMs, scale, rule, modulator, receptor, sensitivity
    }
}
