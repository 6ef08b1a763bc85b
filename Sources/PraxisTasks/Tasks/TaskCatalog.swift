/// The tasks a protocol can name, with what the parser needs to check a block and the runner
/// needs to make one. `standard` holds the shipped paradigms; a Swift program adds its own
/// tasks with `adding(_:)` and hands the catalog to `ProtocolFile.parse`, `ProtocolRunner`
/// and `TrialCSV` (`docs/custom-task.md`).
public struct TaskCatalog: Sendable {
    public struct Entry: Sendable {
        public let name: String
        /// Number of targets, cues or options (valid `targets` are 0..<count).
        public let targets: Int
        /// Whether the task moves the arm in space, so perturbations apply.
        public let spatial: Bool
        public let metricNames: [String]
        public let make: @Sendable () -> any Task

        /// An entry for a task named `name` with `targets` targets (cues, options); `make`
        /// builds a fresh task for each block. Its name and metrics are read from one
        /// instance.
        public init(targets: Int, spatial: Bool = false, make: @escaping @Sendable () -> any Task) {
            let sample = make()
            name = sample.name; metricNames = sample.metricNames
            self.targets = targets; self.spatial = spatial; self.make = make
        }
    }

    /// The catalog's entries, in the order they were added.
    public private(set) var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// The shipped paradigms.
    public static let standard = TaskCatalog([
        Entry(targets: 8, spatial: true) { CenterOutTask() },
        Entry(targets: 8) { PavlovianTask() },
        Entry(targets: 8) { LeverTask() },
        Entry(targets: 4) { SerialReactionTask() },
        Entry(targets: SelectionTask.pairs.count) { SelectionTask() },
        Entry(targets: FingerTappingTask.sequences.count) { FingerTappingTask() },
    ])

    /// This catalog with `entry` added; a task of the same name is replaced.
    public func adding(_ entry: Entry) -> TaskCatalog {
        var c = self
        c.entries.removeAll { $0.name == entry.name }
        c.entries.append(entry)
        return c
    }

    /// The entry named `name`.
    public func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
