/// The tasks a protocol file can name, with what the parser needs to check a block.
public enum TaskCatalog {
    public struct Entry: Sendable {
        public let name: String
        /// Number of targets, cues or options (valid `targets` are 0..<count).
        public let targets: Int
        /// Whether the task moves the arm in space, so perturbations apply.
        public let spatial: Bool
        public let metricNames: [String]
        public let make: @Sendable () -> any Task
    }

    public static let entries: [Entry] = [
        Entry(name: "center-out", targets: 8, spatial: true, metricNames: CenterOutTask().metricNames) { CenterOutTask() },
        Entry(name: "pavlovian", targets: 8, spatial: false, metricNames: PavlovianTask().metricNames) { PavlovianTask() },
        Entry(name: "lever", targets: 8, spatial: false, metricNames: LeverTask().metricNames) { LeverTask() },
        Entry(name: "srtt", targets: 4, spatial: false, metricNames: SerialReactionTask().metricNames) { SerialReactionTask() },
        Entry(name: "selection", targets: SelectionTask.pairs.count, spatial: false,
              metricNames: SelectionTask().metricNames) { SelectionTask() },
        Entry(name: "tapping", targets: FingerTappingTask.sequences.count, spatial: false,
              metricNames: FingerTappingTask().metricNames) { FingerTappingTask() },
    ]

    /// The entry named `name`.
    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
