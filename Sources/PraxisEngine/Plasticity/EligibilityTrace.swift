/// The rise/decay filter shared by the trace-based rules: `h ← h·e^{−dt/τr} + x·dt`,
/// `e ← e·e^{−dt/τd} + h·dt/τr` (a difference-of-exponentials kernel peaking at
/// τr·τd/(τd − τr)·ln(τd/τr)), or `e ← e·e^{−dt/τd} + x·dt` without a rise. Its factors
/// are computed once per dt at build time, not in the step.
struct EligibilityTrace: Sendable {
    let riseDecay: Float
    let decay: Float
    let riseGain: Float
    let hasRise: Bool

    init(riseS: Float, decayS: Float, dt: Double) {
        hasRise = riseS > 0
        riseDecay = hasRise ? Float(Libm.exp(-dt / Double(riseS))) : 0
        decay = Float(Libm.exp(-dt / Double(decayS)))
        riseGain = hasRise ? Float(dt) / riseS : 0
    }

    /// Advances one trace pair by one step with input `x` (already multiplied by dt) and
    /// returns the new eligibility.
    @inline(__always)
    func advance(_ h: UnsafeMutablePointer<Float>, _ e: UnsafeMutablePointer<Float>, _ k: Int, input x: Float) -> Float {
        let ek: Float
        if hasRise {
            let hk = h[k] * riseDecay + x
            h[k] = hk
            ek = e[k] * decay + hk * riseGain
        } else {
            ek = e[k] * decay + x
        }
        e[k] = ek
        return ek
    }

    /// Advances the traces of units 0..<n, unit k taking input `x[k]·dt`, eight at a time;
    /// each lane computes what `advance` computes, so the traces are bit-identical to it.
    @inline(__always)
    func advanceAll(_ h: UnsafeMutablePointer<Float>, _ e: UnsafeMutablePointer<Float>, count n: Int,
                    input x: UnsafeMutablePointer<Float>, dt: Float) {
        let dt8 = SIMD8<Float>(repeating: dt), decay8 = SIMD8<Float>(repeating: decay)
        let rise8 = SIMD8<Float>(repeating: riseDecay), gain8 = SIMD8<Float>(repeating: riseGain)
        var k = 0
        while k + 8 <= n {
            let input = x.load8(k) * dt8
            if hasRise {
                let hk = h.load8(k) * rise8 + input
                h.store8(hk, k)
                e.store8(e.load8(k) * decay8 + hk * gain8, k)
            } else {
                e.store8(e.load8(k) * decay8 + input, k)
            }
            k += 8
        }
        while k < n { _ = advance(h, e, k, input: x[k] * dt); k += 1 }
    }
}
