import Testing
@testable import PraxisTasks

@Suite struct TwoLinkArmTests {
    static let start = SIMD2<Double>(0, 0.45)

    static func frictionless() -> TwoLinkArm.Parameters {
        var p = TwoLinkArm.Parameters()
        p.viscosity = .zero
        return p
    }

    @Test func inverseKinematicsPlacesTheHand() {
        for hand in [SIMD2<Double>(0, 0.45), [0.1, 0.45], [-0.07, 0.52], [0.05, 0.38]] {
            let arm = TwoLinkArm(hand: hand)
            #expect(abs(arm.hand.x - hand.x) < 1e-12 && abs(arm.hand.y - hand.y) < 1e-12, "\(arm.hand) vs \(hand)")
            #expect(arm.angles.y > 0, "elbow flexed")
        }
    }

    @Test func jacobianMatchesFiniteDifferences() {
        let arm = TwoLinkArm(hand: Self.start), h = 1e-6
        let j = arm.jacobian
        for k in 0..<2 {
            var dq = SIMD2<Double>.zero; dq[k] = h
            let plus = TwoLinkArm.hand(arm.angles + dq, arm.parameters), minus = TwoLinkArm.hand(arm.angles - dq, arm.parameters)
            let column = (plus - minus) / (2 * h)
            let expected: SIMD2<Double> = k == 0 ? [j.a, j.c] : [j.b, j.d]
            #expect(abs(column.x - expected.x) < 1e-8 && abs(column.y - expected.y) < 1e-8)
        }
    }

    /// Without torque, viscosity or field the arm's kinetic energy is conserved.
    @Test func freeMotionConservesEnergy() {
        var arm = TwoLinkArm(parameters: Self.frictionless(), hand: Self.start)
        arm.velocities = [1.5, -2.0]
        let e0 = arm.kineticEnergy
        for _ in 0..<1000 { arm.step(dt: 0.001, torque: .zero) }
        #expect(abs(arm.kineticEnergy - e0) < 1e-7 * e0, "ΔE/E = \((arm.kineticEnergy - e0) / e0)")
    }

    /// A curl field does no work; a general field changes the energy by ∫ ẋᵀ B ẋ dt, and joint
    /// viscosity dissipates it.
    @Test func fieldPowerBalance() {
        var arm = TwoLinkArm(parameters: Self.frictionless(), hand: Self.start)
        arm.velocities = [1.0, 1.5]
        let e0 = arm.kineticEnergy
        let curl = Perturbation.forceField(Perturbation.curl(13))
        for _ in 0..<500 {
            arm.step(dt: 0.001, torque: .zero) { curl.force(hand: $0, velocity: $1, start: .zero, target: .zero) }
        }
        #expect(abs(arm.kineticEnergy - e0) < 1e-6 * e0)

        var b = TwoLinkArm(parameters: Self.frictionless(), hand: Self.start)
        b.velocities = [0.5, 0.8]
        let field = Perturbation.forceField(Perturbation.shadmehrField)
        var work = 0.0
        let e1 = b.kineticEnergy
        let dt = 0.0001
        for _ in 0..<3000 {
            let v0 = b.handVelocity
            b.step(dt: dt, torque: .zero) { field.force(hand: $0, velocity: $1, start: .zero, target: .zero) }
            let v1 = b.handVelocity
            let p0 = (v0 * Perturbation.shadmehrField.apply(v0)).sum(), p1 = (v1 * Perturbation.shadmehrField.apply(v1)).sum()
            work += 0.5 * (p0 + p1) * dt
        }
        let change = b.kineticEnergy - e1
        #expect(abs(change - work) < 0.01 * abs(work), "ΔE \(change) vs work \(work)")

        var damped = TwoLinkArm(hand: Self.start)
        damped.velocities = [1.0, 1.5]
        let before = damped.kineticEnergy
        for _ in 0..<200 { damped.step(dt: 0.001, torque: .zero) }
        #expect(damped.kineticEnergy < before)
    }

    @Test func errorClampHoldsTheHandOnTheLine() {
        let clamp = Perturbation.errorClamp()
        var arm = TwoLinkArm(hand: Self.start)
        let target = Self.start + [0, 0.1]
        // A lateral push of 5 N while moving forward: the channel keeps the offset small.
        for _ in 0..<500 {
            let j = arm.jacobian
            let push = j.transposed.apply([5, 8])
            arm.step(dt: 0.001, torque: push) { clamp.force(hand: $0, velocity: $1, start: Self.start, target: target) }
        }
        #expect(abs(arm.hand.x - Self.start.x) < 0.005, "lateral \(arm.hand.x - Self.start.x) m")
        #expect(Perturbation.rotation(degrees: 90).cursor(hand: Self.start + [0.1, 0], start: Self.start).y > Self.start.y + 0.099)
    }
}
