import PraxisCircuit
import Testing
@testable import PraxisTasks

@Suite struct ProtocolFileTests {
    /// A protocol that uses every block setting, every perturbation form and a rest.
    static let full = """
    name: every setting
    protocol:
      - session: day1
        day: 1
        blocks:
          - {task: center-out, trials: 96, perturbation: none, feedback: vector, targets: [0, 2, 4, 6]}
          - task: center-out
            trials: 600
            perturbation: {field: [[-10.1, -11.2], [-11.2, 11.1]]}
            catch: 0.167
            feedback: binary
            reward_probability: [0.8, 0.2, 0.7, 0.3, 0.6, 0.4, 1, 1]
            secondary: {task: counting, load: 0.5}
          - {task: center-out, trials: 10, perturbation: {curl: 15}}
          - {task: center-out, trials: 10, perturbation: {rotation: 30}, feedback: none}
          - {task: center-out, trials: 10, perturbation: {clamp: {stiffness: 1500, damping: 40}}}
          - {task: lever, until: {metric: rewarded, at_least: 0.8, window: 20, max: 300}, targets: [2]}
      - rest: {hours: 8, sleep: true}
      - session: day2
        blocks:
          - {task: pavlovian, trials: 200, reward_probability: 0.5}
          - {task: srtt, trials: 100, targets: [3, 1, 2, 0], order: sequence}
          - {task: selection, trials: 60, feedback: none}
          - {task: selection, until: {metric: chose_better, per_target: [0.5, 0.65], window: 60, max: 360, every: 60}, targets: [2, 0]}
      - rest: {minutes: 10}
    """

