import ArgumentParser
import PraxisLab

/// The `praxis` command: a thin root that only names its subcommands.
@main
struct Praxis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praxis",
        abstract: "Praxis — an in-silico motor-learning laboratory.",
        version: PraxisVersion.string,
        subcommands: [Demo.self, RunExperiment.self, ReportCommand.self, ExportCommand.self, RunSubject.self, CircuitCommand.self, Bench.self])
}

