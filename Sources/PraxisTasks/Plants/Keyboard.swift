/// A keyboard of `count` keys, each pressed by its own finger. Key i belongs to action
/// channel `channel(i)` and is driven by that channel's finger force (the positive part: a
/// finger pushes, it cannot pull a key up), so two keys can be pressed at once and opposite
/// keys do not cancel. A key registers a press when it travels past `threshold` and must come
/// back above half of it before it can register again (switch hysteresis). Reaction and
/// movement times therefore come from the circuit's output.
public struct Keyboard: Sendable, Equatable {
    public let channels: Int
    /// Travel (m) at which a key registers.
    public let threshold: Double
    public private(set) var keys: [Key]
    private let axes: [SIMD2<Double>]
    private let channelOfKey: [Int]
    private var down: [Bool]
    /// Fingertip touch per action channel: 1 while the channel's key is down (the key has
    /// bottomed out under the finger), else 0. Kept up to date as keys go down and up, so
    /// reading it in every step allocates nothing.
    public private(set) var touch: [Float]

    /// `count` keys spread evenly over `channels` action channels (key i on channel
    /// i·channels/count). Finger and key: 0.3 kg moving mass, a 100 N/m return spring, 5 N·s/m
    /// damping, registering at 1 cm (the finger's effective mass lumped with the key's).
    public init(count: Int, channels: Int, threshold: Double = 0.01,
                key: Key = Key(mass: 0.3, spring: 100, damping: 5, stopsAtRest: true)) {
        precondition(count >= 1 && count <= channels, "a keyboard needs 1…\(channels) keys, got \(count)")
        self.channels = channels
        self.threshold = threshold
        keys = Array(repeating: key, count: count)
        channelOfKey = (0..<count).map { $0 * channels / count }
        axes = channelOfKey.map { ChannelLayout.direction($0, of: channels) }
        down = Array(repeating: false, count: count)
        touch = Array(repeating: 0, count: channels)
    }

    public var count: Int { keys.count }

    /// Whether any key is down (registered and not yet risen above half its threshold).
    public var isAnyKeyDown: Bool { down.contains(true) }

    /// The action channel key `i` lies on.
    public func channel(_ i: Int) -> Int { channelOfKey[i] }

    /// All keys back at rest, none down.
    public mutating func reset() {
        for i in keys.indices { keys[i].reset(); down[i] = false }
        for c in touch.indices where touch[c] != 0 { touch[c] = 0 }
    }

    /// Advances every key by `dt` under the finger forces `fingers` (N, one per action
    /// channel; channels beyond the array push nothing) and returns the keys that registered
    /// a press this step, in key order.
    public mutating func step(fingers: [Float], dt: Double) -> [Int] {
        var pressed: [Int] = []
        for i in keys.indices {
            let c = channelOfKey[i]
            keys[i].step(force: c < fingers.count ? max(0, Double(fingers[c])) : 0, dt: dt)
            let x = keys[i].position
            if !down[i] && x >= threshold { down[i] = true; touch[c] = 1; pressed.append(i) }
            else if down[i] && x < threshold / 2 { down[i] = false; touch[c] = 0 }
        }
        return pressed
    }

    /// The finger position seen by proprioception: the keys' displacements along their axes.
    public var hand: SIMD2<Double> {
        var h = SIMD2<Double>.zero
        for i in keys.indices { h += keys[i].position * axes[i] }
        return h
    }

    /// The velocity matching `hand`.
    public var handVelocity: SIMD2<Double> {
        var v = SIMD2<Double>.zero
        for i in keys.indices { v += keys[i].velocity * axes[i] }
        return v
    }
}
