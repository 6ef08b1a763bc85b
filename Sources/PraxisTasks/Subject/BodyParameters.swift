/// How a subject's body couples its circuit to a task: conduction delays, the gain of the
/// muscles and the scales at which sensory afferents saturate. These are properties of the
/// body shared by every paradigm; they are not tuned per task.
public struct BodyParameters: Sendable, Equatable, Codable {
    /// Visual delay from the retina to the parietal reach area (ms); reach corrections to a
    /// target jump start ~100–150 ms after it (Prablanc & Martin 1992; Saunders & Knill 2003).
    public var visualDelayMs = 100.0
    /// Trial-to-trial standard deviation of the visual delay (ms): part of the across-trial
    /// variability of non-decision time (SD 30–60 ms in diffusion-model fits; Ratcliff &
    /// McKoon 2008). See `VisualLatency`.
    public var visualDelayJitterMs = 20.0
    /// Standard deviation (ms) of the slow drift of the visual delay with attention
    /// (Gilden 2001; Esterman et al. 2013). See `VisualLatency`.
    public var visualDelayDriftMs = 20.0
    /// Time constant (s) of that drift: attention waxes and wanes over tens of seconds.
    public var visualDelayDriftS = 30.0
    /// Delay of spindle afferents to the cord (ms): the short-latency stretch reflex of arm
    /// muscles starts ~20–30 ms after a perturbation (Pruszynski & Scott 2012).
    public var proprioceptiveDelayMs = 15.0
    /// Delay of fingertip touch to S1 (ms): the cortical response to median-nerve
    /// stimulation peaks at ~20 ms (N20; Allison et al. 1991).
    public var tactileDelayMs = 20.0
    /// Delay of the seen movement error to the inferior olive (ms); complex spikes signal
    /// errors ~100 ms after they occur (Kitazawa, Kimura & Yin 1998, Nature 392:494).
    public var errorDelayMs = 100.0
    /// Endpoint force (N) per unit of spinal motor-pool output; pools saturate at 8 units.
    public var forceGain = 6.0
    /// Fingertip force (N) per unit of a digit motor pool's output; a key needs ~1 N to
    /// travel its 1 cm (fingertip forces in typing are ~1–4 N; Dennerlein et al. 1998).
    public var fingerForceGain = 4.0
    /// Shortening speed (m/s, at the hand) at which a muscle's force falls to zero. Arm
    /// muscles shorten at up to ~5–10 fibre lengths/s; through the moment arms this is of the
    /// order of 1 m/s at the hand.
    public var shorteningVelocity = 2.0
    /// Curvature a (in units of isometric force) of Hill's force–velocity hyperbola; 0.25 is
    /// typical of mammalian muscle (Hill 1938; Winters & Stark 1985).
    public var hillCurvature = 0.25
    /// Hand excursion (m) along a muscle's pulling direction at which its length–tension
    /// pull has fallen to zero: the spring of the equilibrium-point model.
    public var muscleRange = 0.15
    /// Hand excursion (m) against a muscle's pulling direction that adds 1 to the drive of
    /// its spindle afferents (primary endings code length as well as velocity; Matthews 1972).
    public var spindleLength = 0.08
    /// Stretch velocity (m/s) at which a spindle afferent's drive is 1 (it saturates at 3).
    public var stretchVelocity = 1.0
    /// Reach distance (m) at which the parietal plan's strength saturates.
    public var reachDistance = 0.10
    /// Lateral error (m) that moves an olivary unit's drive by 1 from its spontaneous level:
    /// complex spikes rise for errors against the microzone's direction and fall below their
    /// resting rate for errors along it (Soetedjo, Kojima & Fuchs 2008).
    public var errorScale = 0.03
    /// Interval between trials (ms), during which the circuit sees no target.
    public var interTrialMs = 300.0
    public init() {}
}
