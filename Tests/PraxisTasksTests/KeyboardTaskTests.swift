import Testing
@testable import PraxisTasks

/// The key plant, the keyboard and the two keyboard tasks, driven by scripted forces.
@Suite struct KeyboardTaskTests {
    /// A key under a constant force settles at F/k (the damped oscillator's equilibrium), and
    /// a stopped key is not pulled above rest.
    @Test func keySettlesAtForceOverStiffness() {
        var key = Key(mass: 0.3, spring: 100, damping: 5, stopsAtRest: true)
        for _ in 0..<3000 { key.step(force: 2, dt: 0.001) }
        #expect(abs(key.position - 0.02) < 1e-6, "position \(key.position)")
        for _ in 0..<3000 { key.step(force: -2, dt: 0.001) }
        #expect(key.position == 0)
        var lever = Key(mass: 0.3, spring: 100, damping: 5, stopsAtRest: false)
        for _ in 0..<3000 { lever.step(force: -2, dt: 0.001) }
        #expect(abs(lever.position + 0.02) < 1e-6)
    }

    /// A finger on a key's channel presses that key only; a key registers once per press;
    /// fingers on opposite keys press both (they do not cancel, as an endpoint force would).
    @Test func keyboardPressesTheKeyOfEachFinger() {
        var k = Keyboard(count: 4, channels: 8)
        #expect((0..<4).map(k.channel) == [0, 2, 4, 6])
        var presses: [Int] = []
        let push = Self.finger(on: 2, force: 5), rest = [Float](repeating: 0, count: 8)
        for _ in 0..<500 { presses += k.step(fingers: push, dt: 0.001) }
        #expect(presses == [1])
        for _ in 0..<500 { presses += k.step(fingers: rest, dt: 0.001) }
        for _ in 0..<500 { presses += k.step(fingers: push, dt: 0.001) }
        #expect(presses == [1, 1])
        var both = Self.finger(on: 0, force: 5); both[4] = 5
        var k2 = Keyboard(count: 4, channels: 8), pressed: [Int] = []
        for _ in 0..<500 { pressed += k2.step(fingers: both, dt: 0.001) }
        #expect(pressed == [0, 2])
    }

    /// Finger forces (N) with `force` on channel `channel` only.
    static func finger(on channel: Int, force: Float, channels: Int = 8) -> [Float] {
        var f = [Float](repeating: 0, count: channels); f[channel] = force
        return f
    }

    /// Runs `task` on `trial` with a finger pushing key `key` from `onset` seconds.
    static func run<T: Task>(_ task: inout T, _ trial: Trial, pushing key: Int, keyboard: Keyboard, onset: Double) -> [String: Double] {
        _ = task.reset(trial)
        let push = finger(on: keyboard.channel(key), force: 5, channels: keyboard.channels)
        let rest = [Float](repeating: 0, count: keyboard.channels)
        var t = 0.0
        while true {
            let s = task.step(MotorCommand(channels: t >= onset ? push : rest), dt: 0.001)
            t += 0.001
            if s.done { return s.info }
        }
    }

    /// SRTT scoring: the correct key ends the trial with its reaction time; a wrong key first
    /// is an error; no press times out.
    @Test func serialReactionTrialsAreScored() {
        var task = SerialReactionTask()
        let right = Self.run(&task, Trial(target: 2, feedback: .binary), pushing: 2, keyboard: task.keyboard, onset: 0.2)
        #expect(right["correct"] == 1 && right["error"] == 0 && right["rewarded"] == 1)
        #expect(right["rt_s"]! > 0.2 && right["rt_s"]! < 0.4, "rt \(right["rt_s"]!)")
        let wrong = Self.run(&task, Trial(target: 1, feedback: .binary), pushing: 3, keyboard: task.keyboard, onset: 0)
        #expect(wrong["correct"] == 0 && wrong["error"] == 1 && wrong["rt_s"] == task.timeout)
    }

