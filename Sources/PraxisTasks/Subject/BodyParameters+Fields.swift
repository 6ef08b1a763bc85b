extension BodyParameters {
    /// A body parameter that files can set and cohorts can vary: its name in files, the
    /// property it sets and the values it may take.
    public struct Field: Sendable {
        /// The name in files (`force_gain`).
        public let name: String
        public let keyPath: WritableKeyPath<BodyParameters, Double> & Sendable
        /// The smallest value allowed; `strict`: the value must exceed it.
        public let minimum: Double
        public let strict: Bool
        /// The largest value allowed (bounds the memory of the delay lines).
        public let maximum: Double

        /// Why `value` is not allowed, or nil when it is.
        public func problem(_ value: Double) -> String? {
            guard value.isFinite else { return "must be a finite number, got \(value)" }
            if strict ? value <= minimum : value < minimum {
                return "must be \(strict ? ">" : "≥") \(Self.format(minimum)), got \(Self.format(value))"
            }
            if value > maximum { return "must be ≤ \(Self.format(maximum)), got \(Self.format(value))" }
            return nil
        }

        static func format(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }
    }

    /// Every parameter of the body, by its name in files. Delays are in ms and at most 10 s;
    /// gains may be 0; parameters that divide (speeds, lengths, scales, Hill's curvature)
    /// must be positive.
    public static let fields: [Field] = {
        typealias Path = WritableKeyPath<BodyParameters, Double> & Sendable
        let delay = { (name: String, path: Path) in Field(name: name, keyPath: path, minimum: 0, strict: false, maximum: 10_000) }
        let nonNegative = { (name: String, path: Path) in
            Field(name: name, keyPath: path, minimum: 0, strict: false, maximum: .greatestFiniteMagnitude)
        }
        let positive = { (name: String, path: Path) in
            Field(name: name, keyPath: path, minimum: 0, strict: true, maximum: .greatestFiniteMagnitude)
        }
        return [
            delay("visual_delay_ms", \.visualDelayMs),
            delay("visual_delay_jitter_ms", \.visualDelayJitterMs),
            delay("visual_delay_drift_ms", \.visualDelayDriftMs),
            nonNegative("visual_delay_drift_s", \.visualDelayDriftS),
            delay("proprioceptive_delay_ms", \.proprioceptiveDelayMs),
            delay("tactile_delay_ms", \.tactileDelayMs),
            delay("error_delay_ms", \.errorDelayMs),
            nonNegative("force_gain", \.forceGain),
            nonNegative("finger_force_gain", \.fingerForceGain),
            positive("shortening_velocity", \.shorteningVelocity),
            positive("hill_curvature", \.hillCurvature),
            positive("muscle_range", \.muscleRange),
            positive("spindle_length", \.spindleLength),
            positive("stretch_velocity", \.stretchVelocity),
            positive("reach_distance", \.reachDistance),
            positive("error_scale", \.errorScale),
            Field(name: "inter_trial_ms", keyPath: \.interTrialMs, minimum: 0, strict: false, maximum: 600_000),
        ]
    }()

    /// The field named `name` in files, if there is one.
    public static func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// Problems with the values, as (field, message) pairs; empty when valid.
    public var problems: [(field: String, message: String)] {
        Self.fields.compactMap { f in f.problem(self[keyPath: f.keyPath]).map { (f.name, $0) } }
    }
}
