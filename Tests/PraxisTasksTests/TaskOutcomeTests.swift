import Testing
@testable import PraxisTasks

/// Each task marks its outcome once, at the moment its feedback is due, rewarded or not
/// (`Transition.outcome`): the subject measures the dopamine pause after it.
@Suite struct TaskOutcomeTests {
    /// Steps `task` through `trial` under `command` until done; returns the times (s) of the
    /// steps marked as the outcome and whether any reward came.
    static func outcomes<T: Task>(_ task: inout T, _ trial: Trial, command: (Double) -> MotorCommand) -> (times: [Double], rewarded: Bool) {
        _ = task.reset(trial)
        var t = 0.0, times: [Double] = [], rewarded = false
        while t < 10 {
            t += 0.001
            let s = task.step(command(t), dt: 0.001)
            if s.outcome { times.append(t) }
            if s.reward != 0 { rewarded = true }
            if s.done { break }
        }
        return (times, rewarded)
    }

    @Test func pavlovianOutcomeIsDueAtTheRewardTimeEitherWay() {
        var task = PavlovianTask()
        for due in [true, false] {
            let r = Self.outcomes(&task, Trial(target: 0, rewardDraw: due ? 0 : 1)) { _ in MotorCommand() }
            #expect(r.times.count == 1 && abs(r.times[0] - 1.0) < 0.002, "\(r.times)")
            #expect(r.rewarded == due)
        }
    }

    @Test func anUnansweredTrialEndsInAnOutcome() {
        let idle = { (_: Double) in MotorCommand(channels: [Float](repeating: 0, count: 8)) }
        var lever = LeverTask()
        let l = Self.outcomes(&lever, Trial(target: 2), command: idle)
        #expect(l.times.count == 1 && !l.rewarded)
        var srtt = SerialReactionTask()
        let s = Self.outcomes(&srtt, Trial(target: 1), command: idle)
        #expect(s.times.count == 1 && abs(s.times[0] - srtt.timeout) < 0.002 && !s.rewarded)
        var selection = SelectionTask()
        let p = Self.outcomes(&selection, Trial(target: 0), command: idle)
        #expect(p.times.count == 1 && abs(p.times[0] - selection.timeout) < 0.002 && !p.rewarded)
    }

    /// A chosen stimulus's outcome is due when its feedback appears, `chosenOnView` after the
    /// press, whether or not it is rewarded.
    @Test func aChoiceIsFollowedByItsOutcome() throws {
        var selection = SelectionTask()
        for draw in [0.0, 0.99] {
            _ = selection.reset(Trial(target: 0, rewardDraw: draw))
            var pressed: Double?, outcome: Double?, rewarded = false, t = 0.0
            while t < 10 {
                t += 0.001
                // Push every finger: one of the pair's keys goes down first.
                let s = selection.step(MotorCommand(channels: [Float](repeating: 5, count: 8)), dt: 0.001)
                if pressed == nil, s.observation.cues.filter({ $0 > 0 }).count == 1 { pressed = t }
                if s.outcome { #expect(outcome == nil); outcome = t }
                if s.reward != 0 { rewarded = true }
                if s.done { break }
            }
            let p = try #require(pressed), o = try #require(outcome)
            #expect(abs(o - p - selection.chosenOnView) < 0.003, "press \(p), outcome \(o)")
            #expect(rewarded == (draw == 0))
        }
    }
}
