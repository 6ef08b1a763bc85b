import PraxisCircuit
import PraxisEngine

/// A virtual subject: a built circuit in a closed loop with a body and a task.
///
/// Each step the task's observation reaches the circuit through the senses, the circuit
/// advances, and its spinal output moves the task's plant:
/// - **vision → PPC.** For spatial tasks, PPC holds the planned reach vector (the target
///   relative to the start), cosine-coded per channel and saturating at `reachDistance`,
///   once the target has been seen (after the visual delay). The plan is not updated from
///   the seen hand: a cortical position loop closed through 100 ms of visual delay
///   oscillates, and human reaches are planned, not steered (Bizzi et al. 1984). For
///   non-spatial tasks PPC holds the cues' salience per channel, seen after the visual delay.
///   The delay varies from trial to trial and drifts slowly with attention (`VisualLatency`).
/// - **proprioception → Ia.** Spindle afferent k fires with the length and stretch velocity
///   of muscle k (the hand displaced or moving against pulling direction k) after the
///   proprioceptive delay; the circuit routes it to the spinal pools (stretch reflex), to
///   the Ia inhibitory interneurons (reciprocal inhibition of the antagonist) and to S1.
/// - **error → IO.** While the cursor is visible, its deviation from the straight path to
///   the target (the lateral error during the reach, the overshoot beyond the target)
///   reaches the olive after the error delay as a signed code around the resting rate:
///   olivary unit k fires more for errors against direction k and less for errors along it,
///   so that microzone's climbing fibres teach it to pull back (Kitazawa et al. 1998).
/// - **touch → S1_D.** Fingertip contact per action channel (a key held down) reaches the
///   digit units of S1 after the tactile delay, when the circuit has them: the reafference
///   that tells the serial context which action was just completed.
/// - **reward → critic.** The task's rewards reach the TD critic; each trial presents its
///   target as the critic's cue.
/// - **measures.** Each record adds `dopamine_cue` (peak phasic dopamine, level − tonic,
///   in the 500 ms after trial start) and `dopamine_reward` (peak in the 400 ms after the
///   first reward; 0 without one).
/// - **SC → force.** The push-pull spinal pools (+x, +y, −x, −y) drive four muscles with
///   length–tension and force–velocity relations (`command(hand:velocity:)`); the digit
///   pools (SC_F, one per channel) press the keys of a keyboard with `fingerForceGain`.
public final class Subject {
    public let circuit: Circuit
    public let body: BodyParameters
    /// Names of the measures the subject adds to trials' metrics (`dopamine_dip` only where
    /// the task marks an outcome; see `Transition.outcome`).
    public static let measureNames = ["dopamine_cue", "dopamine_reward", "dopamine_dip"]
    /// Trials performed so far.
    public private(set) var trialsDone = 0
    /// Time spent off the task (rests between sessions, s), which the simulation skips.
    public private(set) var offlineSeconds = 0.0
    /// The subject's clock (s): simulated time plus the rests it skipped.
    public var clockSeconds: Double { Double(circuit.simulator.step) * dtMs / 1000 + offlineSeconds }

    private let ppc: Population, ia: Population, io: Population, sc: Population, digits: Population
    /// S1's digit (touch) units, if the circuit has them.
    private let touchUnits: Population?
    /// Finger force per action channel, refilled in place every step.
    private var fingers: [Float]
    /// Units of the digit pools per action channel.
    private let digitsPerChannel: Int
    private let dopamine: Modulator?
    private let dtMs: Double
    /// Preferred direction of each action channel (channel c at c·360°/channels).
    private let channelDirections: [SIMD2<Double>]
    /// The visual delay of each trial's stimulus (see `VisualLatency`).
    private var latency: VisualLatency
    private var cues: DelayLine<[Float]>
    private var plan: DelayLine<SIMD2<Double>?>
    private var felt: DelayLine<SIMD2<Double>>
    private var stretch: DelayLine<SIMD2<Double>>
    private var error: DelayLine<SIMD2<Double>>
    private var touch: DelayLine<[Float]>
    /// What the touch units were last set to (they are only written when it changes).
    private var feltTouch: [Float] = []
    /// Pulling direction of spinal pool, spindle and microzone k.
    static let directions: [SIMD2<Double>] = [[1, 0], [0, 1], [-1, 0], [0, -1]]

