extension Network {
    /// Draws a projection's synapses and weights from its own streams (`stream`, derived from
    /// its name), so adding or removing another projection never changes this one.
    static func buildProjection(_ spec: ProjectionSpec, index: Int, stream: Int, source: Population,
                                target: Population, seed: UInt64, dt: Double, arena: Arena) -> Projection {
        var conn = RandomStream(seed: seed, stream: StreamID(.connectivity, stream))
        var wrng = RandomStream(seed: seed, stream: StreamID(.weights, stream))
        let nPre = source.size, nPost = target.size
        let empty = arena.buffer(count: 0, value: Int32(0))
        func make(_ w: Buffer<Float>, _ rows: Buffer<Int32>, _ cols: Buffer<Int32>,
                  _ storage: Projection.Storage, _ count: Int) -> Projection {
            Projection(spec: spec, index: index, source: source, target: target, weights: w,
                       rowStart: rows, columns: cols, storage: storage, synapseCount: count, dt: dt, arena: arena)
        }
        switch spec.connectivity {
        case .dense:
            let stride = target.padded
            let w = arena.buffer(count: nPre * stride, value: Float(0))
            for i in 0..<nPre { for j in 0..<nPost { w[i * stride + j] = wrng.draw(spec.weight) } }
            return make(w, empty, empty, .dense, nPre * nPost)
        case .explicit(let pre, let post, let weights) where spec.plasticity == nil && 4 * pre.count >= nPre * nPost:
            // A static list covering a quarter of the pairs or more (a cosine map) transmits
            // faster as a dense matrix: eight posts per SIMD step instead of one scatter each.
            let stride = target.padded
            let w = arena.buffer(count: nPre * stride, value: Float(0))
            for k in pre.indices { w[pre[k] * stride + post[k]] += weights[k] }
            return make(w, empty, empty, .dense, pre.count)
        case .explicit(let pre, let post, let weights):
            let order = pre.indices.sorted { (pre[$0], post[$0], $0) < (pre[$1], post[$1], $1) }
            var rows = [Int32](repeating: 0, count: nPre + 1)
            for p in pre { rows[p + 1] += 1 }
            for i in 0..<nPre { rows[i + 1] += rows[i] }
            return make(arena.buffer(order.map { weights[$0] }, padTo: padded8(pre.count), padding: Float(0)), arena.buffer(rows, padding: Int32(0)),
                        arena.buffer(order.map { Int32(post[$0]) }, padding: Int32(0)), .csr, pre.count)
        default:
            var rows = [Int32](repeating: 0, count: nPre + 1)
            var cols: [Int32] = []
            for i in 0..<nPre {
                targets(of: i, spec.connectivity, nPre: nPre, nPost: nPost,
                        samepopulation: source === target, rng: &conn) { cols.append(Int32($0)) }
                rows[i + 1] = Int32(cols.count)
            }
            let w = cols.map { _ in wrng.draw(spec.weight) }
            // Weights padded with zeros to a multiple of eight: a diagonal projection
            // transmits eight units per SIMD step.
            return make(arena.buffer(w, padTo: padded8(w.count), padding: Float(0)), arena.buffer(rows, padding: Int32(0)),
                        arena.buffer(cols, padding: Int32(0)), .csr, cols.count)
        }
    }

    /// Calls `emit` with each post index of pre unit `i`, ascending.
    private static func targets(of i: Int, _ c: Connectivity, nPre: Int, nPost: Int, samepopulation: Bool,
                                rng: inout RandomStream, emit: (Int) -> Void) {
        switch c {
        case .oneToOne:
            emit(i)
        case .channelwise(let channels):
            let preBlock = nPre / channels, postBlock = nPost / channels
            let ch = i / preBlock
            for j in ch * postBlock..<(ch + 1) * postBlock { emit(j) }
        case .fixedProbability(let p, let allowSelf):
            let skipSelf = samepopulation && !allowSelf
            if p <= 0 { return }
            if p >= 1 {
                for j in 0..<nPost where !(skipSelf && j == i) { emit(j) }
                return
            }
            // Geometric skipping: gaps between successes are Geometric(p), O(p·nPost) per row.
            let logq = Libm.log(1 - p)
            var j = -1
            while true {
                let u = Double(rng.uniform())
                j += 1 + Int(Libm.log(u) / logq)
                if j >= nPost { break }
                if skipSelf && j == i { continue }
                emit(j)
            }
        case .dense, .explicit:
            preconditionFailure("handled by the caller")
        }
    }
}