    @Test func everySettingIsReadAndRoundTrips() throws {
        let p = try ProtocolFile.parse(Self.full, file: "full.yaml")
        #expect(p.sessions.count == 2)
        let b = p.sessions[0].blocks
        #expect(b[0].targets == [0, 2, 4, 6])
        #expect(b[1].perturbation == .forceField(Perturbation.shadmehrField))
        #expect(b[1].catchFraction == 0.167 && b[1].feedback == .binary)
        #expect(b[1].rewardProbability(1) == 0.2)
        #expect(b[1].secondary == SecondaryTask(task: "counting", load: 0.5))
        #expect(b[2].perturbation == .forceField(Perturbation.curl(15)))
        #expect(b[3].perturbation == .rotation(degrees: 30) && b[3].feedback == Feedback.none)
        #expect(b[4].perturbation == .errorClamp(stiffness: 1500, damping: 40))
        #expect(b[5].length == .untilCriterion(Criterion(metric: "rewarded", atLeast: 0.8, window: 20, maxTrials: 300)))
        #expect(p.steps[1] == .rest(Rest(seconds: 8 * 3600, asleep: true)))
        #expect(p.steps[3] == .rest(Rest(seconds: 600, asleep: false)))
        #expect(p.sessions[1].blocks[0].rewardProbability(3) == 0.5)
        #expect(p.sessions[1].blocks[1].order == .sequence && p.sessions[1].blocks[0].order == .shuffled)
        // Per-target bounds follow the block's targets in order.
        #expect(p.sessions[1].blocks[3].length == .untilCriterion(Criterion(
            metric: "chose_better", perTarget: [.init(target: 2, atLeast: 0.5), .init(target: 0, atLeast: 0.65)],
            window: 60, maxTrials: 360, every: 60)))
        let again = try ProtocolFile.parse(ProtocolFile.text(p), file: "again.yaml")
        #expect(again == p)
    }

    /// Each broken protocol is refused with the line and field of its problem.
    @Test(arguments: [
        ("protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 10, speed: 3}\n", 4, "protocol[0].blocks[0].speed"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: juggling, trials: 10}\n", 4, "protocol[0].blocks[0].task"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 0}\n", 4, "protocol[0].blocks[0].trials"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 5, targets: [9]}\n", 4, "protocol[0].blocks[0].targets[0]"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: center-out, trials: 5, perturbation: {curl: 10}, catch: 1.5}\n", 4, "protocol[0].blocks[0].catch"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 5, perturbation: {curl: 10}}\n", 4, "protocol[0].blocks[0].perturbation"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 5, reward_probability: 1.2}\n", 4, "protocol[0].blocks[0].reward_probability"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, until: {metric: speed, at_least: 1, window: 5, max: 50}}\n", 4, "protocol[0].blocks[0].until.metric"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 5, feedback: loud}\n", 4, "protocol[0].blocks[0].feedback"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 5}\n  - rest: {sleep: true}\n", 5, "protocol[1].rest"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, trials: 5}\n  - rest: {hours: -2}\n", 5, "protocol[1].rest.hours"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: srtt, trials: 5, order: sequence}\n", 4, "protocol[0].blocks[0].order"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: srtt, trials: 5, targets: [0, 1], order: backwards}\n", 4, "protocol[0].blocks[0].order"),
        ("protocol:\n  - session: a\n    day: 0\n    blocks:\n      - {task: lever, trials: 5}\n", 3, "protocol[0].day"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: selection, until: {metric: chose_better, per_target: [0.6], window: 6, max: 60}, targets: [0, 1]}\n",
         4, "protocol[0].blocks[0].until.per_target"),
        ("protocol:\n  - session: a\n    blocks:\n      - {task: lever, until: {metric: rewarded, at_least: 0.5, window: 5, max: 50, every: 0}}\n", 4, "protocol[0].blocks[0].until.every"),
    ])
    func errorsAreLocated(text: String, line: Int, field: String) {
        do {
            _ = try ProtocolFile.parse(text, file: "bad.yaml")
            Issue.record("accepted a broken protocol: \(field)")
        } catch {
            let hit = error.errors.first { $0.field == field }
            #expect(hit != nil, "errors: \(error.description)")
            #expect(hit?.line == line, "\(error.description)")
            #expect(hit?.file == "bad.yaml")
        }
    }

    /// A criterion averages only the trials where its metric applies; a window where it
    /// never applies (all NaN) is not met.
    @Test func criterionSkipsTrialsWhereTheMetricDoesNotApply() {
        let c = Criterion(metric: "choose_a", atLeast: 0.7, window: 4, maxTrials: 100)
        #expect(c.isMet(by: [1, .nan, 1, 0.5]))
        #expect(!c.isMet(by: [.nan, .nan, .nan, .nan]))
        #expect(!c.isMet(by: [1, 0, .nan, 0.5]))
    }

    /// Per-target bounds: every listed target's own trials in the window must reach its
    /// bound, and a target with no trial in the window does not.
    /// With `every`, the criterion is checked only when the block's trial count is a multiple
    /// of it, however well the window did in between.
    @Test func criterionCheckedEveryNTrials() {
        let c = Criterion(metric: "rewarded", atLeast: 0.5, window: 2, maxTrials: 100, every: 3)
        #expect(!c.isMet(by: [1, 1]))
        #expect(c.isMet(by: [1, 1, 1]))
        #expect(!c.isMet(by: [1, 1, 1, 1]) && !c.isMet(by: [1, 1, 1, 1, 1]))
        #expect(!c.isMet(by: [1, 1, 1, 1, 0, 0]) && c.isMet(by: [1, 0, 0, 1, 1, 1]))
    }

    @Test func criterionPerTarget() {
        let c = Criterion(metric: "chose_better", perTarget: [.init(target: 0, atLeast: 0.65), .init(target: 1, atLeast: 0.6)],
                          window: 4, maxTrials: 100)
        #expect(!c.isMet(by: [1, 1, 1, 0], targets: [0, 1, 0, 1]))  // target 1 at 0.5
        #expect(c.isMet(by: [0, 1, 1, 1, 1], targets: [1, 0, 1, 0, 1]))  // the first trial is outside the window
        #expect(!c.isMet(by: [1, 1, 1, 1], targets: [0, 0, 0, 0]))  // no trial of target 1
        #expect(!c.isMet(by: [1, .nan, 1, .nan], targets: [0, 1, 0, 1]))  // target 1 never applies
    }

    @Test func syntaxErrorsAreLocated() {
        do {
            _ = try ProtocolFile.parse("protocol:\n  - session: [a\n", file: "s.yaml")
            Issue.record("accepted broken YAML")
        } catch {
            #expect(error.errors.first?.field == "(syntax)")
            #expect((error.errors.first?.line ?? 0) >= 2)
        }
    }
}
