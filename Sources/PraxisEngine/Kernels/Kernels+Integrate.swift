/// The per-step work of the engine, one static function per model and phase. Each kernel
/// takes its buffers' base pointers once, runs over a unit range that is a multiple of 8,
/// and allocates nothing. They return a checksum of the state they wrote, so the simulator
/// can stop on NaN/Inf without a second pass.
enum Kernels {
    /// What an integrate kernel reports: a checksum of the state it wrote (non-finite if any
    /// value is NaN/Inf) and one past the last slot of `spikes` it filled.
    struct KernelResult {
        var check: Float
        var spikeEnd: Int
    }

    /// Rate-unit output nonlinearity.
    @inline(__always)
    static func transfer(_ t: Transfer, _ x: Float) -> Float {
        switch t {
        case .linear(let slope):
            return slope * x
        case .thresholdLinear(let th, let slope, let mx):
            return min(mx, slope * max(0, x - th))
        case .sigmoid(let th, let slope, let mx):
            return mx / (1 + Libm.exp(-slope * (x - th)))
        case .tanh(let th, let slope):
            return Libm.tanh(slope * (x - th))
        }
    }

    /// A linear or threshold-linear transfer taken apart once per kernel call, applied eight
    /// units at a time; lane for lane the same arithmetic as `transfer`. Nil for sigmoid and
    /// tanh, which need a library call per unit.
    struct LinearShape {
        let thresholded: Bool
        let threshold: SIMD8<Float>, slope: SIMD8<Float>, max: SIMD8<Float>
        init?(_ t: Transfer) {
            switch t {
            case .linear(let k):
                (thresholded, threshold, slope, max) = (false, .zero, .init(repeating: k), .zero)
            case .thresholdLinear(let th, let k, let mx):
                (thresholded, threshold, slope, max) = (true, .init(repeating: th), .init(repeating: k), .init(repeating: mx))
            case .sigmoid, .tanh:
                return nil
            }
        }
        @inline(__always) func apply(_ x: SIMD8<Float>) -> SIMD8<Float> {
            guard thresholded else { return slope * x }
            var above = x - threshold
            above.replace(with: 0, where: above .< 0)
            var y = slope * above
            y.replace(with: max, where: y .>= max)
            return y
        }
    }

    /// 1 in lanes 0..<n of eight, 0 in the rest: the live units of a padded chunk (a
    /// population's last eight, a dense row's last posts).
    @inline(__always)
    static func liveLanes(_ n: Int) -> SIMD8<Float> {
        SIMD8<Float>(repeating: 1).replacing(with: 0, where: SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8<Int32>(repeating: Int32(n)))
    }

    /// Magnitude below which a rate unit's state and output count as zero (1e-7 of a unit
    /// that saturates near 1: far below any noise or effect the circuit resolves).
    static let silentOutput: Float = 1e-7

