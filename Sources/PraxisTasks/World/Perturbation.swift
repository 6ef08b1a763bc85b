/// What the environment does to a reach: a force on the hand, a transformation of the seen
/// cursor, or a channel that clamps the movement to the straight line.
public enum Perturbation: Sendable, Equatable, Codable {
    case none
    /// Velocity-dependent force field `F = B·ẋ` (N, with ẋ in m/s).
    case forceField(Matrix2)
    /// Visuomotor rotation: the cursor is the hand's displacement from the start rotated by
    /// `degrees` counter-clockwise.
    case rotation(degrees: Double)
    /// Error-clamp channel (Scheidt et al. 2000, J Neurophysiol 83:3208): a stiff, damped
    /// wall along the start–target line holds lateral error near zero while the force the
    /// subject presses into it is measured.
    case errorClamp(stiffness: Double = 2000, damping: Double = 50)

    /// The field of Shadmehr & Mussa-Ivaldi (1994): B = [[−10.1, −11.2], [−11.2, 11.1]] N·s/m.
    public static let shadmehrField = Matrix2(-10.1, -11.2, -11.2, 11.1)

    /// A curl field of gain `b` N·s/m: F = [[0, b], [−b, 0]]·ẋ, clockwise for b > 0.
    public static func curl(_ b: Double) -> Matrix2 { Matrix2(0, b, -b, 0) }

    /// Endpoint force on the hand (N) for a reach from `start` to `target`.
    public func force(hand: SIMD2<Double>, velocity: SIMD2<Double>, start: SIMD2<Double>, target: SIMD2<Double>) -> SIMD2<Double> {
        switch self {
        case .none, .rotation: return .zero
        case .forceField(let b): return b.apply(velocity)
        case .errorClamp(let k, let c):
            let axis = target - start
            let length = (axis * axis).sum().squareRoot()
            guard length > 0 else { return .zero }
            let u = axis / length, normal = SIMD2<Double>(-u.y, u.x)
            let offset = ((hand - start) * normal).sum(), speed = (velocity * normal).sum()
            return -(k * offset + c * speed) * normal
        }
    }

    /// The cursor the subject sees for a hand at `hand`, reaching from `start`.
    public func cursor(hand: SIMD2<Double>, start: SIMD2<Double>) -> SIMD2<Double> {
        guard case .rotation(let degrees) = self else { return hand }
        return start + Matrix2.rotation(degrees * .pi / 180).apply(hand - start)
    }
}
