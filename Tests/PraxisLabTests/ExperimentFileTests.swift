import Foundation
import PraxisCircuit
import PraxisTasks
import Testing
@testable import PraxisLab

/// Experiment files: what they say, and every mistake refused with file, line and field.
@Suite struct ExperimentFileTests {
    @Test func fixtureParses() throws {
        let e = try LabFixtures.experiment(subjects: 4)
        #expect(e.name == "lab fixture" && e.seed == 7 && e.cohort.size == 4)
        #expect(e.arms.map(\.name) == ["healthy", "PD"] && e.arms[1].condition.sncLoss == 0.6)
        #expect(e.cohort.variability == [Variation(knob: .modulator(name: "dopamine", field: .tonic), distribution: .normal(mean: 1, sd: 0.1))])
        #expect(e.measures.map(\.name) == ["cue_dopamine", "pressed"] && e.measures[1].block == 1)
        #expect(e.trainingProtocol.sessions.first?.blocks.count == 2)
        #expect(e.trajectories == TrajectorySampling(subjects: 1, every: 2))
        // Subjects get distinct seeds, the same in every arm.
        #expect(Set((0..<100).map(e.subjectSeed)).count == 100)
    }

    /// Parkinson's severity can vary across an arm: each subject's SNc loss is drawn from the
    /// arm's spread (within it, different between subjects), the same for the same subject
    /// in arms that spread it alike (off and on medication), and fixed without a spread.
    @Test func sncLossSpreadDrawsEachSubjectsSeverity() throws {
        let text = LabFixtures.text().replacingOccurrences(of: "  - {name: PD, parkinsons: {snc_loss: 0.6}}",
            with: "  - {name: PD, parkinsons: {snc_loss: {uniform: [0.3, 0.7]}}}\n  - {name: PD on, parkinsons: {snc_loss: {uniform: [0.3, 0.7]}}, levodopa: {tonic: 1}}")
        let e = try ExperimentFile.parse(text, file: "spread.yaml")
        #expect(e.arms[1].sncLossSpread == .uniform(low: 0.3, high: 0.7) && abs(e.arms[1].condition.sncLoss - 0.5) < 1e-12)
        let seeds = (0..<40).map(e.subjectSeed)
        let off = seeds.map { e.arms[1].subjectCondition(seed: $0) }, on = seeds.map { e.arms[2].subjectCondition(seed: $0) }
        let loss = off.compactMap(\.drawnSncLoss)
        #expect(loss.count == 40 && loss.allSatisfy { $0 >= 0.3 && $0 <= 0.7 } && Set(loss).count == 40)
        #expect(loss.min()! < 0.35 && loss.max()! > 0.65, "\(loss)")
        #expect(zip(off, on).allSatisfy { $0.condition.sncLoss == $1.condition.sncLoss && $1.condition.levodopaTonic == 1 })
        #expect(off.map(\.condition.sncLoss) == loss)
        let healthy = e.arms[0].subjectCondition(seed: seeds[0])
        #expect(healthy.drawnSncLoss == nil && healthy.condition == .healthy)
    }

