extension Kernels {
    /// Activity of a population as plasticity rules see it: the filtered spike rate of a
    /// spiking population (Hz), the output of a rate population.
    @inline(__always)
    static func activity(_ p: Population) -> UnsafeMutablePointer<Float> {
        p.model.isSpiking ? p.activity.base : p.output.base
    }

    /// Learn phase for one projection: writes its Δw buffer (and its traces) only.
    /// `modulator` is the rule's modulator (three-factor, gated Hebbian), `teacher` its
    /// teaching population (climbing fibre).
    static func learn(_ j: Projection, pre: Population, post: Population, modulator: Modulator?,
                      teacher: Population?, dt: Float) {
        switch j.learning {
        case .none: return
        case .threeFactor(let rate, let prePost, let burst, let dip, let multiplicative, let softBounds, let affinity):
            learnThreeFactor(j, rate: rate, prePost: prePost, burst: burst, dip: dip, multiplicative: multiplicative,
                             softBounds: softBounds, affinity: affinity, pre: activity(pre), post: activity(post), modulator: modulator!, dt: dt)
        case .climbingFibre(let ltd, let ltp):
            learnClimbingFibre(j, ltd: ltd, ltp: ltp, pre: activity(pre), teacher: activity(teacher!), dt: dt)
        case .oja(let rate):
            learnOja(j, rate: rate, pre: activity(pre), post: activity(post), dt: dt)
        case .stdp(let aPlus, let aMinus):
            learnSTDP(j, aPlus: aPlus, aMinus: aMinus, pre: pre, post: post)
        case .hebbian(let rate, let inverseBudget, let forgetting, let meanDecay):
            if meanDecay > 0 {
                learnCovariance(j, rate: rate, inverseBudget: inverseBudget, forgetting: forgetting, meanDecay: meanDecay,
                                pre: activity(pre), post: activity(post), gate: modulator, dt: dt)
            } else {
                learnHebbian(j, rate: rate, inverseBudget: inverseBudget, forgetting: forgetting,
                             pre: activity(pre), post: activity(post), gate: modulator, dt: dt)
            }
        }
    }

    /// Three-factor rule (see `ThreeFactorRule`): per synapse an `EligibilityTrace` of the
    /// coincidence `a_i·a_j·dt` (or `a_i·dt`), then `Δw = η·s·φ(m − tonic)·e·dt` with
    /// `φ(x) = burst·x` for x > 0 and `dip·x` otherwise (times `w` when multiplicative; with
    /// soft bounds times `2(max − w)/(max − min)` for increases, `2(w − min)/(max − min)` for
    /// decreases).
    /// With an affinity K the deviation is read as receptor occupancy, `θ(m) − θ(tonic)`
    /// with `θ(m) = m/(m + K·m₀)`, divided by θ's slope at the reference level m₀.
    static func learnThreeFactor(_ j: Projection, rate signedRate: Float, prePost: Bool, burst: Float, dip: Float,
                                 multiplicative: Bool, softBounds: Bool, affinity: Float, pre: UnsafeMutablePointer<Float>,
                                 post: UnsafeMutablePointer<Float>, modulator m: Modulator, dt: Float) {
        let h = j.traceA.base, e = j.traceB.base, dw = j.deltaW.base, w = j.weights.base
        let trace = j.trace
        let level = m.level.base, channels = m.channels, tonic = m.tonic
        let rate = signedRate * j.plasticityRate * dt
        let occupancy = ReceptorOccupancy(affinity: affinity, reference: m.referenceTonic, tonic: tonic)
        let lo = j.minWeight, hi = j.maxWeight, room = 2 / (hi - lo)
        for i in 0..<j.nPre {
            let ai = pre[i]
            let (start, count) = j.row(i)
            for t in 0..<count {
                let k = start + t, jj = j.post(start, t)
                let ek = trace.advance(h, e, k, input: (prePost ? ai * post[jj] : ai) * dt)
                let deviation = occupancy.deviation(level[jj * channels / j.nPost])
                var change = rate * deviation * (deviation > 0 ? burst : dip) * ek
                if multiplicative { change *= w[k] }
                if softBounds { change *= room * (change > 0 ? hi - w[k] : w[k] - lo) }
                dw[k] = change
            }
        }
    }

