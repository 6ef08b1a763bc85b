import ArgumentParser
import Foundation
import PraxisCircuit
import PraxisClinic
import PraxisTasks

/// `praxis run-subject PROTOCOL --seed S --out DIR`: one subject through a protocol.
struct RunSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-subject",
        abstract: "Run one virtual subject through a protocol file; write per-trial results, trajectories and how far each learned projection moved.")

    @Argument(help: "The protocol file (YAML).") var protocolFile: String
    @Option(help: "Seed of the subject (circuit, noise and schedule).") var seed: UInt64 = 1
    @Option(help: "Output directory (created if needed).") var out: String = "praxis-subject"
    @Option(help: "Keep the hand path of every Nth trial (0: none).") var trajectoryEvery: Int = 50
    @Option(help: "A circuit file; default: the shipped default circuit.") var circuit: String?
    @Option(help: ArgumentHelp("Print the weights of these projections (comma-separated names), unit i onto unit i, with the trial's stimulus arrangement.",
                               discussion: "For following one-to-one and channel-wise learning, e.g. 'PMd→D1_DLS,PMd→D2_DLS'."))
    var printWeights: String?
    @Option(help: "With --print-weights: print after every Nth trial.") var printEvery: Int = 40
    @Option(help: ArgumentHelp("Record these populations' outputs and modulators' levels (comma-separated names) in the trials whose paths are kept (--trajectory-every), to DIR/activity.csv.",
                               discussion: "One row per value: trial, time from the trial's start (ms), population or modulator, unit, value; e.g. 'PMd,D1_DLS,GPi,dopamine'."))
    var record: String?
    @Option(help: "With --record: sample every this many ms.") var recordEveryMs: Double = 5
    @Option(help: ArgumentHelp("Parkinson's disease: the fraction of SNc dopamine cells lost, in [0, 1).",
                               discussion: "Applied as in an experiment's arm (PraxisClinic.Condition): tonic dopamine and burst gain fall with the surviving cells, dips keep their gain."))
    var sncLoss: Double?
    @Option(help: "Levodopa: the tonic dopamine level it produces, in units of the healthy level (with or without --snc-loss).")
    var levodopaTonic: Double?
    @Option(help: ArgumentHelp("Body parameters other than the defaults, as comma-separated NAME=VALUE pairs.",
                               discussion: "The names of an experiment file's `body` section (docs/experiment-file.md), e.g. 'force_gain=3,visual_delay_ms=120'."))
    var body: String?

    /// The subject's body: the defaults with `--body`'s assignments.
    func bodyParameters() throws -> BodyParameters {
        var parameters = BodyParameters()
        for assignment in (body ?? "").split(separator: ",") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let field = BodyParameters.field(named: parts[0]) else {
                throw ValidationError("--body: '\(assignment)' is not NAME=VALUE with NAME one of \(BodyParameters.fields.map(\.name).joined(separator: ", "))")
            }
            guard let value = Double(parts[1]) else { throw ValidationError("--body: \(field.name) needs a number, got '\(parts[1])'") }
            if let problem = field.problem(value) { throw ValidationError("--body: \(field.name) \(problem)") }
            parameters[keyPath: field.keyPath] = value
        }
        return parameters
    }

    /// The subject's clinical condition from `--snc-loss` and `--levodopa-tonic`.
    var condition: Condition { Condition(sncLoss: sncLoss ?? 0, levodopaTonic: levodopaTonic) }

    func validate() throws {
        if printEvery < 1 { throw ValidationError("--print-every must be at least 1") }
        if trajectoryEvery < 0 { throw ValidationError("--trajectory-every must be at least 0") }
        if !(recordEveryMs > 0) { throw ValidationError("--record-every-ms must be positive") }
        let options = ["parkinsons.snc_loss": "--snc-loss", "levodopa.tonic": "--levodopa-tonic"]
        if let problem = condition.problems.first {
            throw ValidationError("\(options[problem.field] ?? problem.field) \(problem.message)")
        }
        _ = try bodyParameters()
    }

    /// Reads `protocolFile` and the circuit (`circuit`, or the default one). A protocol error
    /// is printed with its file, line and field, and the command exits with status 65.
    static func load(protocolFile: String, circuit: String?) throws -> (TrainingProtocol, CircuitSpec) {
        guard let data = FileManager.default.contents(atPath: protocolFile) else {
            throw ValidationError("cannot read protocol file '\(protocolFile)'")
        }
        let trainingProtocol: TrainingProtocol
        do { trainingProtocol = try ProtocolFile.parse(String(decoding: data, as: UTF8.self), file: protocolFile) } catch {
            var stderr = StandardError()
            print(error.description, to: &stderr)
            throw ExitCode(65)
        }
        let (text, name) = try CircuitCommand.load(circuit)
        return (trainingProtocol, try CircuitCommand.parse(text, name))
    }

    func run() throws {
        let (trainingProtocol, spec) = try Self.load(protocolFile: protocolFile, circuit: circuit)
        let names = record?.split(separator: ",").map(String.init) ?? []
        let every = max(1, Int((recordEveryMs / spec.dtMs).rounded()))
        let (probes, unknown) = ActivityCSV.probes(names, in: spec.network())
        if !unknown.isEmpty {
            throw ValidationError("--record: no population or modulator named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the circuit")
        }
        let subject = Subject(circuit: try Circuit(spec: spec, seed: seed, probes: probes), body: try bodyParameters())
        condition.apply(to: subject.circuit)
        let printed = try (printWeights?.split(separator: ",") ?? []).map { name in
            guard let j = subject.circuit.network.projection(String(name)) else {
                throw ValidationError("--print-weights: no projection named '\(name)' in the circuit")
            }
            return (name, j)
        }

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let table = TrialCSV(for: trainingProtocol)
        let trials = try LineWriter(path: "\(out)/trials.csv", header: table.header)
        let paths = try LineWriter(path: "\(out)/trajectories.csv", header: TrialCSV.trajectoryHeader)
        let activity = probes.isEmpty ? nil : try LineWriter(path: "\(out)/activity.csv", header: ActivityCSV.header)
        var runner = ProtocolRunner(trainingProtocol)
        let kept = trajectoryEvery
        let keepPath: @Sendable (Int) -> Bool = { kept > 0 && $0 % kept == 0 }
        runner.keepPath = keepPath
        let simulator = subject.circuit.simulator
        let learnedAtStart = PlasticityCSV.snapshot(subject.circuit.network)
        var trialStart = simulator.step
        let clock = ContinuousClock()
        let start = clock.now
        let count = try runner.run(subject, seed: seed) { record in
            try trials.write(table.row(record))
            try paths.write(lines: TrialCSV.trajectoryRows(record))
            if let activity {
                let recordings = simulator.drainRecordings()
                if keepPath(record.index) {
                    try activity.write(lines: ActivityCSV.rows(trial: record.index, recordings: recordings, startStep: trialStart,
                                                               dtMs: spec.dtMs, every: every))
                }
            }
            trialStart = simulator.step
            if (record.index + 1) % printEvery == 0 {
                for (name, j) in printed {
                    let diag = j.synapses().filter { $0.pre == $0.post }.map { String(format: "%.2f", $0.weight) }
                    print(record.index + 1, "arr", record.trial.arrangement, name, diag.joined(separator: " "))
                }
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        let learned = PlasticityCSV.rows(since: learnedAtStart, in: subject.circuit.network)
        try LineWriter(path: "\(out)/plasticity.csv", header: PlasticityCSV.header).write(lines: learned.map(\.csv))
        for line in PlasticityCSV.warnings(learned) { print("plasticity: \(line)") }
        let written = ["trials.csv", "trajectories.csv", "plasticity.csv"] + (activity == nil ? [] : ["activity.csv"])
        print("\(trainingProtocol.name): \(count) trials in \(String(format: "%.2f", seconds)) s → \(written.map { "\(out)/\($0)" }.joined(separator: ", "))")
    }
}

/// Appends lines to a new file, flushing each so a run that stops keeps what it wrote.
final class LineWriter {
    private let handle: FileHandle

    init(path: String, header: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data((header + "\n").utf8)),
              let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write '\(path)'") }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func write(_ line: String) throws { try handle.write(contentsOf: Data((line + "\n").utf8)) }

    /// Appends `lines` in one write (nothing when empty).
    func write(lines: [String]) throws {
        guard !lines.isEmpty else { return }
        try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    deinit { try? handle.close() }
}
