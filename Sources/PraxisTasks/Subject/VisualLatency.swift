import Foundation
import PraxisEngine

/// How long a newly shown stimulus takes to reach the parietal cortex, trial by trial.
///
/// The latency is the body's mean visual delay plus two fluctuations:
/// - **a slow drift**, an Ornstein–Uhlenbeck process in the subject's time with standard
///   deviation `driftMs` and time constant `driftS`: the slow waxing and waning of
///   attention that makes a subject's reaction times drift over tens of seconds (1/f-like
///   series, Gilden 2001, Psychol Rev 108:33; attentional fluctuations over tens of seconds,
///   Esterman et al. 2013, Cereb Cortex 23:2712), so that block means differ by more than
///   their trials' scatter would give;
/// - **trial-to-trial jitter**, Gaussian with standard deviation `jitterMs`: the across-trial
///   variability of non-decision time in diffusion-model fits (a uniform range of 0.1–0.2 s,
///   i.e. an SD of 30–60 ms, of which sensory encoding is a part; Ratcliff & McKoon 2008,
///   Neural Comput 20:873).
///
/// Latencies are clamped to [½ × mean, `longestMs`]. Draws come from the subject's own random
/// stream, so a seed gives the same latencies at any thread count.
struct VisualLatency {
    /// The random stream a subject's latencies are drawn from (with the circuit's seed).
    static let stream = StreamID(.body, 0)
    let meanMs: Double, jitterMs: Double, driftMs: Double, driftS: Double
    /// The longest latency a trial may have (ms); the delay lines are built to hold it.
    let longestMs: Double
    private var drift: Double
    private var lastS: Double?
    private var rng: RandomStream

    /// The latency process of a body with `body`'s parameters, drawing from `rng`.
    init(_ body: BodyParameters, rng: RandomStream) {
        meanMs = body.visualDelayMs; jitterMs = body.visualDelayJitterMs
        driftMs = body.visualDelayDriftMs; driftS = body.visualDelayDriftS
        longestMs = meanMs + 4 * (jitterMs * jitterMs + driftMs * driftMs).squareRoot()
        var rng = rng
        drift = driftMs * Double(rng.normal())
        self.rng = rng
    }

    /// The latency (ms) of a stimulus shown at time `nowS` (s, the subject's clock).
    mutating func next(at nowS: Double) -> Double {
        if let lastS, driftS > 0 {
            // Exact OU transition over the time since the last stimulus.
            let decay = exp(-(nowS - lastS) / driftS)
            drift = drift * decay + driftMs * (1 - decay * decay).squareRoot() * Double(rng.normal())
        }
        lastS = nowS
        let latency = meanMs + drift + jitterMs * Double(rng.normal())
        return min(max(latency, meanMs / 2), longestMs)
    }
}
