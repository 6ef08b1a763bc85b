/// Probabilistic selection (Frank, Seeberger & O'Reilly 2004, Science 306:1940). Six stimuli
/// A–F, each rewarded with its own probability when chosen (A 0.8, B 0.2, C 0.7, D 0.3,
/// E 0.6, F 0.4). Training presents the pairs AB, CD and EF with feedback; the test presents
/// every pair without feedback. A trial's target is the pair's index in `pairs`: 0 AB,
/// 1 CD, 2 EF, then the 12 novel pairs. Each stimulus sits on its own action channel
/// (`stimulusChannels(arrangement:)`, counterbalanced across subjects; the training pairs
/// lie opposite each other) with a key under it, and the subject chooses a stimulus by
/// pressing its key; presses of keys without a stimulus are ignored. At the choice the
/// unchosen stimulus goes off; the chosen one stays on view for `chosenOnView`, then the
/// outcome is delivered (reward by the chosen stimulus's probability and the trial's reward
/// draw), and the trial ends `feedbackDuration` after the choice (as in the original, where
/// the outcome is shown after each choice).
///
/// Metrics: `responded`, `choice` (stimulus index 0–5 = A–F), `chose_better` (the stimulus
/// with the higher reward probability; 0 when none was chosen), `choose_a` (1 when A was
/// chosen from a pair with A and not B), `avoid_b` (1 when B was avoided in a pair with B
/// and not A), `rt_s`, `rewarded`. Metrics that do not apply to a trial (no response, no A
/// or B) are absent.
public struct SelectionTask: Task {
    public let name = "selection"
    public var metricNames: [String] { ["avoid_b", "choice", "choose_a", "chose_better", "responded", "rewarded", "rt_s"] }
    /// Reward probability of stimuli A–F (Frank et al. 2004).
    public static let rewardProbabilities = [0.8, 0.2, 0.7, 0.3, 0.6, 0.4]
    /// The stimulus pairs a trial can present: the training pairs, then the novel ones.
    public static let pairs: [(Int, Int)] = {
        let training = [(0, 1), (2, 3), (4, 5)]
        var novel: [(Int, Int)] = []
        for a in 0..<6 { for b in a + 1..<6 where !training.contains(where: { $0 == (a, b) }) { novel.append((a, b)) } }
        return training + novel
    }()
    /// Action channel of stimuli A–F in the canonical arrangement; the keyboard has one key
    /// per channel, so this is also the key under each stimulus.
    public static let stimulusChannels = [0, 4, 2, 6, 1, 5]
    /// Number of distinct arrangements: which training pair lies on which axis (3!) and
    /// which of its stimuli lies on which side (2³).
    public static let arrangements = 48
    /// The six orders in which the training pairs can take the three axes.
    private static let axisOrders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]

    /// Action channel of stimuli A–F in arrangement `arrangement` (taken modulo
    /// `arrangements`). Counterbalanced across subjects, as the original varied which
    /// character was which stimulus: the training pairs always lie opposite each other on
    /// one of the three axes of `stimulusChannels`, so every arrangement asks the same
    /// movements, but a key's own ease or a finger's bias is not tied to one stimulus.
    public static func stimulusChannels(arrangement: Int) -> [Int] {
        let k = arrangement % arrangements
        let order = Self.axisOrders[k % 6], flips = k / 6
        var channels = [Int](repeating: 0, count: 6)
        for pair in 0..<3 {
            // The canonical channels of training pair `order[pair]`: one axis.
            let axis = (stimulusChannels[2 * order[pair]], stimulusChannels[2 * order[pair] + 1])
            let flipped = flips >> pair & 1 == 1
            channels[2 * pair] = flipped ? axis.1 : axis.0
            channels[2 * pair + 1] = flipped ? axis.0 : axis.1
        }
        return channels
    }
    /// Longest the pair waits for a choice (s).
    public let timeout: Double
    /// How long the chosen stimulus stays on view after the choice (s).
    public let chosenOnView: Double
    /// How long the outcome is shown after the choice before the trial ends (s).
    public let feedbackDuration: Double
    public private(set) var keyboard: Keyboard
    private var trial = Trial(target: 0)
    private var elapsed = 0.0
    private var cues: [Float] = []
    /// The metrics fixed at the choice, while the feedback is on view.
    private var scored: [String: Double]?
    private var sinceChoice = 0.0
    private var paid = false
    /// This subject's channel of stimuli A–F.
    private var channelOf = SelectionTask.stimulusChannels

    public init(timeout: Double = 2.0, chosenOnView: Double = 0.5, feedbackDuration: Double = 2.0) {
        keyboard = Keyboard(count: 8, channels: 8)
        self.timeout = timeout
        self.chosenOnView = min(chosenOnView, feedbackDuration)
        self.feedbackDuration = feedbackDuration
    }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < Self.pairs.count, "pair \(trial.target) out of range")
        self.trial = trial
        channelOf = Self.stimulusChannels(arrangement: trial.arrangement)
        keyboard.reset()
        elapsed = 0; scored = nil; sinceChoice = 0; paid = false
        let (a, b) = Self.pairs[trial.target]
        cues = [Float](repeating: 0, count: keyboard.channels)
        cues[channelOf[a]] = 1; cues[channelOf[b]] = 1
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        let pressed = keyboard.step(fingers: command.channels, dt: dt)
        if let scored {
            sinceChoice += dt
            let done = sinceChoice >= feedbackDuration - 1e-9
            var reward = 0.0, outcome = false
            if sinceChoice >= chosenOnView - 1e-9 {
                for i in cues.indices { cues[i] = 0 }
                if !paid { paid = true; outcome = true; reward = scored["rewarded"] ?? 0 }
            }
            return Transition(observation: observation(), reward: reward, done: done, info: done ? scored : [:], outcome: outcome)
        }
        elapsed += dt
        let (a, b) = Self.pairs[trial.target]
        let keyA = channelOf[a], keyB = channelOf[b]
        let choice = pressed.first { $0 == keyA || $0 == keyB }.map { $0 == keyA ? a : b }
        guard choice != nil || elapsed >= timeout - 1e-9 else {
            return Transition(observation: observation(), reward: 0, done: false, info: [:])
        }
        for i in cues.indices where choice.map({ i != channelOf[$0] }) ?? true { cues[i] = 0 }
        // A pair left unchosen counts as not choosing the better stimulus.
        var info: [String: Double] = ["responded": choice == nil ? 0 : 1, "rewarded": 0, "rt_s": elapsed, "chose_better": 0]
        var reward = 0.0
        if let c = choice {
            let other = c == a ? b : a
            let p = Self.rewardProbabilities
            info["choice"] = Double(c)
            info["chose_better"] = p[c] > p[other] ? 1 : 0
            let hasA = a == 0 || b == 0, hasB = a == 1 || b == 1
            if hasA && !hasB { info["choose_a"] = c == 0 ? 1 : 0 }
            if hasB && !hasA { info["avoid_b"] = c == 1 ? 0 : 1 }
            if trial.feedback != .none && trial.rewardDraw < p[c] { reward = 1; info["rewarded"] = 1 }
        }
        guard choice != nil, feedbackDuration > 0 else {
            return Transition(observation: observation(), reward: reward, done: true, info: info, outcome: true)
        }
        scored = info
        return Transition(observation: observation(), reward: 0, done: false, info: [:])
    }

    private func observation() -> Observation {
        Observation(cues: cues, hand: keyboard.hand, handVelocity: keyboard.handVelocity, touch: keyboard.touch)
    }
}
