/// Finger tapping of a five-element sequence in timed trials (Karni et al. 1995, Nature
/// 377:155; Walker et al. 2002, Neuron 35:205): four keys under the four fingers, and the
/// subject types the sequence over and over, as fast and accurately as it can, for the whole
/// trial (30 s in the originals). The trial's `target` picks the sequence from `sequences`.
///
/// In the originals the sequence is shown on the screen throughout, so it need not be held
/// in working memory; the subject keeps its own place in it. Here the display marks the
/// element due next (a cue over its key), which stands in for that place-keeping; whether
/// the circuit also learns the order, and how fast it gets, comes from the circuit. The
/// mark moves on once the pressed key is released: a tap is a press and a lift, and the
/// subject turns to the next element when its finger is off the keys (so an element that
/// repeats, as the 4 that ends and starts 4-1-3-2-4, needs a new press). A wrong key is an
/// error and breaks the sequence being typed: the subject starts it again.
///
/// Metrics: `correct_sequences` (sequences completed in the trial), `errors` (wrong key
/// presses), `taps` (all presses), `tap_interval_s` (mean interval between consecutive
/// correct taps; absent with fewer than two). With binary feedback each completed sequence
/// is rewarded.
public struct FingerTappingTask: Task {
    public let name = "tapping"
    public var metricNames: [String] { ["correct_sequences", "errors", "tap_interval_s", "taps"] }
    /// The sequences a trial can ask for, as key indices (key 0 under the index finger).
    /// Karni et al. (1995) trained 4-1-3-2-4 and used its mirror 4-2-3-1-4 as the untrained
    /// control; Walker et al. (2002) trained 4-1-3-2-4 (fingers numbered from 1).
    public static let sequences: [[Int]] = [[3, 0, 2, 1, 3], [3, 1, 2, 0, 3]]
    /// Length of one trial (s).
    public let duration: Double
    public private(set) var keyboard: Keyboard
    private var sequence: [Int] = []
    private var feedback = Feedback.none
    private var position = 0
    private var elapsed = 0.0
    private var completed = 0, errors = 0, taps = 0
    private var lastCorrectTap: Double?
    private var intervalSum = 0.0, intervals = 0
    private var cues: [Float] = []
    /// A key was pressed and the mark waits for every key to be released.
    private var awaitingRelease = false

    /// Trials of `duration` seconds on four keys spread over `channels` action channels.
    public init(channels: Int = 8, duration: Double = 30) {
        keyboard = Keyboard(count: 4, channels: channels)
        self.duration = duration
    }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < Self.sequences.count, "sequence \(trial.target) out of range")
        sequence = Self.sequences[trial.target]
        feedback = trial.feedback
        keyboard.reset()
        position = 0; elapsed = 0; completed = 0; errors = 0; taps = 0
        lastCorrectTap = nil; intervalSum = 0; intervals = 0; awaitingRelease = false
        cues = Array(repeating: 0, count: keyboard.channels)
        mark()
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        elapsed += dt
        var reward = 0.0
        for key in keyboard.step(fingers: command.channels, dt: dt) {
            taps += 1
            if key == sequence[position] {
                if let last = lastCorrectTap { intervalSum += elapsed - last; intervals += 1 }
                lastCorrectTap = elapsed
                position += 1
                if position == sequence.count {
                    position = 0; completed += 1
                    if feedback == .binary { reward += 1 }
                }
            } else {
                errors += 1
                position = 0
                lastCorrectTap = nil
            }
            awaitingRelease = true
            for c in cues.indices { cues[c] = 0 }
        }
        if awaitingRelease && !keyboard.isAnyKeyDown { awaitingRelease = false; mark() }
        guard elapsed >= duration - 1e-9 else {
            return Transition(observation: observation(), reward: reward, done: false, info: [:])
        }
        for c in cues.indices { cues[c] = 0 }
        var info: [String: Double] = ["correct_sequences": Double(completed), "errors": Double(errors), "taps": Double(taps)]
        if intervals > 0 { info["tap_interval_s"] = intervalSum / Double(intervals) }
        return Transition(observation: observation(), reward: reward, done: true, info: info)
    }

    /// Puts the display's mark over the key due next.
    private mutating func mark() {
        for c in cues.indices { cues[c] = 0 }
        cues[keyboard.channel(sequence[position])] = 1
    }

    private func observation() -> Observation {
        Observation(cues: cues, hand: keyboard.hand, handVelocity: keyboard.handVelocity, touch: keyboard.touch)
    }
}
