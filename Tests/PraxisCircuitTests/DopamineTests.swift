import PraxisEngine
import Testing
@testable import PraxisCircuit

/// PHENOMENA P4 (Schultz, Dayan & Montague 1997) on the built default circuit: cue at 0 s,
/// reward at 1 s, 200 trials; responses are the peak phasic dopamine (level − tonic).
@Suite struct DopamineTests {
    struct Trial {
        var cuePeak: Float; var cueLatencyMs: Int; var rewardPeak: Float; var rewardTrough: Float
        /// The critic's value 10 ms before the reward is due.
        var valueBeforeReward: Float = 0
    }

    /// One trial of 1.6 s: cue at 0, reward `reward` at 1 s (none when 0).
    static func trial(_ c: Circuit, reward: Float = 1) throws -> Trial {
        let da = c.network.modulator("dopamine")!
        var t = Trial(cuePeak: 0, cueLatencyMs: -1, rewardPeak: 0, rewardTrough: 0)
        c.presentCue(0)
        for ms in 0..<1600 {
            if ms == 1000 && reward != 0 { c.critic.reward(reward) }
            try c.step()
            if ms == 990 { t.valueBeforeReward = c.critic.value }
            let phasic = da.levels[0] - da.tonic
            if ms < 500, phasic > t.cuePeak { t.cuePeak = phasic; t.cueLatencyMs = ms }
            if ms >= 1000 && ms < 1400 { t.rewardPeak = max(t.rewardPeak, phasic); t.rewardTrough = min(t.rewardTrough, phasic) }
        }
        c.critic.removeCue(0)
        try c.run(ms: 400)
        return t
    }

    static func train(_ c: Circuit, trials: Int) throws -> (naive: Trial, trained: Trial) {
        let naive = try trial(c)
        for _ in 1..<trials - 1 { _ = try trial(c) }
        return (naive, try trial(c))
    }

    @Test func predictionErrorMovesFromRewardToCue() throws {
        let c = try Circuit(seed: 3)
        let (naive, trained) = try Self.train(c, trials: 200)
        // Naive: a burst at the reward, none at the cue.
        #expect(naive.rewardPeak > 0.5)
        #expect(naive.cuePeak < 0.05 * naive.rewardPeak)
        // Trained: a burst at the cue, 40–150 ms after it, at least half the naive reward burst;
        // the predicted reward evokes at most 20 % of it.
        #expect(trained.cuePeak >= 0.5 * naive.rewardPeak, "cue \(trained.cuePeak) vs naive reward \(naive.rewardPeak)")
        #expect((40...150).contains(trained.cueLatencyMs), "latency \(trained.cueLatencyMs) ms")
        #expect(trained.rewardPeak <= 0.2 * naive.rewardPeak, "reward \(trained.rewardPeak)")
        // Omitting the predicted reward gives a dip, smaller than the burst (dips are compressed).
        let omitted = try Self.trial(c, reward: 0)
        #expect(omitted.rewardTrough < -0.1)
        #expect(-omitted.rewardTrough < trained.cuePeak)
    }

    /// The value of a cue rewarded on every other trial, read just before the reward is due
    /// (mean of the last 40 trials).
    static func valueAtHalfReward(_ c: Circuit, trials: Int) throws -> Float {
        var value: Float = 0
        for k in 0..<trials {
            let t = try trial(c, reward: k % 2 == 0 ? 1 : 0)
            if k >= trials - 40 { value += t.valueBeforeReward / 40 }
        }
        return value
    }

    /// The critic learns from the error as dopamine cells can release it: healthy, a cue
    /// rewarded half the time is worth about 0.5; with bursts at half their gain and dips
    /// kept (SNc loss 0.5), values settle where the weaker bursts balance the dips,
    /// 0.5 · p · (1 − V) = (1 − p) · V, so V ≈ 1/3.
    @Test func criticLearnsFromReleasedDopamine() throws {
        let healthy = try Self.valueAtHalfReward(try Circuit(seed: 3), trials: 300)
        let pd = try Circuit(seed: 3)
        pd.network.modulator("dopamine")!.burstGain = 0.5
        let depleted = try Self.valueAtHalfReward(pd, trials: 300)
        #expect(abs(healthy - 0.5) < 0.08, "healthy value \(healthy)")
        #expect(abs(depleted - 1.0 / 3) < 0.08, "depleted value \(depleted)")
    }

    /// The value just before a reward due on every trial, in the trials of `window` of a
    /// schedule of `trials`.
    static func valueBeforeReward(_ c: Circuit, trials: Int, window: Range<Int>) throws -> [Float] {
        var values: [Float] = []
        for k in 0..<trials {
            let t = try trial(c)
            if window.contains(k) { values.append(t.valueBeforeReward) }
        }
        return values
    }

    /// With dips at half their healthy gain and bursts at full gain (levodopa after an SNc
    /// loss of 0.5: `Condition`), the critic learns from negative errors at half the rate of
    /// positive ones. The small errors a trained critic still makes both ways within a trial
    /// then drift its values upward, trial after trial; without a ceiling they never settle
    /// (cue burst 1.5, 2.3, 3.2, 5.0 at trials 100, 180, 300, 580). The value synapses
    /// saturate (`maxWeight`), so the values settle, above the healthy ones: the lopsided
    /// critic overvalues the cue.
    @Test func lopsidedErrorsLeaveValuesBounded() throws {
        let healthy = try Self.valueBeforeReward(try Circuit(seed: 3), trials: 200, window: 180..<200)
        let c = try Circuit(seed: 3)
        let da = c.network.modulator("dopamine")!
        da.dipGain = da.referenceDipGain / 2
        let values = try Self.valueBeforeReward(c, trials: 400, window: 150..<400)
        let mid = values[..<50].reduce(0, +) / 50, late = values[200...].reduce(0, +) / 50
        let ceiling = Float(c.critic.parameters.maxWeight)
        #expect(c.critic.weights.allSatisfy { abs($0) <= ceiling })
        #expect(abs(late - mid) < 0.05 * mid, "value at trials 150–200 \(mid), 350–400 \(late)")
        #expect(mid > healthy.reduce(0, +) / 20 + 0.2, "lopsided \(mid) vs healthy \(healthy.reduce(0, +) / 20)")
    }

    /// Lowering the burst gain (as SNc loss does) shrinks bursts but keeps the sign structure.
    @Test func lowerBurstGainKeepsSignStructure() throws {
        let c = try Circuit(seed: 3)
        c.network.modulator("dopamine")!.burstGain = 0.4
        let (naive, trained) = try Self.train(c, trials: 200)
        #expect(naive.rewardPeak > 0 && naive.rewardPeak < 0.5)
        #expect(trained.cuePeak > 0.5 * naive.rewardPeak)
        #expect(trained.rewardPeak <= 0.2 * naive.rewardPeak)
        let omitted = try Self.trial(c, reward: 0)
        #expect(omitted.rewardTrough < 0)
    }
}