    /// Climbing-fibre rule (see `ClimbingFibreRule`): per PF an `EligibilityTrace` ε_i of its
    /// activity; `Δw_ij = dt·(−η_LTD·ε_i·cf_j + η_LTP·a_i)`.
    static func learnClimbingFibre(_ j: Projection, ltd ltdRate: Float, ltp ltpRate: Float, pre: UnsafeMutablePointer<Float>,
                                   teacher: UnsafeMutablePointer<Float>, dt: Float) {
        let h = j.traceA.base, eps = j.traceB.base, dw = j.deltaW.base
        let trace = j.trace
        let ltd = ltdRate * j.plasticityRate * dt, ltp = ltpRate * j.plasticityRate * dt
        if j.learnsInPlace {
            // Dense: eight posts at a time, Δw added and clamped at once (`applyDeltaW` skips
            // the projection). The padding lanes of the last chunk are set back to zero,
            // whatever the bounds.
            let stride = j.stride, live = Kernels.liveLanes(j.nPost - (stride - 8))
            let w = j.weights.base
            let lo = SIMD8<Float>(repeating: j.minWeight), hi = SIMD8<Float>(repeating: j.maxWeight)
            trace.advanceAll(h, eps, count: j.nPre, input: pre, dt: dt)
            for i in 0..<j.nPre {
                let ai = pre[i], window = eps[i]
                let potentiation = SIMD8<Float>(repeating: ltp * ai), depression = SIMD8<Float>(repeating: ltd * window)
                let row = w + i * stride
                @inline(__always) func update(_ k: Int) -> SIMD8<Float> {
                    var updated = row.load8(k) + (potentiation - depression * teacher.load8(k))
                    updated.replace(with: lo, where: updated .< lo)
                    updated.replace(with: hi, where: updated .> hi)
                    return updated
                }
                var k = 0
                while k < stride - 8 { row.store8(update(k), k); k += 8 }
                row.store8(update(k).replacing(with: 0, where: live .== 0), k)
            }
            return
        }
        for i in 0..<j.nPre {
            let ai = pre[i]
            let window = trace.advance(h, eps, i, input: ai * dt)
            let (start, count) = j.row(i)
            let potentiation = ltp * ai, depression = ltd * window
            let cols = j.columns.base
            for k in start..<start + count { dw[k] = potentiation - depression * teacher[Int(cols[k])] }
        }
    }

    /// Oja's rule: `Δw_ij = η·a_j·(a_i − a_j·w_ij)·dt`.
    static func learnOja(_ j: Projection, rate learningRate: Float, pre: UnsafeMutablePointer<Float>,
                         post: UnsafeMutablePointer<Float>, dt: Float) {
        let w = j.weights.base, dw = j.deltaW.base
        let rate = learningRate * j.plasticityRate * dt
        for i in 0..<j.nPre {
            let ai = pre[i]
            let (start, count) = j.row(i)
            for t in 0..<count {
                let k = start + t, y = post[j.post(start, t)]
                dw[k] = rate * y * (ai - y * w[k])
            }
        }
    }

    /// The free fraction of a source's synaptic resource, `max(0, 1 − Σ_k w_ik/B)`, over its
    /// row (`count` weights from `start`); 1 for an unlimited budget.
    @inline(__always)
    static func freeResource(_ w: UnsafeMutablePointer<Float>, _ start: Int, _ count: Int, inverseBudget: Float) -> Float {
        guard inverseBudget > 0 else { return 1 }
        var held: Float = 0
        for t in 0..<count { held += w[start + t] }
        return max(0, 1 - held * inverseBudget)
    }

    /// Resource-limited Hebbian rule (see `HebbianRule`):
    /// `Δw_ij = dt·(η·g_j·a_i·a_j·(1 − Σ_k w_ik/B) − λ·w_ij)`.
    static func learnHebbian(_ j: Projection, rate learningRate: Float, inverseBudget: Float, forgetting: Float,
                             pre: UnsafeMutablePointer<Float>, post: UnsafeMutablePointer<Float>, gate m: Modulator?, dt: Float) {
        let w = j.weights.base, dw = j.deltaW.base
        let rate = learningRate * j.plasticityRate * dt, forget = forgetting * dt
        for i in 0..<j.nPre {
            let ai = pre[i]
            // A silent source with no forgetting changes nothing (Δw was cleared when applied).
            if ai == 0 && forget == 0 { continue }
            let (start, count) = j.row(i)
            let gain = rate * ai * freeResource(w, start, count, inverseBudget: inverseBudget)
            if let m {
                let level = m.level.base, channels = m.channels
                for t in 0..<count {
                    let k = start + t, jj = j.post(start, t)
                    dw[k] = gain * max(0, level[jj * channels / j.nPost]) * post[jj] - forget * w[k]
                }
            } else {
                for t in 0..<count {
                    let k = start + t
                    dw[k] = gain * post[j.post(start, t)] - forget * w[k]
                }
            }
        }
    }