    /// A subject whose circuit is `circuit` and whose body is `body`.
    public init(circuit: Circuit, body: BodyParameters = .init()) {
        self.circuit = circuit
        self.body = body
        ppc = circuit.population("PPC"); ia = circuit.population("Ia")
        io = circuit.population("IO"); sc = circuit.population("SC")
        digits = circuit.population("SC_F")
        touchUnits = circuit.network.populations.first { $0.name == "S1_D" }
        fingers = Array(repeating: 0, count: circuit.spec.channels)
        digitsPerChannel = digits.size / circuit.spec.channels
        dopamine = circuit.network.modulators.first { $0.kind == .dopamine }
        dtMs = circuit.spec.dtMs
        channelDirections = (0..<circuit.spec.channels).map { ChannelLayout.direction($0, of: circuit.spec.channels) }
        let steps = { (ms: Double) in Int((ms / circuit.spec.dtMs).rounded()) }
        latency = VisualLatency(body, rng: RandomStream(seed: circuit.network.seed, stream: VisualLatency.stream))
        cues = DelayLine(steps: steps(body.visualDelayMs), capacity: steps(latency.longestMs), initial: [])
        plan = DelayLine(steps: steps(body.visualDelayMs), capacity: steps(latency.longestMs), initial: nil)
        felt = DelayLine(steps: steps(body.proprioceptiveDelayMs), initial: .zero)
        stretch = DelayLine(steps: steps(body.proprioceptiveDelayMs), initial: .zero)
        error = DelayLine(steps: steps(body.errorDelayMs), initial: .zero)
        touch = DelayLine(steps: steps(body.tactileDelayMs), initial: [])
    }

    /// Performs `trial` on `task`, then rests for the inter-trial interval. With `keepPath`
    /// the record carries the hand path of a task that has one.
    public func perform<T: Task>(_ trial: Trial, on task: inout T, keepPath: Bool = false) throws(SimulationError) -> TrialRecord {
        var observation = task.reset(trial)
        let cue = trial.target % circuit.critic.parameters.cues
        circuit.presentCue(cue)
        let seen = Int((latency.next(at: clockSeconds) / dtMs).rounded())
        cues.steps = seen; plan.steps = seen
        cues.reset(to: []); plan.reset(to: nil); felt.reset(to: observation.hand)
        stretch.reset(to: .zero); error.reset(to: .zero); touch.reset(to: [])
        var reward = 0.0, metrics: [String: Double] = [:]
        var path: [SIMD2<Double>] = keepPath ? [observation.hand] : []
        let dt = dtMs / 1000
        var response = DopamineResponse(cueSteps: Int(500 / dtMs), rewardSteps: Int(400 / dtMs))
        while true {
            sense(observation)
            try step(&response)
            let transition = task.step(command(hand: observation.hand, velocity: observation.handVelocity), dt: dt)
            if transition.outcome { response.outcomeDue() }
            if transition.reward != 0 {
                response.rewardDelivered()
                circuit.critic.reward(Float(transition.reward))
                reward += transition.reward
            }
            observation = transition.observation
            try checkPlant(observation)
            if keepPath { path.append(observation.hand) }
            if transition.done { metrics = transition.info; break }
        }
        withdrawSenses()
        circuit.critic.removeCue(cue)
        for _ in 0..<Int((body.interTrialMs / dtMs).rounded()) { try step(&response) }
        metrics["dopamine_cue"] = Double(response.cuePeak)
        metrics["dopamine_reward"] = Double(response.rewardPeak)
        if let dip = response.outcomeDip { metrics["dopamine_dip"] = Double(dip) }
        defer { trialsDone += 1 }
        return TrialRecord(index: trialsDone, trial: trial, metrics: metrics, reward: reward,
                           path: keepPath ? path : nil)
    }

    /// Stops the run when the plant's state is no longer finite (forces too large for its
    /// integrator at this step, as with an extreme `forceGain` or field), naming the step,
    /// rather than letting NaN reach the senses and surface as a blow-up of a sensory
    /// population.
    private func checkPlant(_ o: Observation) throws(SimulationError) {
        guard !(o.hand.x.isFinite && o.hand.y.isFinite && o.handVelocity.x.isFinite && o.handVelocity.y.isFinite) else { return }
        let step = circuit.simulator.step
        throw SimulationError(population: "hand", step: step, time: Double(step) * dtMs / 1000,
                              message: "position (\(o.hand.x), \(o.hand.y)) m or velocity (\(o.handVelocity.x), \(o.handVelocity.y)) m/s became NaN or infinite; "
                                + "the forces on the plant are too large for its integrator at dt = \(dtMs) ms (force gain \(body.forceGain) N per unit)",
                              kind: "plant")
    }

    /// Steps the circuit and shows `response` the phasic dopamine.
    private func step(_ response: inout DopamineResponse) throws(SimulationError) {
        try circuit.step()
        if let dopamine { response.observe(dopamine.level(0) - dopamine.tonic) }
    }

    /// The endpoint force of the four muscles for hand position `hand` and velocity
    /// `velocity`. Muscle k pulls along direction k with `forceGain`·SC_k scaled by
    /// - its length–tension relation, 1 − (hand·d_k)/`muscleRange`: a spring whose pull
    ///   falls as the muscle shortens, so the posture where agonist and antagonist balance is
    ///   set by the ratio of their activations (the equilibrium-point, or α, model; Polit &
    ///   Bizzi 1979; Feldman 1986; assumed by Shadmehr & Mussa-Ivaldi 1994), and
    /// - Hill's force–velocity hyperbola, (1 − s)/(1 + s/a) for shortening at s·v_max
    ///   (Hill 1938), continued on the lengthening side with the same slope at s = 0 up to
    ///   1.8× isometric (Katz 1939). Its slope is the limb's undelayed damping, and it grows
    ///   with co-contraction (Burdet et al. 2001, Nature 414:446).
    func command(hand: SIMD2<Double>, velocity: SIMD2<Double>) -> MotorCommand {
        var force = SIMD2<Double>.zero
        let a = body.hillCurvature
        for k in 0..<4 {
            let d = Self.directions[k]
            let s = (velocity * d).sum() / body.shorteningVelocity
            let hill = s >= 0 ? max(0, (1 - s) / (1 + s / a)) : 1.8 - 0.8 / (1 - s * (1 + 1 / a) / 0.8)
            let length = max(0, 1 - (hand * d).sum() / body.muscleRange)
            force += body.forceGain * Double(sc.output(k)) * hill * length * d
        }
        let gain = Float(body.fingerForceGain)
        for c in fingers.indices { fingers[c] = gain * digits.output(c * digitsPerChannel) }
        return MotorCommand(force: force, channels: fingers)
    }

