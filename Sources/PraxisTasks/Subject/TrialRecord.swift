/// What one trial left: its settings, the task's metrics, the reward earned and, when asked
/// for, the hand path.
public struct TrialRecord: Sendable, Equatable {
    /// Position of the trial in the subject's whole protocol, from 0.
    public var index: Int
    /// Session name and block number (from 0, within the session); set by the protocol runner.
    public var session = ""
    public var block = 0
    public var trial: Trial
    /// The task's per-trial metrics (`Task.metricNames`).
    public var metrics: [String: Double]
    /// Total reward delivered during the trial.
    public var reward: Double
    /// Hand path relative to the start, one point per step; nil unless kept.
    public var path: [SIMD2<Double>]?
    public init(index: Int, trial: Trial, metrics: [String: Double], reward: Double, path: [SIMD2<Double>]? = nil) {
        self.index = index; self.trial = trial; self.metrics = metrics; self.reward = reward; self.path = path
    }
}