    /// The SRTT stimulus goes off at the correct press; the trial ends once the key is back
    /// up, and the held key is felt as touch on its channel meanwhile.
    @Test func serialReactionTrialEndsWhenTheKeyIsReleased() {
        var task = SerialReactionTask()
        _ = task.reset(Trial(target: 1))
        let channel = task.keyboard.channel(1)
        let push = Self.finger(on: channel, force: 5), rest = [Float](repeating: 0, count: 8)
        var t = 0.0, pressedAt: Double?, info: [String: Double] = [:]
        while true {
            let s = task.step(MotorCommand(channels: pressedAt == nil || t < pressedAt! + 0.05 ? push : rest), dt: 0.001)
            t += 0.001
            if pressedAt == nil && s.reward > 0 {
                pressedAt = t
                #expect(s.observation.cues[channel] == 0 && s.observation.touch[channel] == 1 && !s.done)
            }
            if s.done { info = s.info; #expect(s.observation.touch.allSatisfy { $0 == 0 }); break }
        }
        #expect(abs(info["rt_s"]! - pressedAt!) < 1e-9 && t > pressedAt! + 0.05 && t < pressedAt! + task.releaseTimeout)
    }

    /// Probabilistic selection scoring (Frank et al. 2004): pair 0 is AB; choosing A scores
    /// `chose_better`, and in a novel pair with A (AC) choosing A scores `choose_a`, with
    /// B (BD) avoiding B scores `avoid_b`; a rewarded draw pays only with feedback.
    @Test func selectionTrialsAreScored() {
        var task = SelectionTask()
        let p = SelectionTask.pairs
        #expect(p.count == 15 && p[0] == (0, 1) && p[1] == (2, 3) && p[2] == (4, 5))
        let keyOf = { (s: Int) in SelectionTask.stimulusChannels[s] }  // 8 keys, one per channel
        let ab = Self.run(&task, Trial(target: 0, feedback: .binary, rewardDraw: 0.5), pushing: keyOf(0), keyboard: task.keyboard, onset: 0)
        #expect(ab["choice"] == 0 && ab["chose_better"] == 1 && ab["rewarded"] == 1)
        #expect(ab["choose_a"] == nil && ab["avoid_b"] == nil)
        let ac = p.firstIndex { $0 == (0, 2) }!, bd = p.firstIndex { $0 == (1, 3) }!
        let a = Self.run(&task, Trial(target: ac, feedback: .none), pushing: keyOf(0), keyboard: task.keyboard, onset: 0)
        #expect(a["choose_a"] == 1 && a["avoid_b"] == nil && a["rewarded"] == 0)
        let b = Self.run(&task, Trial(target: bd, feedback: .none), pushing: keyOf(1), keyboard: task.keyboard, onset: 0)
        #expect(b["avoid_b"] == 0 && b["chose_better"] == 0)
        // A key with no stimulus on it is not a choice: the pair times out unchosen.
        let none = Self.run(&task, Trial(target: 0, feedback: .binary), pushing: keyOf(2), keyboard: task.keyboard, onset: 0)
        #expect(none["responded"] == 0 && none["choice"] == nil && none["chose_better"] == 0)
    }

    /// The 48 counterbalanced arrangements are distinct, use the same six keys, and keep
    /// each training pair on opposite keys; arrangement 0 is the canonical one.
    @Test func selectionArrangementsCounterbalance() {
        let all = (0..<SelectionTask.arrangements).map { SelectionTask.stimulusChannels(arrangement: $0) }
        #expect(Set(all.map { $0.description }).count == 48)
        #expect(all[0] == SelectionTask.stimulusChannels)
        for channels in all {
            #expect(Set(channels) == Set(SelectionTask.stimulusChannels))
            for pair in 0..<3 { #expect((channels[2 * pair] + 4) % 8 == channels[2 * pair + 1]) }
        }
    }

    /// A sequence block presents its targets in the listed order, repeating.
    @Test func sequenceBlocksPresentTargetsInOrder() throws {
        let p = try ProtocolFile.parse("protocol:\n  - session: a\n    blocks:\n      - {task: srtt, trials: 7, targets: [3, 1, 2], order: sequence}\n", file: "s.yaml")
        let records = try SubjectTests.run(ProtocolFile.text(p))
        #expect(records.map(\.trial.target) == [3, 1, 2, 3, 1, 2, 3])
    }

    /// Through the circuit: the cued key is pressed, mostly first, after a reaction time.
    @Test func subjectPressesTheCuedKey() throws {
        let r = try SubjectTests.run("protocol:\n  - session: a\n    blocks:\n      - {task: srtt, trials: 20, feedback: binary}\n")
        #expect(SubjectTests.mean(r) { $0.metrics["correct"]! } > 0.9)
        #expect(SubjectTests.mean(r) { $0.metrics["error"]! } < 0.5)
        let rt = SubjectTests.mean(r) { $0.metrics["rt_s"]! }
        #expect(rt > 0.1 && rt < 1.0, "reaction time \(rt) s")
    }

    /// Types on `task` for one trial, pressing the marked key's finger whenever a mark is
    /// up; with `wrongKey`, the first press goes to that key instead. Returns the metrics
    /// with the trial's summed reward as `rewards`.
    static func type(_ task: inout FingerTappingTask, sequence: Int, wrongKey: Int? = nil) -> [String: Double] {
        var observation = task.reset(Trial(target: sequence, feedback: .binary))
        var wrong = wrongKey, rewards = 0.0
        let channels = task.keyboard.channels
        while true {
            var fingers = [Float](repeating: 0, count: channels)
            if let c = observation.cues.firstIndex(of: 1) {
                fingers = finger(on: wrong.map { task.keyboard.channel($0) } ?? c, force: 5, channels: channels)
            }
            let s = task.step(MotorCommand(channels: fingers), dt: 0.001)
            if s.reward > 0 { rewards += s.reward }
            if wrong != nil && task.keyboard.isAnyKeyDown { wrong = nil }
            observation = s.observation
            if s.done { var info = s.info; info["rewards"] = rewards; return info }
        }
    }

    /// Finger tapping scoring (Walker et al. 2002): a typist who presses the marked key and
    /// lifts completes a sequence every five correct taps, each rewarded with binary
    /// feedback; the mark waits for the lift, so 4-1-3-2-4's repeated 4 takes a new press;
    /// one wrong key is one error and restarts the sequence.
    @Test func fingerTappingTrialsAreScored() {
        var task = FingerTappingTask(duration: 3)
        #expect(FingerTappingTask.sequences[0] == [3, 0, 2, 1, 3])
        let clean = Self.type(&task, sequence: 0)
        let taps = clean["taps"]!, done = clean["correct_sequences"]!
        #expect(clean["errors"] == 0 && taps >= 10, "taps \(taps)")
        #expect(done == (taps / 5).rounded(.down) && clean["rewards"] == done)
        #expect(clean["tap_interval_s"]! > 0 && clean["tap_interval_s"]! < 3 / (taps - 1) + 1e-9)
        let slip = Self.type(&task, sequence: 0, wrongKey: 1)
        #expect(slip["errors"] == 1)
        #expect(slip["correct_sequences"] == ((slip["taps"]! - 1) / 5).rounded(.down))
    }

    /// Through the circuit: the subject types the marked keys for a whole 30-s trial.
    @Test func subjectTapsTheMarkedKeys() throws {
        let r = try SubjectTests.run("protocol:\n  - session: a\n    blocks:\n      - {task: tapping, trials: 1, targets: [0]}\n")
        let taps = r[0].metrics["taps"]!, errors = r[0].metrics["errors"]!
        #expect(taps - errors >= 15, "\(taps) taps, \(errors) errors")
    }
}
