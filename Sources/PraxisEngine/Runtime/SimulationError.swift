/// A numerical blow-up during a run, naming where and when it happened.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    /// What blew up: a population of the circuit, or (with `kind` "plant") a task's plant.
    public var population: String
    public var step: Int
    public var time: Double
    public var message: String
    /// "population", or "plant" for the body a task moves.
    public var kind: String

    public init(population: String, step: Int, time: Double, message: String, kind: String = "population") {
        self.population = population; self.step = step; self.time = time; self.message = message; self.kind = kind
    }

    public var description: String {
        "\(kind) '\(population)' at step \(step) (t = \(time) s): \(message)"
    }
}
