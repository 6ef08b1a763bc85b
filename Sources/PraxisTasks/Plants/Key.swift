/// A one-dimensional plant: a mass on a return spring with viscous damping, pushed along its
/// axis — a lever with the hand on it, or a key with the finger on it. It is integrated by
/// semi-implicit (symplectic) Euler, stable at the engine's 1 ms step for these stiffnesses
/// (ω·dt = √(k/m)·dt ≪ 2).
public struct Key: Sendable, Equatable {
    /// Moving mass (kg), return spring (N/m) and damping (N·s/m).
    public let mass: Double, spring: Double, damping: Double
    /// A mechanical stop at the rest position: the key cannot be pulled up past it (a lever
    /// has none and moves both ways).
    public let stopsAtRest: Bool
    /// Displacement along the axis from rest (m) and its rate (m/s).
    public private(set) var position = 0.0, velocity = 0.0

    public init(mass: Double, spring: Double, damping: Double, stopsAtRest: Bool) {
        precondition(mass > 0 && spring >= 0 && damping >= 0, "a key needs positive mass and non-negative spring and damping")
        self.mass = mass; self.spring = spring; self.damping = damping; self.stopsAtRest = stopsAtRest
    }

    /// Back at rest.
    public mutating func reset() { position = 0; velocity = 0 }

    /// Advances by `dt` seconds under `force` (N) along the axis.
    public mutating func step(force: Double, dt: Double) {
        velocity += dt * (force - spring * position - damping * velocity) / mass
        position += dt * velocity
        if stopsAtRest && position < 0 { position = 0; velocity = max(0, velocity) }
    }
}
