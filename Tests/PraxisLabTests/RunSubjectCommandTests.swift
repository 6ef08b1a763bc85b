import Foundation
import Testing

/// `praxis run-subject` with a clinical condition: the options act through the same
/// `Condition` as an experiment's arm.
@Suite struct RunSubjectCommandTests {
    /// With half the SNc cells lost, a naive subject's dopamine burst at an unpredicted reward
    /// is about half the healthy one (burst gain and tonic level fall with the surviving
    /// cells, PHENOMENA P4); an impossible loss is refused, naming the option.
    @Test func sncLossHalvesTheRewardBurst() throws {
        guard let praxis = LabFixtures.praxisExecutable else {
            Issue.record("the praxis executable was not built next to the tests (run swift build --build-tests)")
            return
        }
        let folder = try LabFixtures.folder("run-subject")
        let protocolFile = folder.appendingPathComponent("p.yaml")
        try """
        name: three rewards
        protocol:
          - session: s
            blocks:
              - {task: pavlovian, trials: 3, targets: [0], reward_probability: 1}
        """.write(to: protocolFile, atomically: true, encoding: .utf8)

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
