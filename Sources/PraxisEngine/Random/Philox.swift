/// Philox4x32-10, a counter-based random function (Salmon, Moraes, Dror & Shaw 2011,
/// "Parallel random numbers: as easy as 1, 2, 3", SC'11). The output for a (counter, key)
/// pair depends on nothing else, so any unit at any step can draw its numbers in any order
/// on any thread and get the same values. Cost: ten rounds of two 32×32→64 multiplies.
public enum Philox {
    static let m0: UInt32 = 0xD251_1F53
    static let m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9
    static let w1: UInt32 = 0xBB67_AE85

    /// Four 32-bit words for `counter` under `key`.
    @inline(__always)
    public static func block(_ counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c = counter
        var k0 = key.x, k1 = key.y
        for _ in 0..<10 {
            let p0 = UInt64(m0) &* UInt64(c.x)
            let p1 = UInt64(m1) &* UInt64(c.z)
            c = SIMD4(UInt32(truncatingIfNeeded: p1 >> 32) ^ c.y ^ k0,
                      UInt32(truncatingIfNeeded: p1),
                      UInt32(truncatingIfNeeded: p0 >> 32) ^ c.w ^ k1,
                      UInt32(truncatingIfNeeded: p0))
            k0 &+= w0; k1 &+= w1
        }
        return c
    }

    /// A uniform Float in (0, 1) from 24 high bits of a word (never exactly 0 or 1).
    @inline(__always)
    public static func unit(_ word: UInt32) -> Float {
        (Float(word >> 8) + 0.5) * (1.0 / 16_777_216.0)
    }

    /// Four independent standard normals from one block: two Box–Muller pairs in single
    /// precision (the run-time noise of rate units, where a draw per unit per step makes the
    /// transcendental functions the cost).
    @inline(__always)
    public static func normals(_ w: SIMD4<UInt32>) -> SIMD4<Float> {
        let r0 = (-2 * Libm.log(unit(w.x))).squareRoot(), t0 = 2 * Float.pi * unit(w.y)
        let r1 = (-2 * Libm.log(unit(w.z))).squareRoot(), t1 = 2 * Float.pi * unit(w.w)
        return SIMD4(r0 * Libm.cos(t0), r0 * Libm.sin(t0), r1 * Libm.cos(t1), r1 * Libm.sin(t1))
    }

    /// The first of `normals(a, b)` alone (no sine computed), bit for bit.
    @inline(__always)
    public static func normal(_ a: UInt32, _ b: UInt32) -> Float {
        let u1 = Double(unit(a)), u2 = Double(unit(b))
        let r = (-2 * Libm.log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        return Float(r * Libm.cos(theta))
    }

    /// Two independent standard normals from two words (Box–Muller).
    @inline(__always)
    public static func normals(_ a: UInt32, _ b: UInt32) -> (Float, Float) {
        let u1 = Double(unit(a)), u2 = Double(unit(b))
        let r = (-2 * Libm.log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        return (Float(r * Libm.cos(theta)), Float(r * Libm.sin(theta)))
    }
}

