/// The task interface, in the reinforcement-learning convention (reset, step, observation,
/// reward, done, info): a subject's circuit reads the observation through its sensory
/// populations and acts through its motor command; the task moves its plant, scores the
/// trial and says when it is over. Users add paradigms by conforming a type in Swift.
public protocol Task {
    /// Short name used in protocol files and result tables (`center-out`).
    var name: String { get }
    /// Names of the per-trial metrics `step` reports in `info` when a trial ends.
    var metricNames: [String] { get }
    /// Starts trial `trial` and returns the first observation.
    mutating func reset(_ trial: Trial) -> Observation
    /// Advances the task by `dt` seconds under `command`.
    mutating func step(_ command: MotorCommand, dt: Double) -> Transition
}

/// One trial's settings, expanded from a protocol block.
public struct Trial: Sendable, Equatable, Codable {
    /// Index of the target, key or option presented (an action channel).
    public var target: Int
    public var perturbation: Perturbation
    /// A catch trial: the block's perturbation is withheld.
    public var isCatch: Bool
    public var feedback: Feedback
    /// Longest the trial may last (s).
    public var timeout: Double
    /// Probability that success is rewarded this trial.
    public var rewardProbability: Double
    /// A uniform draw in [0, 1) made by the protocol runner from the subject's stream: the
    /// trial's reward is delivered when `rewardDraw < rewardProbability` (tasks stay
    /// deterministic).
    public var rewardDraw: Double
    /// Counterbalancing: a draw made once per subject by the protocol runner (the same in
    /// every trial of the subject). A task whose stimuli can be assigned to keys in several
    /// equivalent ways picks the assignment from it, so no stimulus is tied to the same
    /// key in every subject (0: the task's canonical assignment).
    public var arrangement: Int
    public init(target: Int, perturbation: Perturbation = .none, isCatch: Bool = false,
                feedback: Feedback = .vector, timeout: Double = 1.5, rewardProbability: Double = 1, rewardDraw: Double = 0,
                arrangement: Int = 0) {
        self.target = target; self.perturbation = perturbation; self.isCatch = isCatch
        self.feedback = feedback; self.timeout = timeout
        self.rewardProbability = rewardProbability; self.rewardDraw = rewardDraw
        self.arrangement = arrangement
    }
    /// Whether success this trial earns its reward.
    public var rewardDue: Bool { rewardDraw < rewardProbability }
    /// The perturbation in force this trial.
    public var effectivePerturbation: Perturbation { isCatch ? .none : perturbation }
}

/// What the subject is told about its performance.
public enum Feedback: String, Sendable, Equatable, Codable, CaseIterable {
    /// Cursor shown throughout and the error vector after the trial.
    case vector
    /// Only a binary reward at the end of the trial.
    case binary
    /// Nothing.
    case none
}

/// What the task presents at one step.
public struct Observation: Sendable, Equatable {
    /// Visual salience of each action channel's target or cue (0…1).
    public var cues: [Float]
    /// Hand position relative to the start (m), as felt (proprioception).
    public var hand: SIMD2<Double>
    /// Hand velocity (m/s).
    public var handVelocity: SIMD2<Double>
    /// Cursor position relative to the start (m), as seen; nil when vision is withheld.
    public var cursor: SIMD2<Double>?
    /// Target position relative to the start (m), if the task has one.
    public var target: SIMD2<Double>?
    /// Fingertip touch per action channel (1 while that channel's key is held down); empty
    /// for plants without keys.
    public var touch: [Float]
    public init(cues: [Float], hand: SIMD2<Double> = .zero, handVelocity: SIMD2<Double> = .zero,
                cursor: SIMD2<Double>? = nil, target: SIMD2<Double>? = nil, touch: [Float] = []) {
        self.cues = cues; self.hand = hand; self.handVelocity = handVelocity
        self.cursor = cursor; self.target = target; self.touch = touch
    }
}

/// The subject's output at one step.
public struct MotorCommand: Sendable, Equatable {
    /// Endpoint force the muscles produce (N), for reaching plants.
    public var force: SIMD2<Double>
    /// Finger force (N) per action channel, for keyboards.
    public var channels: [Float]
    public init(force: SIMD2<Double> = .zero, channels: [Float] = []) { self.force = force; self.channels = channels }
}

/// Result of one step.
public struct Transition: Sendable, Equatable {
    public var observation: Observation
    /// Reward delivered this step.
    public var reward: Double
    /// Whether the trial ended this step.
    public var done: Bool
    /// The trial's metrics when `done`, else empty.
    public var info: [String: Double]
    /// Whether the trial's outcome is due this step: its reward delivered or withheld (an
    /// expected reward that does not come is an outcome too; Schultz, Dayan & Montague
    /// 1997). The subject measures the dopamine dip that follows (`dopamine_dip`). Tasks
    /// without a moment of feedback (reaching, tapping) leave it false.
    public var outcome: Bool
    public init(observation: Observation, reward: Double, done: Bool, info: [String: Double], outcome: Bool = false) {
        self.observation = observation; self.reward = reward; self.done = done; self.info = info; self.outcome = outcome
    }
}
