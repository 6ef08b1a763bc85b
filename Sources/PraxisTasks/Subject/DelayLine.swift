/// A conduction delay: `push` a sample each step, read the one pushed `steps` ago. The delay
/// may change between pushes, up to the line's capacity. Before the line has filled it
/// returns its initial value.
struct DelayLine<Value> {
    private var samples: [Value]
    private var head = 0
    /// The current delay in steps (0 passes values straight through), at most `capacity`.
    var steps: Int {
        didSet { precondition(steps >= 0 && steps <= capacity, "delay \(steps) outside 0...\(capacity)") }
    }
    /// The longest delay the line can hold (steps).
    var capacity: Int { samples.count - 1 }

    /// A line delaying by `steps` samples, able to delay by up to `capacity` (at least
    /// `steps`), initially `initial`.
    init(steps: Int, capacity: Int = 0, initial: Value) {
        self.steps = max(0, steps)
        samples = [Value](repeating: initial, count: max(steps, capacity) + 1)
    }

    /// Stores `value` and returns the value stored `steps` pushes ago.
    mutating func push(_ value: Value) -> Value {
        samples[head] = value
        let out = samples[(head - steps + samples.count) % samples.count]
        head = (head + 1) % samples.count
        return out
    }

    /// Forgets the history (every slot set to `value`).
    mutating func reset(to value: Value) {
        for k in samples.indices { samples[k] = value }
        head = 0
    }
}
