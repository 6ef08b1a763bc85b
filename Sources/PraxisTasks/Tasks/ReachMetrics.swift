/// Per-reach measures used in force-field and rotation studies, computed from the hand
/// (or cursor) path of one trial relative to the start–target line.
public struct ReachMetrics: Sendable, Equatable {
    /// Signed perpendicular displacement at peak speed (m); positive to the left of the
    /// start→target direction (Shadmehr & Mussa-Ivaldi 1994 used the deviation at peak speed).
    public var lateralError: Double
    /// Signed perpendicular displacement of largest magnitude (m).
    public var maxPerpendicularError: Double
    /// From movement onset (speed above 10 % of peak) to arrival within `arrivalRadius` of the
    /// target below `arrivalSpeed`, or to the end of the trial (s).
    public var movementTime: Double
    /// Peak tangential speed (m/s).
    public var peakSpeed: Double
    /// Distance from the target at the end of the trial (m).
    public var endpointError: Double
    /// Index into the path of the sample at peak speed.
    public var peakSpeedIndex: Int

    public static let arrivalRadius = 0.01, arrivalSpeed = 0.05

    /// Metrics of the path `positions` sampled every `dt` seconds (relative to the start),
    /// reaching for `target`.
    public init(positions: [SIMD2<Double>], dt: Double, target: SIMD2<Double>) {
        let length = (target * target).sum().squareRoot()
        let u = length > 0 ? target / length : SIMD2<Double>(0, 1)
        let normal = SIMD2<Double>(-u.y, u.x)
        var speeds = [Double](repeating: 0, count: positions.count)
        for k in 1..<max(1, positions.count) {
            let v = (positions[k] - positions[k - 1]) / dt
            speeds[k] = (v * v).sum().squareRoot()
        }
        let peakIndex = speeds.indices.max { speeds[$0] < speeds[$1] } ?? 0
        let peak = speeds.isEmpty ? 0 : speeds[peakIndex]
        peakSpeedIndex = peakIndex
        peakSpeed = peak
        let perpendicular = positions.map { ($0 * normal).sum() }
        lateralError = perpendicular.isEmpty ? 0 : perpendicular[peakIndex]
        maxPerpendicularError = perpendicular.max { abs($0) < abs($1) } ?? 0
        let onset = speeds.firstIndex { $0 > 0.1 * peak } ?? 0
        var arrival = positions.count - 1
        for k in onset..<positions.count {
            let d = positions[k] - target
            if (d * d).sum().squareRoot() < Self.arrivalRadius && speeds[k] < Self.arrivalSpeed { arrival = k; break }
        }
        movementTime = Double(max(0, arrival - onset)) * dt
        let last = (positions.last ?? .zero) - target
        endpointError = (last * last).sum().squareRoot()
    }

    /// Names of the metrics in `named`, sorted.
    public static let names = ["endpoint_error_m", "lateral_error_m", "max_perpendicular_error_m", "movement_time_s", "peak_speed_m_s"]

    /// The metrics by name, as tasks report them in `Transition.info`.
    public var named: [String: Double] {
        ["lateral_error_m": lateralError, "max_perpendicular_error_m": maxPerpendicularError,
         "movement_time_s": movementTime, "peak_speed_m_s": peakSpeed, "endpoint_error_m": endpointError]
    }
}
