import Foundation
import PraxisTasks
import Testing
@testable import PraxisLab

/// An experiment's `body` section and body knobs in `cohort.variability`: what they set,
/// what they refuse, and that the subject's body is the one simulated.
@Suite struct ExperimentBodyTests {
    /// A short random-order SRTT experiment on one subject, with `body` and `variability`
    /// lines (YAML, indented as in the file) added.
    static func text(body: String = "", variability: String = "") -> String {
        """
        name: body
        seed: 3
        \(body)
        cohort:
          size: 4
        \(variability.isEmpty ? "" : "  variability:\n" + variability)
        arms:
          - {name: healthy}
        protocol:
          - session: s
            blocks:
              - {task: srtt, trials: 12}
        measures:
          - {name: rt, metric: rt_s}
        """
    }

    @Test func bodySectionSetsTheFieldsGivenAndKeepsTheRest() throws {
        let e = try ExperimentFile.parse(Self.text(body: "body: {visual_delay_ms: 150, force_gain: 3}"), file: "b.yaml")
        var expected = BodyParameters()
        expected.visualDelayMs = 150; expected.forceGain = 3
        #expect(e.body == expected)
        #expect(try ExperimentFile.parse(Self.text(), file: "b.yaml").body == BodyParameters())
    }

    /// Unknown names, wrong types and impossible values are refused at their line and field.
    @Test(arguments: [
        ("body: {visual_delay: 150}", "body.visual_delay"),
        ("body: {force_gain: -1}", "body.force_gain"),
        ("body: {shortening_velocity: 0}", "body.shortening_velocity"),
        ("body: {visual_delay_ms: 20000}", "body.visual_delay_ms"),
        ("body: {muscle_range: fast}", "body.muscle_range"),
        ("body: 3", "body"),
    ])
    func bodyErrorsNameLineAndField(_ c: (line: String, field: String)) {
        do {
            _ = try ExperimentFile.parse(Self.text(body: c.line), file: "bad.yaml")
            Issue.record("accepted: \(c.line)")
        } catch {
            #expect(error.errors.contains { $0.field.hasSuffix(c.field) && $0.line == 3 && $0.file == "bad.yaml" }, "\(error.description)")
        }
    }

    /// A body knob scales the experiment's body per subject, from the subject's own factors;
    /// circuit knobs leave the body alone, and a factor that takes a parameter out of its
    /// range stops the subject with the field named.
    @Test func bodyKnobsVaryEachSubjectsBody() throws {
        let e = try ExperimentFile.parse(Self.text(body: "body: {visual_delay_ms: 120}", variability: """
                  body.visual_delay_ms: {uniform: [0.8, 1.2]}
                  dopamine.tonic: {normal: [1.0, 0.1]}
            """), file: "v.yaml")
        #expect(e.cohort.variability.map(\.knob) == [.body("visual_delay_ms"), .modulator(name: "dopamine", field: .tonic)])
        #expect(e.cohort.variability[0].knob.description == "body.visual_delay_ms")
        let delays = try (0..<4).map { try e.subjectBody(factors: e.cohort.factors(seed: e.subjectSeed($0))).visualDelayMs }
        #expect(Set(delays).count == 4 && delays.allSatisfy { $0 >= 96 && $0 <= 144 }, "\(delays)")
        let factors = e.cohort.factors(seed: e.subjectSeed(0))
        #expect(try e.subjectBody(factors: factors).visualDelayMs == 120 * factors[0])
        #expect(try e.subjectBody(factors: factors).forceGain == BodyParameters().forceGain)

        let speed = try ExperimentFile.parse(Self.text(variability: "    body.shortening_velocity: {uniform: [0, 0]}\n"), file: "z.yaml")
        do {
            _ = try speed.subjectBody(factors: [0])
            Issue.record("a shortening velocity scaled to 0 was accepted")
        } catch {
            #expect(error.description.contains("body.shortening_velocity must be > 0"), "\(error)")
        }

        do {
            _ = try ExperimentFile.parse(Self.text(variability: "    body.delay_ms: {uniform: [1, 1]}\n"), file: "u.yaml")
            Issue.record("an unknown body knob was accepted")
        } catch {
            #expect(error.errors.contains { $0.field == "cohort.variability.body.delay_ms" && $0.line == 7 }, "\(error.description)")
        }
    }

    /// `docs/experiment-file.md` lists every body parameter with its default.
    @Test func documentedParametersMatchTheBody() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/experiment-file.md"), encoding: .utf8)
        var documented: [String: Double] = [:]
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 2, let value = Double(cells[1]) { documented[cells[0].trimmingCharacters(in: ["`"])] = value }
        }
        let body = BodyParameters()
        for f in BodyParameters.fields { #expect(documented[f.name] == body[keyPath: f.keyPath], "\(f.name)") }
    }

    /// The body is the one simulated: a visual delay 150 ms longer delays every choice by
    /// about as much (jitter and drift off, so the delay is the same on every trial).
    @Test func subjectsReactAfterTheirOwnVisualDelay() throws {
        func meanRT(_ delay: Int) throws -> Double {
            let body = "body: {visual_delay_ms: \(delay), visual_delay_jitter_ms: 0, visual_delay_drift_ms: 0}"
            let e = try ExperimentFile.parse(Self.text(body: body), file: "rt.yaml")
            let result = try ExperimentRunner(e).simulate(SubjectKey(arm: 0, index: 0))
            return try #require(result.measures["rt"])
        }
        let fast = try meanRT(100), slow = try meanRT(250)
        #expect(slow - fast > 0.12 && slow - fast < 0.18, "RT \(fast) s at 100 ms, \(slow) s at 250 ms")
    }
}
