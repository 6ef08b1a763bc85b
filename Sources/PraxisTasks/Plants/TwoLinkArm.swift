#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A planar two-link arm (shoulder and elbow) moving in the horizontal plane, with the
/// segment parameters of Shadmehr & Mussa-Ivaldi (1994, J Neurosci 14:3208, Table 1) and
/// intrinsic joint viscosity. The shoulder is at the origin; x points right, y forward.
///
/// Dynamics: `M(q)·q̈ + C(q, q̇)·q̇ + B_j·q̇ = τ + Jᵀ(q)·F`, where τ are joint torques from
/// the motor command and F the endpoint force of the environment (a force field, a
/// channel wall). Integrated with classical Runge–Kutta (fourth order) at the engine's step,
/// torque and endpoint force held over the step.
public struct TwoLinkArm: Sendable {
    /// Segment and joint parameters.
    public struct Parameters: Sendable, Equatable, Codable {
        public var upperLength = 0.30, foreLength = 0.33          // m
        public var upperMass = 1.93, foreMass = 1.52              // kg
        public var upperInertia = 0.0141, foreInertia = 0.0188    // kg·m² about the centre of mass
        public var upperCentre = 0.165, foreCentre = 0.19         // m from the proximal joint
        /// Joint viscosity (N·m·s/rad): the intrinsic damping matrix used in the same
        /// paper's simulations, [[0.05, 0.025], [0.025, 0.05]].
        public var viscosity = Matrix2(0.05, 0.025, 0.025, 0.05)
        public init() {}
    }

    /// Joint angles (rad), shoulder then elbow (elbow 0 = straight arm).
    public var angles: SIMD2<Double>
    /// Joint velocities (rad/s).
    public var velocities: SIMD2<Double> = .zero
    public let parameters: Parameters

    public init(parameters: Parameters = .init(), angles: SIMD2<Double>) {
        self.parameters = parameters
        self.angles = angles
    }

    /// The arm with its hand at `hand` (m), elbow bent to the left of the shoulder–hand line
    /// (a right arm in front of the body), at rest.
    public init(parameters: Parameters = .init(), hand: SIMD2<Double>) {
        let l1 = parameters.upperLength, l2 = parameters.foreLength
        let d2 = (hand * hand).sum()
        let cosElbow = max(-1, min(1, (d2 - l1 * l1 - l2 * l2) / (2 * l1 * l2)))
        let elbow = acos(cosElbow)
        let shoulder = atan2(hand.y, hand.x) - atan2(l2 * sin(elbow), l1 + l2 * cosElbow)
        self.init(parameters: parameters, angles: [shoulder, elbow])
    }

    /// Hand position (m).
    public var hand: SIMD2<Double> { Self.hand(angles, parameters) }

    /// Hand velocity (m/s): `J(q)·q̇`.
    public var handVelocity: SIMD2<Double> { jacobian.apply(velocities) }

    /// The Jacobian ∂hand/∂q at the current posture.
    public var jacobian: Matrix2 { Self.jacobian(angles, parameters) }

    /// Hand position (m), hand velocity (m/s) and the Jacobian at one posture.
    public typealias Kinematics = (hand: SIMD2<Double>, velocity: SIMD2<Double>, jacobian: Matrix2)

    /// The kinematics from one evaluation of the posture's sines and cosines (what a task
    /// reads every step).
    public var kinematics: Kinematics {
        let pose = Pose(angles), j = Self.jacobian(pose, parameters)
        return (Self.hand(pose, parameters), j.apply(velocities), j)
    }

    /// Kinetic energy (J): `½ q̇ᵀ M(q) q̇` (the arm moves in the horizontal plane: no gravity).
    public var kineticEnergy: Double { 0.5 * (velocities * Self.inertia(angles, parameters).apply(velocities)).sum() }

