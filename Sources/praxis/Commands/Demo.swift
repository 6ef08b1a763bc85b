import ArgumentParser
import Foundation
import PraxisLab

/// `praxis demo [--out DIR]`: the built-in experiments (P1 with healthy, PD off and PD on;
/// P2), a short table of each, and one report page for both.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the built-in demo: probabilistic selection (healthy, PD off, PD on) and force-field adaptation; print a table and the report's path.")

    @Option(help: "Results folder (created if needed).") var out: String = "praxis-demo"
    @Option(help: "Worker threads (default: the machine's cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: out)
        let start = ContinuousClock.now
        let demo = try DemoExperiments.all()
        for (_, e) in demo { print("\(e.name): \(e.arms.count) arm(s) × \(e.cohort.size) subject(s)") }
        let summaries = try Lab.run(demo.map { ($0.experiment, root.appendingPathComponent($0.folder)) }, threads: threads,
                                    progress: ProgressPrinter().report)
        for summary in summaries.reversed() {
            print("\n\(summary.experiment)")
            print(Lab.table(summary))
        }
        let results = try zip(demo, summaries).reversed().map {
            (try Store.open(existing: Lab.storePath(root.appendingPathComponent($0.0.folder))), $0.1)
        }
        let report = root.appendingPathComponent("report.html")
        try Data(try Report.combined(title: "Praxis demo", results).utf8).write(to: report, options: .atomic)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print(String(format: "\ndemo finished in %.1f s", seconds))
        print("report: \(report.path)")
    }
}