    /// Drives the sensory populations from `observation` (after the senses' delays).
    private func sense(_ observation: Observation) {
        let simulator = circuit.simulator
        let hand = felt.push(observation.hand)
        let seenCues = cues.push(observation.cues)
        let seenTarget = plan.push(observation.target)
        let velocity = stretch.push(observation.handVelocity)
        for k in 0..<4 {
            let d = Self.directions[k]
            let drive = -(hand * d).sum() / body.spindleLength - (velocity * d).sum() / body.stretchVelocity
            simulator.setExternal(ia, unit: k, Float(max(0, drive)))
        }
        let channels = circuit.spec.channels
        let contact = touch.push(observation.touch)
        if let touchUnits, contact != feltTouch {
            for c in 0..<channels { setChannel(touchUnits, c, c < contact.count ? contact[c] : 0) }
            feltTouch = contact
        }
        if let target = observation.target {
            if let planned = seenTarget {
                let distance = (planned * planned).sum().squareRoot()
                let strength = min(1, distance / body.reachDistance)
                let unit = distance > 0 ? planned / distance : .zero
                for c in 0..<channels {
                    setChannel(ppc, c, Float(strength * max(0, (unit * channelDirections[c]).sum())))
                }
            }
            var deviation = SIMD2<Double>.zero
            if let cursor = observation.cursor {
                // The cursor's distance from the straight path to the target: the lateral
                // error during the reach, the overshoot past the target.
                let length = (target * target).sum().squareRoot()
                let u = target / length
                deviation = cursor - min(max((cursor * u).sum(), 0), length) * u
            }
            let late = error.push(deviation)
            for k in 0..<4 {
                simulator.setExternal(io, unit: k, Float(-(late * Self.directions[k]).sum() / body.errorScale))
            }
        } else {
            for c in 0..<channels { setChannel(ppc, c, c < seenCues.count ? seenCues[c] : 0) }
        }
    }

    /// Sets every unit of channel `c` of channel-structured `population` to `value`.
    private func setChannel(_ population: Population, _ c: Int, _ value: Float) {
        let per = population.size / circuit.spec.channels
        for k in 0..<per { circuit.simulator.setExternal(population, unit: c * per + k, value) }
    }

    /// Lets `seconds` pass off the task (a rest the simulation skips): the subject's clock
    /// moves on, so processes on it (the drift of attention in `VisualLatency`) forget.
    public func rest(seconds: Double) {
        precondition(seconds >= 0, "negative rest")
        offlineSeconds += seconds
    }

    /// Withdraws every sensory drive (between trials).
    private func withdrawSenses() {
        let simulator = circuit.simulator
        for k in 0..<ppc.size { simulator.setExternal(ppc, unit: k, 0) }
        for k in 0..<4 { simulator.setExternal(ia, unit: k, 0); simulator.setExternal(io, unit: k, 0) }
        if let touchUnits { for k in 0..<touchUnits.size { simulator.setExternal(touchUnits, unit: k, 0) } }
        feltTouch = []
    }
}

/// Peak phasic dopamine after the trial's start and after its first reward, and the dip after
/// its outcome.
struct DopamineResponse {
    let cueSteps: Int, rewardSteps: Int
    private var step = 0
    private var rewardStart: Int?, outcomeStart: Int?
    private(set) var cuePeak: Float = 0, rewardPeak: Float = 0
    /// The lowest phasic dopamine (≤ 0) in the `rewardSteps` after the trial's outcome;
    /// nil when the task marked none.
    private(set) var outcomeDip: Float?

    init(cueSteps: Int, rewardSteps: Int) { self.cueSteps = cueSteps; self.rewardSteps = rewardSteps }

    mutating func rewardDelivered() { if rewardStart == nil { rewardStart = step } }

    mutating func outcomeDue() { if outcomeStart == nil { outcomeStart = step; outcomeDip = 0 } }

    mutating func observe(_ phasic: Float) {
        if step < cueSteps { cuePeak = max(cuePeak, phasic) }
        if let r = rewardStart, step - r < rewardSteps { rewardPeak = max(rewardPeak, phasic) }
        if let o = outcomeStart, step - o < rewardSteps, let dip = outcomeDip { outcomeDip = min(dip, phasic) }
        step += 1
    }
}