    /// Rate unit, exact for piecewise-constant input:
    /// `x ← I + (x − I)·e^{−dt/τ} + (σ + k·|r|)·sqrt(1 − e^{−2dt/τ})·N(0,1)`,
    /// `I = g·(exc + ext) − inh + bias − β·a`, then `r = f(x)` and `a ← r + (a − r)·e^{−dt/τ_a}`
    /// (the gain scales all excitatory drive, synaptic and external, so gain 0 silences a lesion).
    /// The state update runs as one loop and the transfer as another, so neither branches per unit.
    static func integrateRate(_ p: Population, _ params: RateParameters, _ range: Range<Int>,
                              slot: Int, step: Int) -> KernelResult {
        let c = p.coefficients
        let x = p.v.base, out = p.output.base, a = p.s1.base
        let exc = p.ringSlot(slot, 0), inh = p.ringSlot(slot, 1)
        let g = p.unitGain.base, ext = p.external.base
        let perUnit = !p.receptors.isEmpty || p.hasModulatoryInput, hasExt = p.hasExternal
        let gain = p.gain, bias = params.bias, decay = c.decay
        let beta = params.adaptationStrength
        let lo = range.lowerBound, hi = range.upperBound
        if hasExt {
            for j in lo..<hi { exc[j] += ext[j] }
        }
        if perUnit {
            for j in lo..<hi { exc[j] *= g[j] }
        } else if gain != 1 {
            for j in lo..<hi { exc[j] *= gain }
        }
        if beta > 0 {
            for j in lo..<hi { inh[j] += beta * a[j] }
        }
        // Eight units at a time (work-item ranges are multiples of eight); the check sum
        // is only tested for finiteness, so its lanes may add in any order.
        let biasV = SIMD8<Float>(repeating: bias), decayV = SIMD8<Float>(repeating: decay)
        let silent = SIMD8<Float>(repeating: silentOutput), zero = SIMD8<Float>()
        var check8 = zero
        // Without noise or adaptation a piecewise-linear output is computed in the same pass
        // (lane for lane what the separate passes below compute; padding lanes stay zero).
        let noisy = c.noiseScale > 0 || c.signalNoiseScale > 0
        let shape = noisy || beta > 0 ? nil : LinearShape(params.transfer), size = p.size
        var j = lo
        while j < hi {
            let drive = exc.load8(j) - inh.load8(j) + biasV
            let xn = drive + (x.load8(j) - drive) * decayV
            let settled = xn.replacing(with: 0, where: (xn .< silent) .& (xn .> -silent))
            x.store8(settled, j)
            check8 += settled
            exc.store8(zero, j); inh.store8(zero, j)
            if let shape {
                var o = shape.apply(settled)
                o.replace(with: 0, where: (o .< silent) .& (o .> -silent))
                if j + 8 > size { o.replace(with: 0, where: liveLanes(size - j) .== 0) }
                out.store8(o, j)
            }
            j += 8
        }
        let check = check8.sum()
        if shape != nil { return KernelResult(check: check, spikeEnd: range.lowerBound) }
        let top = min(hi, p.size)
        if c.noiseScale > 0 || c.signalNoiseScale > 0 {
            let additive = c.noiseScale, relative = c.signalNoiseScale
            // Four units share a Philox block: unit j takes normal j % 4 of block j / 4, so a
            // unit's draw does not depend on how the units are split across threads.
            var j = lo
            while j < top {
                let group = j >> 2
                let n = Philox.normals(p.noise.words(step: step, unit: group))
                let end = min(top, (group + 1) << 2)
                while j < end {
                    x[j] += (additive + relative * abs(out[j])) * n[j & 3]
                    j += 1
                }
            }
        }
        switch params.transfer {
        case .linear(let slope):
            for j in lo..<top { out[j] = slope * x[j] }
        case .thresholdLinear(let th, let slope, let mx):
            for j in lo..<top { out[j] = min(mx, slope * max(0, x[j] - th)) }
        case .sigmoid, .tanh:
            for j in lo..<top { out[j] = transfer(params.transfer, x[j]) }
        }
        // Silence: outputs below `silentOutput` are zero, so a decaying unit stops costing
        // transmission (which skips zero rates) and never reaches subnormal floats, whose
        // arithmetic is ~100× slower on x86.
        for j in lo..<top { out[j] = abs(out[j]) < silentOutput ? 0 : out[j] }
        if beta > 0 {
            let ad = c.adaptationDecay
            for j in lo..<top { a[j] = out[j] + (a[j] - out[j]) * ad }
        }
        return KernelResult(check: check, spikeEnd: range.lowerBound)
    }

