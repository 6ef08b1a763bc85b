/// Cued lever press (Peters, Chen & Komiyama 2014): a cue on channel `target`; pushing the
/// lever past `threshold` within `window` seconds of the cue earns a reward. The lever is
/// a one-dimensional plant — the hand and lever moving along the lever's axis (the channel's
/// direction) as a mass on a return spring with damping — driven by the endpoint force's
/// component along that axis. Reaction and movement times therefore come from the circuit.
///
/// Metrics: `rewarded`, `pressed` (1 if the threshold was crossed), `reaction_time_s` (cue
/// to movement onset, speed above 2 cm/s; the window when none), `press_time_s` (cue to
/// threshold), `peak_displacement_m`.
public struct LeverTask: Task {
    public let name = "lever"
    public var metricNames: [String] { ["peak_displacement_m", "press_time_s", "pressed", "reaction_time_s", "rewarded"] }
    public let channels: Int
    /// Press threshold (m) and response window (s).
    public let threshold: Double, window: Double
    /// The lever with the hand on it: it moves both ways along its axis.
    public private(set) var lever: Key
    private var trial = Trial(target: 0)
    private var elapsed = 0.0
    private var onset: Double?, press: Double?, peak = 0.0
    /// The cue, on until the press (built once per trial, not per step).
    private var cues: [Float] = []

    public init(channels: Int = 8, mass: Double = 1.5, spring: Double = 50, damping: Double = 5,
                threshold: Double = 0.02, window: Double = 1.5) {
        self.channels = channels
        lever = Key(mass: mass, spring: spring, damping: damping, stopsAtRest: false)
        self.threshold = threshold; self.window = window
    }

    /// Unit vector of the lever axis for cue channel `c`.
    func axis(_ c: Int) -> SIMD2<Double> { ChannelLayout.direction(c, of: channels) }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < channels, "cue \(trial.target) out of range")
        self.trial = trial
        lever.reset(); elapsed = 0; onset = nil; press = nil; peak = 0
        cues = ChannelLayout.cue(trial.target, of: channels)
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        let u = axis(trial.target)
        lever.step(force: (command.force * u).sum(), dt: dt)
        let position = lever.position
        elapsed += dt
        peak = max(peak, position)
        if onset == nil && lever.velocity > 0.02 { onset = elapsed }
        var reward = 0.0
        // The outcome: at the press, or at the window's end for a press that never came.
        var outcome = false
        if press == nil && position >= threshold && elapsed <= window {
            press = elapsed; outcome = true
            cues[trial.target] = 0
            if trial.rewardDue && trial.feedback != .none { reward = 1 }
        }
        let done = elapsed >= window - 1e-9
        var info: [String: Double] = [:]
        if done && press == nil { outcome = true }
        if done {
            let rewarded = press != nil && trial.rewardDue && trial.feedback != .none
            info = ["rewarded": rewarded ? 1 : 0, "pressed": press == nil ? 0 : 1,
                    "reaction_time_s": onset ?? window, "press_time_s": press ?? window, "peak_displacement_m": peak]
        }
        return Transition(observation: observation(), reward: reward, done: done, info: info, outcome: outcome)
    }

    private func observation() -> Observation {
        let u = axis(trial.target)
        return Observation(cues: cues, hand: lever.position * u, handVelocity: lever.velocity * u)
    }
}