    /// The shipped experiment files parse, with their cohort sizes and arms.
    @Test(arguments: [("selection.yaml", 50, 3), ("force-field.yaml", 12, 1), ("srtt.yaml", 24, 2)])
    func shippedExperimentsParse(_ c: (name: String, subjects: Int, arms: Int)) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let e = try ExperimentFile.load(root.appendingPathComponent("experiments/\(c.name)").path)
        #expect(e.cohort.size == c.subjects && e.arms.count == c.arms)
        #expect(try DemoExperiments.all().count == 2)
    }

    /// The P2 cohort's measures split the targets by the side the field pushes them to, so
    /// each must name exactly the targets that side holds for the shipped field.
    @Test func forceFieldMeasuresSplitTargetsByTheFieldsPush() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let e = try ExperimentFile.load(root.appendingPathComponent("experiments/force-field.yaml").path)
        let field = try #require(e.trainingProtocol.sessions.first?.blocks.dropFirst().first?.perturbation)
        #expect(field == .forceField(Perturbation.shadmehrField))
        // Target t at t·45°: the field's force at unit velocity toward it, against the path's left normal.
        let left = (0..<8).filter { t in
            let u = ChannelLayout.direction(t, of: 8)
            let f = field.force(hand: .zero, velocity: u, start: .zero, target: 0.1 * u)
            return (SIMD2(-u.y, u.x) * f).sum() > 0
        }
        let right = (0..<8).filter { !left.contains($0) }
        for m in e.measures where m.name.hasSuffix("_left") { #expect(m.targets == left, "\(m.name)") }
        for m in e.measures where m.name.hasSuffix("_right") { #expect(m.targets == right, "\(m.name)") }
        #expect(e.measures.filter { $0.name.hasSuffix("_left") }.count == 5)
    }

    /// Each broken line of the fixture is reported at its line with its field.
    @Test(arguments: [
        ("seed: 7", "seed: -1", "seed", 2),
        ("  size: 3", "  size: 0", "cohort.size", 4),
        ("    dopamine.tonic: {normal: [1.0, 0.1]}", "    dopamine.tonik: {normal: [1.0, 0.1]}", "cohort.variability.dopamine.tonik", 6),
        ("    dopamine.tonic: {normal: [1.0, 0.1]}", "    dopamine.tonic: {normal: [1.0]}", "cohort.variability.dopamine.tonic.normal", 6),
        ("  - {name: PD, parkinsons: {snc_loss: 0.6}}", "  - {name: PD, parkinsons: {snc_loss: 1.2}}", "arms[1].parkinsons.snc_loss", 9),
        ("  - {name: PD, parkinsons: {snc_loss: 0.6}}", "  - {name: PD, parkinsons: {snc_loss: {uniform: [0.5, 1.0]}}}", "arms[1].parkinsons.snc_loss", 9),
        ("  - {name: PD, parkinsons: {snc_loss: 0.6}}", "  - {name: PD, parkinsons: {snc_loss: {normal: [0.5]}}}", "arms[1].parkinsons.snc_loss.normal", 9),
        ("  - {name: PD, parkinsons: {snc_loss: 0.6}}", "  - {name: healthy}", "arms[1].name", 9),
        ("  - {name: PD, parkinsons: {snc_loss: 0.6}}", "  - {name: PD, levodopa: {tonic: 0}}", "arms[1].levodopa.tonic", 9),
        ("      - {task: lever, trials: 2, targets: [0]}", "      - {task: lever, trials: 2, targets: [0], colour: red}", "protocol[0].blocks[1].colour", 14),
        ("  - {name: cue_dopamine, metric: dopamine_cue}", "  - {name: cue_dopamine, metric: dopamine_cues}", "measures[0].metric", 16),
        ("  - {name: pressed, metric: pressed, session: s, block: 1}", "  - {name: pressed, metric: pressed, session: t, block: 1}", "measures[1].session", 17),
        ("  - {metric: dopamine_reward, bin: 2}", "  - {metric: dopamine_reward, bin: 0}", "curves[0].bin", 19),
        ("trajectories: {subjects: 1, every: 2}", "trajectory: {subjects: 1, every: 2}", "(file).trajectory", 20),
    ])
    func errorsNameLineAndField(_ c: (String, String, String, Int)) throws {
        let text = LabFixtures.text().replacingOccurrences(of: c.0, with: c.1)
        #expect(text != LabFixtures.text(), "fixture line not found: \(c.0)")
        do {
            _ = try ExperimentFile.parse(text, file: "bad.yaml")
            Issue.record("accepted: \(c.1)")
        } catch {
            #expect(error.errors.contains { $0.field == c.2 && $0.line == c.3 && $0.file == "bad.yaml" }, "\(error.description)")
        }
    }

    /// A protocol named by file is read relative to the experiment; a missing one is an error
    /// at the `protocol` line.
    @Test func protocolFileIsResolvedRelativeToTheExperiment() throws {
        let folder = try LabFixtures.folder("relative")
        try "name: p\nprotocol:\n  - session: s\n    blocks:\n      - {task: pavlovian, trials: 2, targets: [0]}\n"
            .write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let body = "name: x\nseed: 1\ncohort: {size: 1}\narms: [{name: a}]\nprotocol: p.yaml\nmeasures: [{metric: dopamine_cue}]\n"
        let e = try ExperimentFile.parse(body, file: folder.appendingPathComponent("e.yaml").path)
        #expect(e.trainingProtocol.name == "p")
        do {
            _ = try ExperimentFile.parse(body.replacingOccurrences(of: "p.yaml", with: "q.yaml"), file: folder.appendingPathComponent("e.yaml").path)
            Issue.record("a missing protocol file was accepted")
        } catch {
            #expect(error.errors.contains { $0.field == "protocol" && $0.line == 5 }, "\(error.description)")
        }
    }
}