    /// Current-based LIF (see `LIFCurrentParameters`), eight units per iteration.
    /// Exact: `v ← E_L + b + (v − E_L − b)·e^{−dt/τm} + g_e·P_e − g_i·P_i` (Rotter & Diesmann 1999).
    static func integrateLIFCurrent(_ p: Population, _ q: LIFCurrentParameters, _ range: Range<Int>,
                                    slot: Int) -> KernelResult {
        let c = p.coefficients
        let v = p.v.base, ge = p.s1.base, gi = p.s2.base, ref = p.refractory.base
        let exc = p.ringSlot(slot, 0), inh = p.ringSlot(slot, 1)
        let perUnit = !p.receptors.isEmpty || p.hasModulatoryInput
        let g = p.unitGain.base, gScalar = SIMD8<Float>(repeating: p.gain)
        let ext = p.external.base, hasExt = p.hasExternal
        let exact = q.method == .exact
        let el = SIMD8<Float>(repeating: q.restV), bias = SIMD8<Float>(repeating: q.biasV)
        let vr = q.resetV, vt = SIMD8<Float>(repeating: q.thresholdV)
        let decay = SIMD8<Float>(repeating: c.decay), pe = c.propExc, pi = c.propInh
        let dE = c.decayExc, dI = c.decayInh, k = c.dtOverTau
        var check = SIMD8<Float>.zero
        var fired = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let e = ge.load8(i) + (perUnit ? g.load8(i) : gScalar) * exc.load8(i)
            let h = gi.load8(i) + inh.load8(i)
            exc.store8(.zero, i); inh.store8(.zero, i)
            let drive = hasExt ? bias + (perUnit ? g.load8(i) : gScalar) * ext.load8(i) : bias
            let v0 = v.load8(i)
            var v1: SIMD8<Float>
            if exact {
                let rest = el + drive
                v1 = rest + (v0 - rest) * decay + e * pe - h * pi
            } else {
                v1 = v0 + k * (el - v0 + e - h + drive)
            }
            var r = ref.load8(i)
            (v1, r) = refractoryAndSpikes(v1, r, vr: vr, vt: vt, refSteps: c.refractorySteps,
                                          base: i, size: p.size, spikes: p.spikes.base, fired: &fired)
            v.store8(v1, i); ref.store8(r, i)
            ge.store8(e * dE, i); gi.store8(h * dI, i)
            check += v1
            i += 8
        }
        updateActivity(p, range, fired)
        return KernelResult(check: check.sum(), spikeEnd: fired)
    }

    /// Conductance-based LIF (see `LIFConductanceParameters`), eight units per iteration.
    /// Exact mode is exponential Euler with conductances frozen over the step:
    /// `v ← v∞ + (v − v∞)·exp(−dt·G/τm)`, `G = 1 + g_e + g_i`, `v∞ = (E_L + g_e E_e + g_i E_i + b)/G`.
    static func integrateLIFConductance(_ p: Population, _ q: LIFConductanceParameters,
                                        _ range: Range<Int>, slot: Int) -> KernelResult {
        let c = p.coefficients
        let v = p.v.base, ge = p.s1.base, gi = p.s2.base, ref = p.refractory.base
        let exc = p.ringSlot(slot, 0), inh = p.ringSlot(slot, 1)
        let perUnit = !p.receptors.isEmpty || p.hasModulatoryInput
        let g = p.unitGain.base, gScalar = SIMD8<Float>(repeating: p.gain)
        let ext = p.external.base, hasExt = p.hasExternal
        let exact = q.method == .exact
        let el = SIMD8<Float>(repeating: q.leakV), ee = SIMD8<Float>(repeating: q.excReversalV)
        let ei = SIMD8<Float>(repeating: q.inhReversalV), bias = SIMD8<Float>(repeating: q.biasV)
        let vr = q.resetV, vt = SIMD8<Float>(repeating: q.thresholdV)
        let negK = SIMD8<Float>(repeating: -c.dtOverTau), k = c.dtOverTau
        let dE = c.decayExc, dI = c.decayInh
        var check = SIMD8<Float>.zero
        var fired = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let e = ge.load8(i) + (perUnit ? g.load8(i) : gScalar) * exc.load8(i)
            let h = gi.load8(i) + inh.load8(i)
            exc.store8(.zero, i); inh.store8(.zero, i)
            let drive = hasExt ? bias + (perUnit ? g.load8(i) : gScalar) * ext.load8(i) : bias
            let v0 = v.load8(i)
            var v1: SIMD8<Float>
            if exact {
                let total = 1 + e + h
                let vInf = (el + e * ee + h * ei + drive) / total
                v1 = vInf + (v0 - vInf) * fastExp(negK * total)
            } else {
                v1 = v0 + k * (e * (ee - v0) + h * (ei - v0) - (v0 - el) + drive)
            }
            var r = ref.load8(i)
            (v1, r) = refractoryAndSpikes(v1, r, vr: vr, vt: vt, refSteps: c.refractorySteps,
                                          base: i, size: p.size, spikes: p.spikes.base, fired: &fired)
            v.store8(v1, i); ref.store8(r, i)
            ge.store8(e * dE, i); gi.store8(h * dI, i)
            check += v1
            i += 8
        }
        updateActivity(p, range, fired)
        return KernelResult(check: check.sum(), spikeEnd: fired)
    }

    /// Clamps refractory lanes at reset and counts them down, then detects threshold
    /// crossings, resets them and appends their indices at `spikes[fired...]`.
    ///
    /// Masks are built as integer lanes (all ones / zero) and blended with bit operations:
    /// on this toolchain `SIMDMask` and `replacing(with:where:)` compile to per-lane loops.
    @inline(__always)
    static func refractoryAndSpikes(_ v: SIMD8<Float>, _ r: SIMD8<Int32>, vr: Float, vt: SIMD8<Float>,
                                    refSteps: Int32, base: Int, size: Int,
                                    spikes: UnsafeMutablePointer<Int32>, fired: inout Int)
        -> (SIMD8<Float>, SIMD8<Int32>) {
        // r ≥ 0, so (0 − r) >> 31 is all ones exactly when r > 0.
        let inRefractory = (SIMD8<Int32>.zero &- r) &>> 31
        let reset = SIMD8<Int32>(repeating: Int32(bitPattern: vr.bitPattern))
        var bits = unsafeBitCast(v, to: SIMD8<Int32>.self)
        bits = (reset & inRefractory) | (bits & ~inRefractory)
        let r1 = r &+ inRefractory
        let v1 = unsafeBitCast(bits, to: SIMD8<Float>.self)
        // Sign bit of vt − v is set exactly when v > vt (x − x is +0).
        let crossed = unsafeBitCast(vt - v1, to: SIMD8<Int32>.self) &>> 31
        if crossed.wrappedSum() == 0 { return (v1, r1) }
        var vOut = v1, rOut = r1
        for lane in 0..<8 where crossed[lane] != 0 && base + lane < size {
            spikes[fired] = Int32(base + lane); fired += 1
            vOut[lane] = vr; rOut[lane] = refSteps
        }
        return (vOut, rOut)
    }

    /// Updates the plasticity activity trace (τ = 20 ms, Hz) of a spiking population's
    /// range from this step's spikes `spikes[range.lowerBound..<fired]`, if a rule reads it.
    @inline(__always)
    static func updateActivity(_ p: Population, _ range: Range<Int>, _ fired: Int) {
        let a = p.activity.base
        if p.needsActivity {
            let d = p.coefficients.activityDecay, jump = p.coefficients.activityJump
            for j in range { a[j] *= d }
            for s in range.lowerBound..<fired { a[Int(p.spikes[s])] += jump }
        }
    }

    /// Izhikevich (2003) with Euler substeps of h ≤ 0.25 ms, as in the published code.
    static func integrateIzhikevich(_ p: Population, _ q: IzhikevichParameters, _ range: Range<Int>,
                                    slot: Int) -> KernelResult {
        let c = p.coefficients
        let v = p.v.base, u = p.s1.base, isyn = p.s2.base
        let exc = p.ringSlot(slot, 0), inh = p.ringSlot(slot, 1)
        let perUnit = !p.receptors.isEmpty || p.hasModulatoryInput
        let g = p.unitGain.base, gain = p.gain
        let ext = p.external.base, hasExt = p.hasExternal
        let h = c.hMs
        var check: Float = 0
        var fired = range.lowerBound
        for j in range {
            var s = isyn[j] + (perUnit ? g[j] : gain) * exc[j] - inh[j]
            exc[j] = 0; inh[j] = 0
            let current = s + q.bias + (hasExt ? (perUnit ? g[j] : gain) * ext[j] : 0)
            var vj = v[j], uj = u[j]
            var spiked = false
            for _ in 0..<c.substeps {
                vj += h * (0.04 * vj * vj + 5 * vj + 140 - uj + current)
                uj += h * q.a * (q.b * vj - uj)
                if vj >= 30 { spiked = true; vj = q.c; uj += q.d }
            }
            if spiked && j < p.size { p.spikes[fired] = Int32(j); fired += 1 }
            s *= c.decayExc
            v[j] = vj; u[j] = uj; isyn[j] = s
            check += vj + uj
        }
        updateActivity(p, range, fired)
        return KernelResult(check: check, spikeEnd: fired)
    }

    /// Poisson sources: unit j spikes at step t if a Philox uniform addressed by (t, j) is
    /// below rate·dt, so the draw does not depend on how units are split across threads.
    static func integratePoisson(_ p: Population, _ range: Range<Int>, step: Int) -> KernelResult {
        let prob = p.coefficients.spikeProbability
        var fired = range.lowerBound
        for j in range where j < p.size {
            if Philox.unit(p.noise.words(step: step, unit: j).x) < prob {
                p.spikes[fired] = Int32(j); fired += 1
            }
        }
        updateActivity(p, range, fired)
        return KernelResult(check: 0, spikeEnd: fired)
    }

    /// Pulse train: output = amplitude × (fraction of the step covered by pulses), so the
    /// delivered charge is right even when pulses are shorter than dt.
    static func integratePulseTrain(_ p: Population, _ q: PulseTrainParameters, _ range: Range<Int>,
                                    step: Int, dt: Double) -> KernelResult {
        let t0 = Double(step) * dt, t1 = t0 + dt
        let period = 1 / Double(q.frequencyHz), width = Double(q.pulseWidthMs) * 1e-3
        let phase = Double(q.phaseMs) * 1e-3
        var covered = 0.0
        var k = ((t0 - phase - width) / period).rounded(.down)
        while phase + k * period < t1 {
            let start = phase + k * period
            if start + width > t0 { covered += min(t1, start + width) - max(t0, start) }
            k += 1
        }
        let value = Float(Double(q.amplitude) * max(0, covered) / dt)
        p.output.fill(value, range.clamped(to: 0..<p.size))
        return KernelResult(check: value, spikeEnd: range.lowerBound)
    }
}
