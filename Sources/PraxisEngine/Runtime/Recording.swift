/// What one probe recorded: samples of a variable every `every` steps, or spike events.
public struct Recording: Sendable {
    public let probe: ProbeSpec
    /// Values per sample (units, channels or synapses).
    public let width: Int
    /// Step of each sample.
    public internal(set) var steps: [Int] = []
    /// `steps.count × width` values, sample-major.
    public internal(set) var values: [Float] = []
    /// Spike events (for `.spikes` probes): step and unit of each.
    public internal(set) var spikeSteps: [Int] = []
    public internal(set) var spikeUnits: [Int32] = []

    /// Sample `s` as an array of `width` values.
    public func sample(_ s: Int) -> ArraySlice<Float> { values[s * width..<(s + 1) * width] }

    /// The time series of unit/channel `u` across samples.
    public func series(_ u: Int) -> [Float] { (0..<steps.count).map { values[$0 * width + u] } }
}
