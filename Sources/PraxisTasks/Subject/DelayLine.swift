/// A fixed conduction delay: `push` a sample each step, read the one pushed `steps` ago.
/// Before the line has filled it returns its initial value.
struct DelayLine<Value> {
    private var samples: [Value]
    private var head = 0

    /// A line of `steps` samples (0 passes values straight through), initially `initial`.
    init(steps: Int, initial: Value) {
        samples = [Value](repeating: initial, count: max(1, steps + 1))
    }

    /// Stores `value` and returns the value stored `steps` pushes ago.
    mutating func push(_ value: Value) -> Value {
        samples[head] = value
        head = (head + 1) % samples.count
        return samples[head]
    }

    /// Forgets the history (every slot set to `value`).
    mutating func reset(to value: Value) {
        for k in samples.indices { samples[k] = value }
        head = 0
    }
}
