import Foundation
import Testing
@testable import PraxisLab

/// Summary statistics against values computed by hand.
@Suite struct StatisticsTests {
    let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

    @Test func meanAndSampleSD() {
        #expect(Statistics.mean(x) == 5)
        // Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; 32 / 7 = 4.571…
        #expect(abs(Statistics.sd(x) - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(Statistics.sd([3]).isNaN && Statistics.mean([]).isNaN)
    }

    /// Type-7 quantiles: h = (n − 1)·q.
    @Test func quantiles() {
        let s = x.sorted()
        #expect(Statistics.quantile(sorted: s, 0.5) == 4.5)
        // h = 7·0.25 = 1.75 → 4 + 0.75·(4 − 4) = 4
        #expect(Statistics.quantile(sorted: s, 0.25) == 4)
        // h = 7·0.9 = 6.3 → 7 + 0.3·(9 − 7) = 7.6
        #expect(abs(Statistics.quantile(sorted: s, 0.9) - 7.6) < 1e-12)
    }

    /// Cohen's d with the pooled SD: a = [1, 2, 3] (SD 1), b = [3, 4, 5] (SD 1) → d = 2.
    @Test func cohensD() {
        #expect(Statistics.cohensD([1, 2, 3], [3, 4, 5]) == 2)
        #expect(Statistics.cohensD([1, 2, 3], [1, 2, 3]) == 0)
    }

    /// A constant sample has a degenerate interval; a large sample's interval is close to
    /// mean ± 1.96·SD/√n, and the same seed gives the same interval.
    @Test func bootstrapIntervals() {
        #expect(Statistics.bootstrap([0.5, 0.5, 0.5], seed: 1) == (0.5, 0.5))
        let big = (0..<400).map { Double($0 % 20) }
        let (lo, hi) = Statistics.bootstrap(big, seed: 3)
        let se = Statistics.sd(big) / 20
        #expect(abs(lo - (Statistics.mean(big) - 1.96 * se)) < 0.3 * se, "\(lo)")
        #expect(abs(hi - (Statistics.mean(big) + 1.96 * se)) < 0.3 * se, "\(hi)")
        #expect(Statistics.bootstrap(big, seed: 3) == (lo, hi))
        let (dlo, dhi) = Statistics.bootstrapDifference(big, big.map { $0 + 1 }, seed: 4)
        #expect(dlo < 1 && dhi > 1 && dhi - dlo < 4 * 1.96 * se)
    }

    /// summary.json holds exactly the stored measures' hand-computed mean and SD per arm.
    @Test func summaryMatchesStoredValues() throws {
        let folder = try LabFixtures.folder("summary")
        let store = try Store(path: Lab.storePath(folder))
        let e = try LabFixtures.experiment(subjects: 3)
        try store.begin(e)
        let values: [[Double]] = [[0.2, 0.4, 0.9], [1, 1, 0.1]]
        for (arm, v) in values.enumerated() {
            for (i, value) in v.enumerated() {
                try store.commit(SubjectResult(key: SubjectKey(arm: arm, index: i), seed: 1, factors: [1], records: [],
                                               measures: ["cue_dopamine": value, "pressed": .nan]))
            }
        }
        let s = try Summary(store: store)
        #expect(s.arms.map(\.name) == ["healthy", "PD"] && s.arms.map(\.subjects) == [3, 3])
        let healthy = s.arms[0].measures["cue_dopamine"]!
        #expect(healthy.n == 3 && abs(healthy.mean! - 0.5) < 1e-12)
        // deviations −0.3, −0.1, 0.4 → Σ² = 0.26 → SD = √0.13
        #expect(abs(healthy.sd! - 0.13.squareRoot()) < 1e-12)
        #expect(s.arms[0].measures["pressed"]!.n == 0 && s.arms[0].measures["pressed"]!.mean == nil)
        let effect = s.effects.first { $0.measure == "cue_dopamine" }!
        #expect(effect.a == "healthy" && effect.b == "PD" && abs(effect.difference! - 0.2) < 1e-12)
        // Within subjects: PD − healthy = 0.8, 0.6, −0.8 → mean 0.2; deviations 0.6, 0.4, −1.0
        // → Σ² = 1.52 → SD = √0.76, d_z = 0.2 / √0.76.
        let paired = try #require(effect.paired)
        #expect(paired.n == 3 && abs(paired.difference! - 0.2) < 1e-12)
        #expect(abs(paired.dz! - 0.2 / 0.76.squareRoot()) < 1e-12)
        #expect(paired.ci95[0]! >= -0.8 - 1e-12 && paired.ci95[1]! <= 0.8 + 1e-12 && paired.ci95[0]! < paired.ci95[1]!)
        #expect(s.effects.first { $0.measure == "pressed" }?.paired?.n == 0)
        let json = try JSONSerialization.jsonObject(with: try s.json()) as! [String: Any]
        #expect(json["experiment"] as? String == "lab fixture" && json["version"] as? String == PraxisVersion.string)
    }
}