    /// Advances by `dt` seconds under joint torques `torque` (N·m) and an endpoint force
    /// `force(hand, handVelocity)` (N), evaluated at every Runge–Kutta stage.
    public mutating func step(dt: Double, torque: SIMD2<Double>,
                              force: (_ hand: SIMD2<Double>, _ velocity: SIMD2<Double>) -> SIMD2<Double> = { _, _ in .zero }) {
        let p = parameters
        func derivative(_ q: SIMD2<Double>, _ dq: SIMD2<Double>) -> (SIMD2<Double>, SIMD2<Double>) {
            let pose = Pose(q)
            let j = Self.jacobian(pose, p)
            let f = force(Self.hand(pose, p), j.apply(dq))
            let total = torque + j.transposed.apply(f) - p.viscosity.apply(dq) - Self.coriolis(pose, dq, p)
            return (dq, Self.inertia(pose, p).solve(total))
        }
        let q = angles, v = velocities
        let (k1q, k1v) = derivative(q, v)
        let (k2q, k2v) = derivative(q + 0.5 * dt * k1q, v + 0.5 * dt * k1v)
        let (k3q, k3v) = derivative(q + 0.5 * dt * k2q, v + 0.5 * dt * k2v)
        let (k4q, k4v) = derivative(q + dt * k3q, v + dt * k3v)
        angles = q + dt / 6 * (k1q + 2 * k2q + 2 * k3q + k4q)
        velocities = v + dt / 6 * (k1v + 2 * k2v + 2 * k3v + k4v)
    }

    // MARK: Kinematics and dynamics

    /// The sines and cosines a posture's kinematics and dynamics need, computed once per
    /// Runge–Kutta stage (six calls instead of ten).
    struct Pose {
        let s1: Double, c1: Double, s12: Double, c12: Double, s2: Double, c2: Double
        init(_ q: SIMD2<Double>) {
            s1 = sin(q.x); c1 = cos(q.x); s12 = sin(q.x + q.y); c12 = cos(q.x + q.y); s2 = sin(q.y); c2 = cos(q.y)
        }
    }

    static func hand(_ q: SIMD2<Double>, _ p: Parameters) -> SIMD2<Double> { hand(Pose(q), p) }

    static func hand(_ pose: Pose, _ p: Parameters) -> SIMD2<Double> {
        SIMD2(p.upperLength * pose.c1 + p.foreLength * pose.c12, p.upperLength * pose.s1 + p.foreLength * pose.s12)
    }

    static func jacobian(_ q: SIMD2<Double>, _ p: Parameters) -> Matrix2 { jacobian(Pose(q), p) }

    static func jacobian(_ pose: Pose, _ p: Parameters) -> Matrix2 {
        let l1 = p.upperLength, l2 = p.foreLength
        return Matrix2(-l1 * pose.s1 - l2 * pose.s12, -l2 * pose.s12, l1 * pose.c1 + l2 * pose.c12, l2 * pose.c12)
    }

    /// Inertia matrix M(q).
    static func inertia(_ q: SIMD2<Double>, _ p: Parameters) -> Matrix2 { inertia(Pose(q), p) }

    static func inertia(_ pose: Pose, _ p: Parameters) -> Matrix2 {
        let l1 = p.upperLength, r1 = p.upperCentre, r2 = p.foreCentre
        let m1 = p.upperMass, m2 = p.foreMass, c2 = pose.c2
        let m11 = p.upperInertia + p.foreInertia + m1 * r1 * r1 + m2 * (l1 * l1 + r2 * r2 + 2 * l1 * r2 * c2)
        let m12 = p.foreInertia + m2 * (r2 * r2 + l1 * r2 * c2)
        let m22 = p.foreInertia + m2 * r2 * r2
        return Matrix2(m11, m12, m12, m22)
    }

    /// Coriolis and centripetal torques C(q, q̇)·q̇.
    static func coriolis(_ q: SIMD2<Double>, _ dq: SIMD2<Double>, _ p: Parameters) -> SIMD2<Double> { coriolis(Pose(q), dq, p) }

    static func coriolis(_ pose: Pose, _ dq: SIMD2<Double>, _ p: Parameters) -> SIMD2<Double> {
        let h = p.foreMass * p.upperLength * p.foreCentre * pose.s2
        return SIMD2(-h * dq.y * (2 * dq.x + dq.y), h * dq.x * dq.x)
    }
}
