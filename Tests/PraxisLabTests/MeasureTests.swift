import Foundation
import PraxisTasks
import Testing
@testable import PraxisLab

/// Per-subject measures: trial filters by another metric's value, and contrasts of measures.
@Suite struct MeasureTests {
    /// Six trials of one block: reaction times 0.30 … 0.55 s, the 2nd and 5th with an error.
    static let records: [TrialRecord] = (0..<6).map { i in
        var r = TrialRecord(index: i, trial: Trial(target: i % 4),
                            metrics: ["rt_s": 0.30 + 0.05 * Double(i), "error": i == 1 || i == 4 ? 1 : 0], reward: 0)
        r.session = "srtt"
        return r
    }

    @Test func onlyKeepsTrialsWhoseMetricHasTheValue() {
        let correct = Measure(name: "rt", metric: "rt_s", only: ["error": 0])
        // Trials 0, 2, 3, 5: (0.30 + 0.40 + 0.45 + 0.55) / 4.
        #expect(abs(correct.value(Self.records) - 0.425) < 1e-12)
        // `last` counts after the filter: trials 3 and 5.
        var lastTwo = correct; lastTwo.last = 2
        #expect(abs(lastTwo.value(Self.records) - 0.50) < 1e-12)
        // Every pair must hold; a metric the trials do not report excludes them all.
        #expect(Measure(name: "x", metric: "rt_s", only: ["error": 0, "missing": 1]).value(Self.records).isNaN)
    }

    @Test func contrastWeighsEarlierMeasures() {
        let c = Measure(name: "rebound", contrast: ["b5": 1, "b4": -0.5, "b6": -0.5])
        #expect(abs(c.value(of: ["b4": 0.240, "b5": 0.255, "b6": 0.250]) - 0.010) < 1e-12)
        #expect(c.value(of: ["b4": 0.240, "b5": 0.255]).isNaN)
        // A contrast is not a trial measure, and a trial measure is not a contrast.
        #expect(c.value(Self.records).isNaN)
        #expect(Measure(name: "rt", metric: "rt_s").value(of: ["rt": 1]).isNaN)
    }

    @Test func contrastsAndFiltersRoundTripThroughTheStoredDesign() throws {
        let design = Design(measures: [Measure(name: "rt", metric: "rt_s", only: ["error": 0]),
                                       Measure(name: "d", contrast: ["rt": 2])], curves: [])
        let back = try JSONDecoder().decode(Design.self, from: JSONEncoder().encode(design))
        #expect(back == design)
    }

    /// Each misuse is refused at its line and field.
    @Test(arguments: [
        ("  - {name: d, contrast: {cue_dopamine: 1}, block: 1}", "measures[2].block"),
        ("  - {name: d, contrast: {later: 1}}", "measures[2].contrast.later"),
        ("  - {contrast: {cue_dopamine: 1}}", "measures[2].name"),
        ("  - {name: d, contrast: {}}", "measures[2].contrast"),
        ("  - {name: d, metric: dopamine_cue, only: {rewardd: 1}}", "measures[2].only.rewardd"),
        ("  - {name: d}", "measures[2].metric"),
    ])
    func misuseIsLocated(_ c: (String, String)) throws {
        let anchor = "  - {name: pressed, metric: pressed, session: s, block: 1}"
        let text = LabFixtures.text().replacingOccurrences(of: anchor, with: anchor + "\n" + c.0)
        #expect(text != LabFixtures.text())
        do {
            _ = try ExperimentFile.parse(text, file: "bad.yaml")
            Issue.record("accepted: \(c.0)")
        } catch {
            #expect(error.errors.contains { $0.field == c.1 && $0.line == 18 && $0.file == "bad.yaml" }, "\(error.description)")
        }
    }

    /// A valid contrast and filter parse into the measures, in file order.
    @Test func parsesContrastAndOnly() throws {
        let anchor = "  - {name: pressed, metric: pressed, session: s, block: 1}"
        let text = LabFixtures.text().replacingOccurrences(
            of: anchor, with: anchor + "\n  - {name: cue_rewarded, metric: dopamine_cue, only: {rewarded: 1}}\n  - {name: d, contrast: {cue_dopamine: 1, cue_rewarded: -1}}")
        let e = try ExperimentFile.parse(text, file: "ok.yaml")
        #expect(e.measures.map(\.name) == ["cue_dopamine", "pressed", "cue_rewarded", "d"])
        #expect(e.measures[2].only == ["rewarded": 1])
        #expect(e.measures[3].contrast == ["cue_dopamine": 1, "cue_rewarded": -1] && e.measures[3].metric.isEmpty)
    }
}
