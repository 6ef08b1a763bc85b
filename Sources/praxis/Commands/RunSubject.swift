import ArgumentParser
import Foundation
import PraxisCircuit
import PraxisTasks

/// `praxis run-subject PROTOCOL --seed S --out DIR`: one subject through a protocol.
struct RunSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-subject",
        abstract: "Run one virtual subject through a protocol file; write per-trial results and trajectories.")

    @Argument(help: "The protocol file (YAML).") var protocolFile: String
    @Option(help: "Seed of the subject (circuit, noise and schedule).") var seed: UInt64 = 1
    @Option(help: "Output directory (created if needed).") var out: String = "praxis-subject"
    @Option(help: "Keep the hand path of every Nth trial (0: none).") var trajectoryEvery: Int = 50
    @Option(help: "A circuit file; default: the shipped default circuit.") var circuit: String?
    @Option(help: ArgumentHelp("Print the weights of these projections (comma-separated names), unit i onto unit i, with the trial's stimulus arrangement.",
                               discussion: "For following one-to-one and channel-wise learning, e.g. 'PMd→D1_DLS,PMd→D2_DLS'."))
    var printWeights: String?
    @Option(help: "With --print-weights: print after every Nth trial.") var printEvery: Int = 40

    func validate() throws {
        if printEvery < 1 { throw ValidationError("--print-every must be at least 1") }
        if trajectoryEvery < 0 { throw ValidationError("--trajectory-every must be at least 0") }
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
        let subject = Subject(circuit: try Circuit(spec: spec, seed: seed))
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
        var runner = ProtocolRunner(trainingProtocol)
        let every = trajectoryEvery
        runner.keepPath = { every > 0 && $0 % every == 0 }
        let clock = ContinuousClock()
        let start = clock.now
        let count = try runner.run(subject, seed: seed) { record in
            try trials.write(table.row(record))
            for line in TrialCSV.trajectoryRows(record) { try paths.write(line) }
            if (record.index + 1) % printEvery == 0 {
                for (name, j) in printed {
                    let diag = j.synapses().filter { $0.pre == $0.post }.map { String(format: "%.2f", $0.weight) }
                    print(record.index + 1, "arr", record.trial.arrangement, name, diag.joined(separator: " "))
                }
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        print("\(trainingProtocol.name): \(count) trials in \(String(format: "%.2f", seconds)) s → \(out)/trials.csv, \(out)/trajectories.csv")
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

    deinit { try? handle.close() }
}
