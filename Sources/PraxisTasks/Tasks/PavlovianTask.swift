/// Pavlovian conditioning (Schultz, Dayan & Montague 1997): a cue on channel `target` at
/// 0 s, a reward at `rewardDelay` (delivered when the trial's reward is due), nothing to
/// do. The trial lasts `duration`. The outcome is due at `rewardDelay`, rewarded or not
/// (an omitted reward: Fiorillo, Tobler & Schultz 2003). Metric: `rewarded`. The dopamine responses are measured
/// by the subject (`Subject` adds `dopamine_cue`, `dopamine_reward` and `dopamine_dip`).
public struct PavlovianTask: Task {
    public let name = "pavlovian"
    public var metricNames: [String] { ["rewarded"] }
    public let channels: Int
    /// Cue to reward (s) and trial length (s).
    public let rewardDelay: Double, duration: Double
    private var trial = Trial(target: 0)
    private var elapsed = 0.0
    private var delivered = false
    /// The cue, on until the reward time (built once per trial, not per step).
    private var cues: [Float] = []

    public init(channels: Int = 8, rewardDelay: Double = 1.0, duration: Double = 1.6) {
        self.channels = channels; self.rewardDelay = rewardDelay; self.duration = duration
    }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < channels, "cue \(trial.target) out of range")
        self.trial = trial
        elapsed = 0
        delivered = false
        cues = ChannelLayout.cue(trial.target, of: channels)
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        elapsed += dt
        var reward = 0.0, outcome = false
        if !delivered && elapsed >= rewardDelay {
            delivered = true; outcome = true
            cues[trial.target] = 0
            if trial.rewardDue { reward = 1 }
        }
        let done = elapsed >= duration - 1e-9
        let info: [String: Double] = done ? ["rewarded": trial.rewardDue ? 1 : 0] : [:]
        return Transition(observation: observation(), reward: reward, done: done, info: info, outcome: outcome)
    }

    /// The cue stays on until the reward time (delay conditioning).
    private func observation() -> Observation { Observation(cues: cues) }
}
