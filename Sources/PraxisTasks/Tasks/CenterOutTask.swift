/// Centre-out reaching with the two-link arm (Shadmehr & Mussa-Ivaldi 1994): eight targets
/// 10 cm from a start position in front of the body; channel k is the target at
/// k·45° counter-clockwise from the +x axis. A trial starts with the hand at rest at the start
/// and the target shown, and ends when the hand stops with the cursor within 1 cm of the
/// target, or at the timeout. The motor command is an endpoint force, turned into joint
/// torques through Jᵀ.
///
/// Metrics (`docs/paradigms.md`): lateral error at peak speed, maximum perpendicular error,
/// movement time, peak speed, endpoint error (see `ReachMetrics`), arrival, and in
/// error-clamp trials the force pressed into the channel at peak speed.
public struct CenterOutTask: Task {
    public let name = "center-out"
    public var metricNames: [String] { ReachMetrics.names + ["arrived", "channel_force_n"] }
    /// Hand start position relative to the shoulder (m).
    public let start: SIMD2<Double>
    /// Reach distance (m).
    public let distance: Double
    public let targetCount: Int
    public private(set) var arm: TwoLinkArm
    public private(set) var trial = Trial(target: 0)
    /// The hand path of the current trial, relative to the start, one point per step.
    public private(set) var path: [SIMD2<Double>] = []
    private var elapsed = 0.0
    /// In an error-clamp trial, the lateral force the subject presses into the channel at
    /// each sample of `path` (N; + = to the left of the start→target direction): the
    /// opposite of the wall's force on the hand.
    private var channelForces: [Double] = []
    /// The arm's hand, hand velocity and Jacobian at the end of the last step.
    private var kinematics: TwoLinkArm.Kinematics
    /// The trial's cue saliences, built once per trial (no allocation per step).
    private var cues: [Float] = []

    public init(start: SIMD2<Double> = [0, 0.45], distance: Double = 0.10, targets: Int = 8,
                arm: TwoLinkArm.Parameters = .init()) {
        self.start = start; self.distance = distance; targetCount = targets
        self.arm = TwoLinkArm(parameters: arm, hand: start)
        kinematics = self.arm.kinematics
    }

    /// Target `k` relative to the start (m).
    public func target(_ k: Int) -> SIMD2<Double> {
        distance * ChannelLayout.direction(k, of: targetCount)
    }

    public mutating func reset(_ trial: Trial) -> Observation {
        precondition(trial.target >= 0 && trial.target < targetCount, "target \(trial.target) out of range")
        self.trial = trial
        cues = ChannelLayout.cue(trial.target, of: targetCount)
        arm = TwoLinkArm(parameters: arm.parameters, hand: start)
        kinematics = arm.kinematics
        path = [.zero]
        channelForces = [0]
        elapsed = 0
        return observation()
    }

    public mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        let perturbation = trial.effectivePerturbation, goal = start + target(trial.target), origin = start
        let torque = kinematics.jacobian.transposed.apply(command.force)
        arm.step(dt: dt, torque: torque) { perturbation.force(hand: $0, velocity: $1, start: origin, target: goal) }
        kinematics = arm.kinematics
        elapsed += dt
        let hand = kinematics.hand - start
        path.append(hand)
        if case .errorClamp = perturbation {
            let u = target(trial.target) / distance, normal = SIMD2<Double>(-u.y, u.x)
            let wall = perturbation.force(hand: kinematics.hand, velocity: kinematics.velocity, start: origin, target: goal)
            channelForces.append(-(wall * normal).sum())
        }
        // The goal is reached in the space the subject is asked to act in: the cursor's (under
        // a rotation the hand ends off the target while the cursor is on it).
        let offset = perturbation.cursor(hand: kinematics.hand, start: start) - goal, speed = kinematics.velocity
        let arrived = (offset * offset).sum().squareRoot() < ReachMetrics.arrivalRadius
            && (speed * speed).sum().squareRoot() < ReachMetrics.arrivalSpeed && elapsed > 0.1
        let done = arrived || elapsed >= trial.timeout
        var info: [String: Double] = [:]
        var reward = 0.0
        if done {
            let metrics = ReachMetrics(positions: path, dt: dt, target: target(trial.target))
            info = metrics.named
            info["arrived"] = arrived ? 1 : 0
            if case .errorClamp = perturbation { info["channel_force_n"] = channelForces[metrics.peakSpeedIndex] }
            if arrived && trial.feedback != .none && trial.rewardDue { reward = 1 }
        }
        return Transition(observation: observation(), reward: reward, done: done, info: info)
    }

    private func observation() -> Observation {
        let hand = kinematics.hand - start
        let cursor = trial.feedback == .vector ? trial.effectivePerturbation.cursor(hand: kinematics.hand, start: start) - start : nil
        return Observation(cues: cues, hand: hand, handVelocity: kinematics.velocity, cursor: cursor, target: target(trial.target))
    }
}
