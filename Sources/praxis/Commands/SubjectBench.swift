import ArgumentParser
import Foundation
import PraxisCircuit
import PraxisLab
import PraxisTasks

/// `praxis bench subject [PROTOCOL]`: one virtual subject through a protocol, closed loop
/// included (body, task, critic), timed on one core with nothing written to disk. The
/// default protocol is the P2 force-field paradigm, whose target is < 10 s per subject.
struct SubjectBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject",
        abstract: "One subject through a protocol (default: the P2 force-field paradigm), on one core, no files written.")

    @Argument(help: "The protocol file (YAML).") var protocolFile: String = "paradigms/force-field.yaml"
    @Option(help: "Seed of the subject.") var seed: UInt64 = 1
    @Option(help: "Repeat the run this many times and report the median wall time.") var repeats: Int = 3
    @Option(help: "A circuit file; default: the shipped default circuit.") var circuit: String?
    @Flag(help: "End with one JSON object on the last line.") var json = false

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        let (trainingProtocol, spec) = try RunSubject.load(protocolFile: protocolFile, circuit: circuit)
        var walls: [Double] = [], trials = 0, simulated = 0.0
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            let subject = Subject(circuit: try Circuit(spec: spec, seed: seed))
            let start = clock.now
            trials = try ProtocolRunner(trainingProtocol).run(subject, seed: seed) { _ in }
            walls.append((clock.now - start) / .seconds(1))
            simulated = subject.circuit.simulator.time
        }
        let sorted = walls.sorted(), median = sorted[sorted.count / 2]
        print("\(trainingProtocol.name): \(trials) trials, \(String(format: "%.0f", simulated)) s simulated, seed \(seed), 1 thread")
        print(String(format: "  median %.2f s of %d (min %.2f, max %.2f); %.0f× real time",
                     median, repeats, sorted.first!, sorted.last!, simulated / median))
        print(String(format: "  peak RSS %.1f MB", ResourceUsage.peakResidentMegabytes()) + "; machine: \(Machine.description)")
        if json {
            let object: [String: Any] = [
                "benchmark": "subject", "protocol": trainingProtocol.name, "trials": trials, "seed": seed,
                "simulated_s": simulated, "repeats": repeats, "wall_s": median, "wall_s_all": walls,
                "real_time_factor": simulated / median, "peak_rss_mb": ResourceUsage.peakResidentMegabytes(),
                "machine": Machine.description, "version": PraxisVersion.string,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
