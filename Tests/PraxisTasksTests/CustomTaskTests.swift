import PraxisCircuit
import PraxisTasks
import Testing

/// A task written outside PraxisTasks, through its public API only (this file does not use
/// `@testable`): a cue, a reward half a second later when the trial's reward is due, and
/// nothing to do. It is named in a protocol through an extended catalog, run by the protocol
/// runner and written by the CSV table like a shipped paradigm (`docs/custom-task.md`).
struct DelayedRewardTask: Task {
    let name = "delayed-reward"
    var metricNames: [String] { ["cue_s"] }
    private var trial = Trial(target: 0)
    private var elapsed = 0.0, paid = false

    mutating func reset(_ trial: Trial) -> Observation {
        self.trial = trial; elapsed = 0; paid = false
        return observation()
    }

    mutating func step(_ command: MotorCommand, dt: Double) -> Transition {
        elapsed += dt
        var reward = 0.0, outcome = false
        if !paid && elapsed >= 0.5 { paid = true; outcome = true; reward = trial.rewardDue ? 1 : 0 }
        let done = elapsed >= 0.8 - 1e-9
        return Transition(observation: observation(), reward: reward, done: done, info: done ? ["cue_s": 0.5] : [:], outcome: outcome)
    }

    private func observation() -> Observation {
        var cues = [Float](repeating: 0, count: 8)
        if elapsed < 0.5 { cues[trial.target] = 1 }
        return Observation(cues: cues)
    }
}

@Suite struct CustomTaskTests {
    static let catalog = TaskCatalog.standard.adding(.init(targets: 8) { DelayedRewardTask() })
    static let text = """
    protocol:
      - session: s
        blocks:
          - {task: delayed-reward, trials: 60, targets: [2], reward_probability: 1}
          - {task: delayed-reward, trials: 20, targets: [2], reward_probability: 0}
    """

    @Test func aTaskOfOneOwnRunsThroughTheProtocolLanguage() throws {
        let p = try ProtocolFile.parse(Self.text, file: "custom.yaml", catalog: Self.catalog)
        let subject = Subject(circuit: try Circuit(seed: 2))
        var records: [TrialRecord] = []
        try ProtocolRunner(p, catalog: Self.catalog).run(subject, seed: 2) { records.append($0) }
        #expect(records.count == 80)
        #expect(records.allSatisfy { $0.metrics["cue_s"] == 0.5 && $0.metrics["dopamine_dip"] != nil })
        // The circuit learns the cue's value; omitting the reward then brings a pause.
        #expect(records[59].metrics["dopamine_cue"]! > 0.5, "cue burst \(records[59].metrics["dopamine_cue"]!)")
        #expect(records[60].metrics["dopamine_dip"]! < -0.2, "pause \(records[60].metrics["dopamine_dip"]!)")
        let table = TrialCSV(for: p, catalog: Self.catalog)
        #expect(table.metrics.contains("cue_s"))
        #expect(table.row(records[0]).split(separator: ",", omittingEmptySubsequences: false).count
                == table.header.split(separator: ",").count)
    }

    /// The shipped catalog does not know the task; the error names where it is used.
    @Test func theStandardCatalogRefusesIt() {
        #expect(TaskCatalog.standard.entry("delayed-reward") == nil)
        do {
            _ = try ProtocolFile.parse(Self.text, file: "custom.yaml")
            Issue.record("parsed")
        } catch {
            #expect("\(error)".contains("custom.yaml:4"))
            #expect("\(error)".contains("unknown task 'delayed-reward'"))
        }
    }
}
