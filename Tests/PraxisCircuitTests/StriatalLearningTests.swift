import PraxisEngine
import Testing
@testable import PraxisCircuit

/// Frank (2005): with dopamine bursts after rewarded actions and dips after punished ones,
/// D1 (Go) weights of the rewarded action grow and D2 (NoGo) weights shrink, and the reverse
/// for the punished action — through the built default circuit's three-factor rules.
@Suite struct StriatalLearningTests {
    @Test func rewardedAndPunishedActionsMoveD1AndD2Oppositely() throws {
        let c = try Circuit(seed: 5)
        let d1 = c.network.projection("PMd→D1_DLS")!, d2 = c.network.projection("PMd→D2_DLS")!
        let d1Before = d1.weightValues, d2Before = d2.weightValues
        for trial in 0..<6 {
            let rewarded = trial % 2 == 0
            var salience = [Float](repeating: 0, count: c.spec.channels)
            salience[rewarded ? 0 : 1] = 0.6
            c.drive("PMd", salience)
            try c.run(ms: 500)
            c.critic.reward(rewarded ? 1 : -1)
            try c.run(ms: 300)
            c.drive("PMd", [Float](repeating: 0, count: c.spec.channels))
            try c.run(ms: 2000)
        }
        let dD1 = zip(d1.weightValues, d1Before).map { $0 - $1 }, dD2 = zip(d2.weightValues, d2Before).map { $0 - $1 }
        // Channel 0 was rewarded, channel 1 punished; channelwise with one unit per channel.
        #expect(dD1[0] > 0 && dD2[0] < 0, "rewarded: ΔD1 \(dD1[0]), ΔD2 \(dD2[0])")
        #expect(dD1[1] < 0 && dD2[1] > 0, "punished: ΔD1 \(dD1[1]), ΔD2 \(dD2[1])")
        // Channels never chosen do not change.
        #expect(dD1[2...].allSatisfy { abs($0) < 1e-6 } && dD2[2...].allSatisfy { abs($0) < 1e-6 })
    }
}
