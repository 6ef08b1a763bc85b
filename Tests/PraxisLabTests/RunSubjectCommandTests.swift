import Foundation
import Testing

/// `praxis run-subject` with a clinical condition: the options act through the same
/// `Condition` as an experiment's arm.
@Suite struct RunSubjectCommandTests {
    /// With half the SNc cells lost, a naive subject's dopamine burst at an unpredicted reward
    /// is about half the healthy one (burst gain and tonic level fall with the surviving
    /// cells, PHENOMENA P4); an impossible loss is refused, naming the option.
    @Test func sncLossHalvesTheRewardBurst() throws {
        guard let (praxis, folder, protocolFile) = try setUp("run-subject", block: "{task: pavlovian, trials: 3, targets: [0], reward_probability: 1}")
        else { return }

        func firstBurst(_ options: [String]) throws -> Double {
            let out = folder.appendingPathComponent("out-\(options.count)")
            let (status, _) = try run(praxis, ["run-subject", protocolFile.path, "--out", out.path, "--trajectory-every", "0"] + options)
            #expect(status == 0)
            let rows = try String(contentsOf: out.appendingPathComponent("trials.csv"), encoding: .utf8).split(separator: "\n")
            let header = rows[0].split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex(of: "dopamine_reward"))
            return try #require(Double(rows[1].split(separator: ",", omittingEmptySubsequences: false)[column]))
        }
        let healthy = try firstBurst([]), parkinsonian = try firstBurst(["--snc-loss", "0.5"])
        // Measured: 0.56 and 0.30.
        #expect(healthy > 0.3)
        #expect(parkinsonian / healthy > 0.4 && parkinsonian / healthy < 0.65, "healthy \(healthy), SNc loss 0.5: \(parkinsonian)")

        let (status, stderr) = try run(praxis, ["run-subject", protocolFile.path, "--out", folder.path, "--snc-loss", "1.2"])
        #expect(status != 0)
        #expect(stderr.contains("--snc-loss must be in [0, 1)"), "\(stderr)")
    }

    /// `--body` sets the subject's body by the names of an experiment's `body` section: a
    /// visual delay 150 ms longer slows every key press by about as much; an unknown name or
    /// an impossible value is refused, naming the option.
    @Test func bodyOptionSetsTheBody() throws {
        guard let (praxis, folder, protocolFile) = try setUp("run-subject-body", block: "{task: srtt, trials: 8}") else { return }
        func meanRT(_ body: String) throws -> Double {
            let out = folder.appendingPathComponent("out-\(body.count)")
            let (status, stderr) = try run(praxis, ["run-subject", protocolFile.path, "--out", out.path, "--trajectory-every", "0",
                                                    "--body", body])
            #expect(status == 0, "\(stderr)")
            let rows = try String(contentsOf: out.appendingPathComponent("trials.csv"), encoding: .utf8).split(separator: "\n")
            let column = try #require(rows[0].split(separator: ",").firstIndex(of: "rt_s"))
            let rts = rows.dropFirst().compactMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
            return rts.reduce(0, +) / Double(rts.count)
        }
        let still = "visual_delay_jitter_ms=0,visual_delay_drift_ms=0"
        let fast = try meanRT(still + ",visual_delay_ms=100"), slow = try meanRT(still + ",visual_delay_ms=250")
        #expect(slow - fast > 0.12 && slow - fast < 0.18, "RT \(fast) s, \(slow) s")
        for (bad, message) in [("force_gain=-1", "--body: force_gain must be ≥ 0"), ("forcegain=1", "is not NAME=VALUE")] {
            let (status, stderr) = try run(praxis, ["run-subject", protocolFile.path, "--out", folder.path, "--body", bad])
            #expect(status != 0)
            #expect(stderr.contains(message), "\(stderr)")
        }
    }

    /// The `praxis` executable, a scratch folder and in it a protocol of one session with one
    /// `block`; nil (with the issue recorded) when the executable was not built.
    private func setUp(_ name: String, block: String) throws -> (URL, URL, URL)? {
        guard let praxis = LabFixtures.praxisExecutable else {
            Issue.record("the praxis executable was not built next to the tests (run swift build --build-tests)")
            return nil
        }
        let folder = try LabFixtures.folder(name)
        let protocolFile = folder.appendingPathComponent("p.yaml")
        try "name: \(name)\nprotocol:\n  - session: s\n    blocks:\n      - \(block)\n"
            .write(to: protocolFile, atomically: true, encoding: .utf8)
        return (praxis, folder, protocolFile)
    }

    /// Runs `exe` with `args` to its end; its exit status and standard error.
    private func run(_ exe: URL, _ args: [String]) throws -> (Int32, String) {
        let p = Process(), err = Pipe()
        p.executableURL = exe
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
