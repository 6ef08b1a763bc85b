extension Kernels {
    /// Transmit phase for one projection: adds this step's presynaptic signal, through the
    /// weights, into the target's input ring `delaySteps` ahead.
    ///
    /// Spiking sources are event-driven (cost ∝ spikes × out-degree); rate sources sum over
    /// non-zero rates. Units: a spike adds `w` to a spiking target (a conductance or current
    /// jump) and `w/dt` to a rate target; a rate `r` adds `w·r` to a rate target and `w·r·dt`
    /// to a spiking target, so the mean drive is the same either way.
    static func transmit(_ j: Projection, source: Population, target: Population, step: Int) {
        let slot = (step + j.delaySteps) & target.ringMask
        let dst = target.ringSlot(slot, j.channel)
        let factor = j.unitFactor * j.scale
        if source.model.isSpiking {
            let spikes = source.spikes.base
            var events = 0
            for s in 0..<source.spikeCount {
                let i = Int(spikes[s])
                scatterRow(j, i, factor, dst)
                events += j.row(i).count
            }
            j.events += events
        } else if j.isDiagonal {
            // Branch-free: a silent unit adds a zero, which leaves the sum as it was. Eight
            // units at a time: the source's output, the weights and the target's input are
            // all padded to eight with zeros, and a padding lane adds 0 · 0.
            let r = source.output.base, w = j.weights.base, f = SIMD8<Float>(repeating: factor)
            var i = 0
            while i < j.nPre {
                dst.store8(dst.load8(i) + r.load8(i) * f * w.load8(i), i)
                i += 8
            }
        } else if j.storage == .dense && (j.stride == 8 || j.stride == 16 || j.stride == 32) {
            // Narrow targets (a microzone's Purkinje cells, M1): the target's row is held in
            // registers across all pre units rather than stored and reloaded per row.
            let r = source.output.base
            switch j.stride {
            case 8: gatherDense8(j, r, factor, dst)
            case 16: gatherDense16(j, r, factor, dst)
            default: gatherDense32(j, r, factor, dst)
            }
        } else {
            let r = source.output.base
            for i in 0..<j.nPre where r[i] != 0 {
                scatterRow(j, i, r[i] * factor, dst)
            }
        }
    }

    // `dst += Σ_i r[i] · factor · row_i` for a dense projection of stride 8, 16 or 32, with
    // the target's row in one, two or four registers. Each lane is summed in the same order
    // as `scatterRow` sums it, so the result is bit-identical to it.

    @inline(__always)
    static func gatherDense8(_ j: Projection, _ r: UnsafeMutablePointer<Float>, _ factor: Float, _ dst: UnsafeMutablePointer<Float>) {
        let w = j.weights.base
        var s0 = dst.load8(0)
        for i in 0..<j.nPre where r[i] != 0 {
            s0 = s0 + SIMD8(repeating: r[i] * factor) * w.load8(i * 8)
        }
        dst.store8(s0, 0)
    }

    @inline(__always)
    static func gatherDense16(_ j: Projection, _ r: UnsafeMutablePointer<Float>, _ factor: Float, _ dst: UnsafeMutablePointer<Float>) {
        let w = j.weights.base
        var s0 = dst.load8(0), s1 = dst.load8(8)
        for i in 0..<j.nPre where r[i] != 0 {
            let a = SIMD8(repeating: r[i] * factor), row = w + i * 16
            s0 = s0 + a * row.load8(0); s1 = s1 + a * row.load8(8)
        }
        dst.store8(s0, 0); dst.store8(s1, 8)
    }

    @inline(__always)
    static func gatherDense32(_ j: Projection, _ r: UnsafeMutablePointer<Float>, _ factor: Float, _ dst: UnsafeMutablePointer<Float>) {
        let w = j.weights.base
        var s0 = dst.load8(0), s1 = dst.load8(8), s2 = dst.load8(16), s3 = dst.load8(24)
        for i in 0..<j.nPre where r[i] != 0 {
            let a = SIMD8(repeating: r[i] * factor), row = w + i * 32
            s0 = s0 + a * row.load8(0); s1 = s1 + a * row.load8(8)
            s2 = s2 + a * row.load8(16); s3 = s3 + a * row.load8(24)
        }
        dst.store8(s0, 0); dst.store8(s1, 8); dst.store8(s2, 16); dst.store8(s3, 24)
    }

    /// `dst[post] += amount · w` over pre unit `i`'s row.
    @inline(__always)
    static func scatterRow(_ j: Projection, _ i: Int, _ amount: Float, _ dst: UnsafeMutablePointer<Float>) {
        let w = j.weights.base
        if j.storage == .dense {
            let row = w + i * j.stride
            let a = SIMD8<Float>(repeating: amount)
            var k = 0
            while k < j.stride {
                dst.store8(dst.load8(k) + a * row.load8(k), k)
                k += 8
            }
        } else {
            let cols = j.columns.base
            let start = Int(j.rowStart[i]), end = Int(j.rowStart[i + 1])
            var k = start
            while k < end {
                dst[Int(cols[k])] += amount * w[k]
                k += 1
            }
        }
    }
}
