import Foundation
import GRDB
import Testing
@testable import PraxisLab

/// The runner and the store: thread-count independence, resumption after a kill, refusal
/// of bad input without touching what is stored.
@Suite(.serialized) struct RunnerTests {
    @Test func sameStoreAtOneAndTwoThreads() throws {
        let e = try LabFixtures.experiment(subjects: 3)
        let one = try LabFixtures.folder("one"), two = try LabFixtures.folder("two")
        let s1 = try Lab.run(e, in: one, threads: 1), s2 = try Lab.run(e, in: two, threads: 2)
        let c1 = try Store(path: Lab.storePath(one)).contents(), c2 = try Store(path: Lab.storePath(two)).contents()
        #expect(c1.count > 100)
        try Self.expectSame(c1, c2)
        #expect(try s1.json() == s2.json())
        // The measures really vary between subjects (the variability and the arms act).
        let values = try Store(path: Lab.storePath(one)).measureValues()
        #expect(Set(values[0]!["cue_dopamine"]!).count == 3)
        #expect(values[0]!["cue_dopamine"]! != values[1]!["cue_dopamine"]!)
        for file in ["summary.json", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: one.appendingPathComponent(file).path))
        }
    }

    /// In an arm whose severity varies, each subject runs at its own SNc loss, which is
    /// stored after the cohort's factors.
    @Test func subjectRunsAtItsDrawnSeverity() throws {
        let text = LabFixtures.text(subjects: 2).replacingOccurrences(of: "{snc_loss: 0.6}", with: "{snc_loss: {uniform: [0.3, 0.7]}}")
        let e = try ExperimentFile.parse(text, file: "spread.yaml")
        let runner = ExperimentRunner(e, threads: 1)
        let key = try #require(runner.subjects.first { $0.arm == 1 })
        let result = try runner.simulate(key)
        let drawn = try #require(e.arms[1].subjectCondition(seed: result.seed).drawnSncLoss)
        #expect(result.factors.count == 2 && result.factors.last == drawn)
        #expect(try runner.simulate(runner.subjects.first { $0.arm == 0 }!).factors.count == 1)
    }

    /// A run that stops part-way (here after two subjects) and is started again ends with the
    /// same store as an uninterrupted run; running a finished experiment again adds nothing.
    @Test func resumedRunEqualsUninterruptedRun() throws {
        let e = try LabFixtures.experiment(subjects: 3)
        let whole = try LabFixtures.folder("whole"), parts = try LabFixtures.folder("parts")
        try Lab.run(e, in: whole, threads: 2)
        let store = try Store(path: Lab.storePath(parts))
        try store.begin(e)
        let runner = ExperimentRunner(e, threads: 1)
        for key in runner.subjects.prefix(2) { try store.commit(try runner.simulate(key)) }
        #expect(try store.finishedSubjects().count == 2)
        #expect(try runner.run(into: store) == 4)
        #expect(try runner.run(into: store) == 0)
        try Self.expectSame(try store.contents(), try Store(path: Lab.storePath(whole)).contents())
    }

    /// A store refuses a different experiment.
    @Test func storeRefusesAnotherExperiment() throws {
        let folder = try LabFixtures.folder("other")
        try Lab.run(try LabFixtures.experiment(subjects: 1), in: folder, threads: 1)
        #expect(throws: StoreError.self) {
            try Lab.run(try LabFixtures.experiment(subjects: 1, seed: 8), in: folder, threads: 1)
        }
    }

    /// A store refuses to resume under a different model: a circuit with one parameter
    /// changed, or subjects stored by a Praxis that did not record its model. The same
    /// experiment and model resume.
    @Test func storeRefusesAnotherModel() throws {
        let e = try LabFixtures.experiment(subjects: 1)
        let store = try Store(path: Lab.storePath(try LabFixtures.folder("model")))
        try store.begin(e)
        try store.begin(e)
        var changed = e
        changed.circuit.critic.maxWeight = 3
        #expect(try Store.model(of: changed) != Store.model(of: e))
        #expect {
            try store.begin(changed)
        } throws: { error in
            guard case StoreError.differentModel(_, let stored, let current)? = error as? StoreError else { return false }
            return stored == (try? Store.model(of: e)) && current == (try? Store.model(of: changed))
                && "\(error)".contains("choose another --out folder")
        }
        try store.queue.write { try $0.execute(sql: "UPDATE run SET model = NULL") }
        #expect {
            try store.begin(e)
        } throws: { error in "\(error)".contains("not recorded") }
    }

    /// The real command, killed with SIGKILL mid-cohort and run again, ends with exactly the
    /// subjects and values of an uninterrupted run. A malformed experiment file given for the
    /// same folder is refused with its location and leaves the store byte for byte as it was.
    @Test func killedRunResumesAndBadFileLeavesStoreUntouched() throws {
        guard let praxis = LabFixtures.praxisExecutable else {
            Issue.record("the praxis executable was not built next to the tests (run swift build --build-tests)")
            return
        }
        let folder = try LabFixtures.folder("kill"), reference = try LabFixtures.folder("reference")
        let experiment = folder.appendingPathComponent("e.yaml")
        try LabFixtures.text(subjects: 8).write(to: experiment, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let storePath = Lab.storePath(out)

        // Start, wait until some subjects are stored, kill without warning.
        let first = try launch(praxis, ["run", experiment.path, "--out", out.path, "--threads", "2"])
        let deadline = Date().addingTimeInterval(120)
        var stored = 0
        while Date() < deadline && first.isRunning {
            if let n = Self.storedSubjects(storePath) { stored = n }
            if stored >= 3 { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal, "the first run ended by itself (status \(first.terminationStatus)) after \(stored) subjects")
        let afterKill = try Store(path: storePath).finishedSubjects().count
        #expect(afterKill >= 3)
        if afterKill == 16 { Issue.record("the run finished before it could be killed; the kill was not exercised") }

        // Resume with the same command.
        let second = try launch(praxis, ["run", experiment.path, "--out", out.path, "--threads", "2"])
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
        try Lab.run(try LabFixtures.experiment(subjects: 8), in: reference, threads: 1)
        try Self.expectSame(try Store(path: storePath).contents(), try Store(path: Lab.storePath(reference)).contents())

        // A malformed file for the same folder: refused with its location, store untouched.
        let bad = folder.appendingPathComponent("bad.yaml")
        try LabFixtures.text(subjects: 8).replacingOccurrences(of: "snc_loss: 0.6", with: "snc_loss: 2")
            .write(to: bad, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        let errors = Pipe()
        let third = try launch(praxis, ["run", bad.path, "--out", out.path], stderr: errors)
        third.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(third.terminationStatus == 65)
        #expect(message.contains("\(bad.path):9:"), "\(message)")
        #expect(message.contains("arms[1].parkinsons.snc_loss"), "\(message)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: storePath)) == before)
    }

    /// Subjects in the store at `path`, read without writing (nil while it cannot be read).
    static func storedSubjects(_ path: String) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        guard let db = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        return try? db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM subject") }
    }

    /// Equal store contents, reporting only the first difference (the dumps are long).
    static func expectSame(_ a: [String], _ b: [String]) throws {
        #expect(a.count == b.count, "\(a.count) rows vs \(b.count)")
        if let k = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
            Issue.record("stores differ at row \(k):\n\(a[k].prefix(300))\n\(b[k].prefix(300))")
        }
    }

    private func launch(_ exe: URL, _ args: [String], stderr: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr ?? FileHandle.nullDevice
        try p.run()
        return p
    }
}
