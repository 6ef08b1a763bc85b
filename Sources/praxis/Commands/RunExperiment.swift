import ArgumentParser
import Foundation
import PraxisLab

/// `praxis run EXPERIMENT.yaml [--out DIR] [--threads N] [--subjects N]`: the main job.
struct RunExperiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment: simulate its cohort in parallel into a resumable SQLite store, then write summary.json and report.html.")

    @Argument(help: "The experiment file (YAML).") var experimentFile: String
    @Option(help: "Results folder (created if needed; a run already there is resumed).") var out: String?
    @Option(help: "Worker threads (default: the machine's cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Subjects per arm, overriding the experiment's cohort size.") var subjects: Int?

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let subjects, subjects < 1 { throw ValidationError("--subjects must be at least 1") }
    }

    func run() throws {
        let experiment = try Self.load(experimentFile)
        let folder = URL(fileURLWithPath: out ?? "praxis-results")
        let printer = ProgressPrinter()
        let summary = try Lab.run(experiment, in: folder, threads: threads, subjectsPerArm: subjects, progress: printer.report)
        print(Lab.table(summary))
        print("results: \(Lab.storePath(folder)), \(folder.appendingPathComponent("summary.json").path)")
        print("report:  \(folder.appendingPathComponent("report.html").path)")
    }

    /// Parses an experiment file, printing its problems (file:line:column: field: message)
    /// and exiting with status 65 when it is invalid, before anything is opened or written.
    static func load(_ path: String) throws -> Experiment {
        do { return try ExperimentFile.load(path) } catch {
            var stderr = StandardError()
            print(error.description, to: &stderr)
            throw ExitCode(65)
        }
    }
}

/// `praxis report DIR`: rewrites DIR/summary.json and DIR/report.html from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write DIR/summary.json and DIR/report.html from a results folder's store.")

    @Argument(help: "The results folder.") var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        let store = try Store.open(existing: Lab.storePath(url))
        let summary = try Summary(store: store)
        try summary.write(to: url)
        print("report: \(try Report.write(store: store, summary: summary, to: url).path)")
    }
}

/// `praxis export DIR --csv`: tidy CSV tables of a results folder.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write tidy CSV tables (trials, measures, subjects) of a results folder.")

    @Argument(help: "The results folder.") var folder: String
    @Flag(help: "Write CSV (the only format for now).") var csv = false
    @Option(help: "Where to write the tables (default: DIR/export).") var to: String?

    func validate() throws {
        if !csv { throw ValidationError("name a format: --csv") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        let store = try Store.open(existing: Lab.storePath(url))
        for file in try Export.csv(store: store, to: to.map { URL(fileURLWithPath: $0) } ?? url.appendingPathComponent("export")) {
            print(file.path)
        }
    }
}
