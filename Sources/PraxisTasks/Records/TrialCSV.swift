/// Per-trial results and hand trajectories as tidy CSV (one row per trial, one per sample).
public struct TrialCSV: Sendable {
    /// Metric columns, in order.
    public let metrics: [String]

    /// A table whose metric columns are every metric of the protocol's tasks (in `catalog`)
    /// plus the subject's measures, sorted.
    public init(for p: TrainingProtocol, catalog: TaskCatalog = .standard) {
        var names = Set(Subject.measureNames)
        for s in p.sessions { for b in s.blocks { names.formUnion(catalog.entry(b.task)?.metricNames ?? []) } }
        metrics = names.sorted()
    }

    public var header: String {
        (["trial", "session", "block", "target", "catch", "perturbation", "feedback", "reward"] + metrics).joined(separator: ",")
    }

    /// One row for `r`; metrics a task does not report are left empty.
    public func row(_ r: TrialRecord) -> String {
        var cells = [String(r.index), r.session, String(r.block), String(r.trial.target), r.trial.isCatch ? "1" : "0",
                     r.trial.perturbation.kind, r.trial.feedback.rawValue, number(r.reward)]
        for m in metrics { cells.append(r.metrics[m].map(number) ?? "") }
        return cells.joined(separator: ",")
    }

    public static let trajectoryHeader = "trial,step,x_m,y_m"

    /// The hand path of `r` as rows (empty when the record has none).
    public static func trajectoryRows(_ r: TrialRecord) -> [String] {
        guard let path = r.path else { return [] }
        return path.enumerated().map { "\(r.index),\($0),\($1.x),\($1.y)" }
    }

    private func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }
}

extension Perturbation {
    /// Short name of the perturbation's kind, for tables.
    public var kind: String {
        switch self {
        case .none: "none"
        case .forceField: "force-field"
        case .rotation: "rotation"
        case .errorClamp: "error-clamp"
        }
    }
}
