/// Serial reaction time (Nissen & Bullemer 1987): a stimulus over one of `keys` keys; the
/// subject presses that key. As in the original, the stimulus stays until the correct key is
/// pressed and goes off with the press; the trial ends once the fingers have let go of the
/// keys (or `releaseTimeout` after the press), and the next follows after the subject's
/// inter-trial interval. Whether the stimuli follow a repeating sequence or a random order is
/// the protocol's choice (`order: sequence` with the sequence as `targets`, or shuffled).
///
/// Metrics: `rt_s` (stimulus to the correct key's press; the timeout when none), `error`
/// (1 when another key was pressed first), `correct` (1 when the correct key was pressed
/// before the timeout), `rewarded` (a reward is delivered at the correct press).
public struct SerialReactionTask: Task {
    public let name = "srtt"
    public var metricNames: [String] { ["correct", "error", "rewarded", "rt_s"] }
    /// Longest a stimulus waits for its key (s).
    public let timeout: Double
    /// Longest the trial waits after the correct press for the keys to come up (s).
    public let releaseTimeout: Double
    public private(set) var keyboard: Keyboard
    private var trial = Trial(target: 0)
    private var elapsed = 0.0, wrong = false
    /// The metrics fixed at the correct press, while the keys come up.
    private var scored: [String: Double]?
    private var sincePress = 0.0
    private var cues: [Float] = []

    /// `keys` keys (4 in the original) spread over `channels` action channels.
    public init(keys: Int = 4, channels: Int = 8, timeout: Double = 2.0, releaseTimeout: Double = 0.5) {
        keyboard = Keyboard(count: keys, channels: channels)
        self.timeout = timeout
        self.releaseTimeout = releaseTimeout
    }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < keyboard.count, "key \(trial.target) out of range")
        self.trial = trial
        keyboard.reset()
        elapsed = 0; wrong = false; scored = nil; sincePress = 0
        cues = ChannelLayout.cue(keyboard.channel(trial.target), of: keyboard.channels)
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        let pressed = keyboard.step(fingers: command.channels, dt: dt)
        if let scored {
            sincePress += dt
            let done = !keyboard.isAnyKeyDown || sincePress >= releaseTimeout - 1e-9
            return Transition(observation: observation(), reward: 0, done: done, info: done ? scored : [:])
        }
        elapsed += dt
        let hit = pressed.contains(trial.target)
        if !hit && !pressed.isEmpty { wrong = true }
        guard hit || elapsed >= timeout - 1e-9 else {
            return Transition(observation: observation(), reward: 0, done: false, info: [:])
        }
        let rewarded = hit && trial.rewardDue && trial.feedback != .none
        cues[keyboard.channel(trial.target)] = 0
        let info: [String: Double] = ["rt_s": hit ? elapsed : timeout, "error": wrong ? 1 : 0,
                                      "correct": hit ? 1 : 0, "rewarded": rewarded ? 1 : 0]
        guard hit else { return Transition(observation: observation(), reward: 0, done: true, info: info, outcome: true) }
        scored = info
        return Transition(observation: observation(), reward: rewarded ? 1 : 0, done: false, info: [:], outcome: true)
    }

    private func observation() -> Observation {
        Observation(cues: cues, hand: keyboard.hand, handVelocity: keyboard.handVelocity, touch: keyboard.touch)
    }
}
