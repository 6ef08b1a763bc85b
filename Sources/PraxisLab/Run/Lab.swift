import Foundation

/// The main job: run an experiment into a folder, then summarise and report it.
public enum Lab {
    /// The store file of a results folder.
    public static func storePath(_ folder: URL) -> String { folder.appendingPathComponent("praxis.sqlite").path }

    /// Runs `experiment` into `folder` (created if needed; a store already there is resumed),
    /// then writes `summary.json` and `report.html`. Returns the summary.
    @discardableResult
    public static func run(_ experiment: Experiment, in folder: URL, threads: Int, subjectsPerArm: Int? = nil,
                           progress: (@Sendable (ProgressEvent) -> Void)? = nil) throws -> Summary {
        try run([(experiment, folder)], threads: threads, subjectsPerArm: subjectsPerArm, progress: progress)[0]
    }

    /// Runs several experiments into their folders from one pool of workers (the demo),
    /// then writes each folder's summary and report. Returns the summaries.
    public static func run(_ experiments: [(experiment: Experiment, folder: URL)], threads: Int, subjectsPerArm: Int? = nil,
                           progress: (@Sendable (ProgressEvent) -> Void)? = nil) throws -> [Summary] {
        var runs: [(runner: ExperimentRunner, store: Store)] = []
        for (experiment, folder) in experiments {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            runs.append((ExperimentRunner(experiment, threads: threads, subjectsPerArm: subjectsPerArm),
                         try Store(path: storePath(folder))))
        }
        try ExperimentRunner.run(runs, threads: threads, progress: progress)
        return try zip(runs, experiments).map { run, e in
            let summary = try Summary(store: run.store)
            try summary.write(to: e.folder)
            try Report.write(store: run.store, summary: summary, to: e.folder)
            return summary
        }
    }

    /// A short text table of a summary: one row per arm, one column per measure (mean).
    public static func table(_ summary: Summary) -> String {
        let names = summary.arms.first.map { Array($0.measures.keys).sorted() } ?? []
        let armWidth = max(4, summary.arms.map(\.name.count).max() ?? 4)
        var lines = [(["arm".padding(toLength: armWidth, withPad: " ", startingAt: 0), "    n"] + names.map { pad($0) }).joined(separator: " ")]
        for a in summary.arms {
            var cells = [a.name.padding(toLength: armWidth, withPad: " ", startingAt: 0), String(format: "%5d", a.subjects)]
            for n in names { cells.append(pad(a.measures[n]?.mean.map { String(format: "%.3f", $0) } ?? "–")) }
            lines.append(cells.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String) -> String {
        String(repeating: " ", count: max(0, 12 - s.count)) + s
    }
}
