#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PraxisTasks

@Suite struct CenterOutTests {
    /// A straight minimum-jerk path of length D and duration T has no perpendicular error and
    /// peak speed 1.875·D/T (Flash & Hogan 1985).
    @Test func metricsOfAMinimumJerkReach() {
        let target = SIMD2<Double>(0.1 * 0.7071067811865476, 0.1 * 0.7071067811865476)
        let T = 0.5, dt = 0.001
        var path: [SIMD2<Double>] = []
        for k in 0...Int(0.7 / dt) {
            let s = min(1, Double(k) * dt / T)
            path.append(target * (10 * s * s * s - 15 * s * s * s * s + 6 * s * s * s * s * s))
        }
        let m = ReachMetrics(positions: path, dt: dt, target: target)
        #expect(abs(m.peakSpeed - 1.875 * 0.1 / T) < 0.002, "peak \(m.peakSpeed)")
        #expect(abs(m.lateralError) < 1e-12 && abs(m.maxPerpendicularError) < 1e-12)
        #expect(m.movementTime > 0.3 && m.movementTime < T, "MT \(m.movementTime)")
        #expect(m.endpointError < 1e-9)
        // A path bowed to the left has positive perpendicular errors.
        let bowed = path.enumerated().map { k, p in p + SIMD2<Double>(-0.7071067811865476, 0.7071067811865476) * 0.01 * sin(Double.pi * min(1, Double(k) * dt / T)) }
        let b = ReachMetrics(positions: bowed, dt: dt, target: target)
        #expect(abs(b.maxPerpendicularError - 0.01) < 1e-4 && b.lateralError > 0.009)
    }

    /// An endpoint force toward the target with damping brings the hand there (curved up to
    /// ~1 cm, since the arm's endpoint inertia is anisotropic and this controller does not
    /// compensate it); the same controller in the Shadmehr field is pushed much further off
    /// the line, and a catch trial is not.
    @Test func forceFieldDeflectsAnUnadaptedReach() {
        func reach(_ trial: Trial) -> [String: Double] {
            var task = CenterOutTask()
            var obs = task.reset(trial)
            while true {
                let force = 60 * (obs.target! - obs.hand) - 12 * obs.handVelocity
                let t = task.step(MotorCommand(force: force), dt: 0.001)
                obs = t.observation
                if t.done { return t.info }
            }
        }
        let field = Perturbation.forceField(Perturbation.shadmehrField)
        for k in [0, 2, 5] {
            let null = reach(Trial(target: k)), perturbed = reach(Trial(target: k, perturbation: field))
            let caught = reach(Trial(target: k, perturbation: field, isCatch: true))
            #expect(null["arrived"] == 1, "target \(k): \(null)")
            let n = null["max_perpendicular_error_m"]!, f = perturbed["max_perpendicular_error_m"]!
            #expect(abs(n) < 0.015)
            #expect(abs(f - n) > 0.03, "target \(k): null \(n), field \(f)")
            #expect(caught == null)
        }
    }
}