    /// Covariance form of the resource-limited Hebbian rule (see `HebbianRule.meanS`):
    /// `Δw_ij = dt·(η·g_j·a_i·c_ij − λ·w_ij)` with `d_j = a_j − ā_j` and `c_ij = d_j·(1 − Σ_k w_ik/B)`
    /// when `d_j > 0`, `c_ij = d_j` otherwise; the running mean `ā_j` is updated first.
    static func learnCovariance(_ j: Projection, rate learningRate: Float, inverseBudget: Float, forgetting: Float, meanDecay: Float,
                                pre: UnsafeMutablePointer<Float>, post: UnsafeMutablePointer<Float>, gate m: Modulator?, dt: Float) {
        let w = j.weights.base, dw = j.deltaW.base, mean = j.traceB.base
        let rate = learningRate * j.plasticityRate * dt, forget = forgetting * dt
        let level = m?.level.base, channels = m?.channels ?? 1
        for k in 0..<j.nPost { mean[k] = meanDecay * mean[k] + (1 - meanDecay) * post[k] }
        for i in 0..<j.nPre {
            let ai = pre[i]
            if ai == 0 && forget == 0 { continue }
            let (start, count) = j.row(i)
            let free = freeResource(w, start, count, inverseBudget: inverseBudget)
            for t in 0..<count {
                let k = start + t, jj = j.post(start, t)
                let d = post[jj] - mean[jj]
                var g = rate * ai * (d > 0 ? d * free : d)
                if let level { g *= max(0, level[jj * channels / j.nPost]) }
                dw[k] = g - forget * w[k]
            }
        }
    }

    /// Pair STDP with all-to-all traces: traces decay, pre spikes depress by `A−·y_j` then
    /// bump `x_i`, post spikes potentiate by `A+·x_i` (including this step's pre spikes) then
    /// bump `y_j`. Δw accumulates events of this step only.
    static func learnSTDP(_ j: Projection, aPlus plus: Float, aMinus minus: Float, pre: Population, post: Population) {
        let x = j.traceA.base, y = j.traceB.base, dw = j.deltaW.base
        let dPlus = j.trace.decay, dMinus = j.postTraceDecay
        let aPlus = plus * j.plasticityRate, aMinus = minus * j.plasticityRate
        for i in 0..<j.nPre { x[i] *= dPlus }
        for k in 0..<j.nPost { y[k] *= dMinus }
        for s in 0..<pre.spikeCount {
            let i = Int(pre.spikes[s])
            let (start, count) = j.row(i)
            for t in 0..<count { dw[start + t] -= aMinus * y[j.post(start, t)] }
            x[i] += 1
        }
        for s in 0..<post.spikeCount {
            let jj = Int(post.spikes[s])
            for c in Int(j.colStart[jj])..<Int(j.colStart[jj + 1]) {
                dw[Int(j.colSynapse[c])] += aPlus * x[Int(j.colPre[c])]
            }
            y[jj] += 1
        }
    }

    /// Apply phase: `w ← clamp(w + Δw, bounds)`, then clears Δw. Weights change here and
    /// nowhere else, except in a projection that `learnsInPlace` (its rule applies the same
    /// clamped update during the learn phase, and this pass skips it).
    static func applyDeltaW(_ j: Projection) {
        if case .none = j.learning { return }
        if j.learnsInPlace { return }
        let lo = j.minWeight, hi = j.maxWeight
        let w = j.weights.base, dw = j.deltaW.base
        if j.storage == .dense && lo <= 0 && hi >= 0 {
            // One flat pass over the padded matrix: padding weights and their Δw are zero,
            // and a zero clamps to itself when the bounds straddle it.
            for k in 0..<j.nPre * j.stride {
                w[k] = min(hi, max(lo, w[k] + dw[k]))
                dw[k] = 0
            }
            return
        }
        if j.storage == .csr {
            // CSR rows are stored back to back: one flat pass over the synapses.
            for k in 0..<j.synapseCount {
                w[k] = min(hi, max(lo, w[k] + dw[k]))
                dw[k] = 0
            }
            return
        }
        for i in 0..<j.nPre {
            let (start, count) = j.row(i)
            for k in start..<start + count {
                w[k] = min(hi, max(lo, w[k] + dw[k]))
                dw[k] = 0
            }
        }
    }
}
