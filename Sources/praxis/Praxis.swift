import ArgumentParser

/// The `praxis` command: a thin root that only names its subcommands.
@main
struct Praxis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "praxis",
        abstract: "Praxis — an in-silico motor-learning laboratory.",
        version: PraxisVersion.string,
        subcommands: [CircuitCommand.self, RunSubject.self, Bench.self])
}

/// The version printed by `praxis --version` and stored with results.
enum PraxisVersion {
    static let string = "0.1.0"
}
