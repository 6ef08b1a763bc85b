/// A numerical blow-up during a run, naming where and when it happened.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    public var population: String
    public var step: Int
    public var time: Double
    public var message: String
    public var description: String {
        "population '\(population)' at step \(step) (t = \(time) s): \(message)"
    }
}
