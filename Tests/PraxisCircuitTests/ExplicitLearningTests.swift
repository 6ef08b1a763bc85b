import PraxisEngine
import Testing
@testable import PraxisCircuit

/// Cortical learning on the built default circuit: SMA holds internally generated sequences
/// (a competitive queue), HPC/PFC store explicit associations quickly but only with
/// attention and within a limited span.
@Suite struct ExplicitLearningTests {
    static let off = [Float](repeating: 0, count: 4)

    static func context(_ k: Int) -> [Float] { (0..<4).map { $0 == k ? 1 : 0 } }
    static func channel(_ k: Int, _ v: Float = 1.5) -> [Float] { (0..<8).map { $0 == k ? v : 0 } }

    /// Cued practice: under context 0 each element's SMA channel is driven for 300 ms.
    static func practise(_ c: Circuit, _ sequence: [Int], passes: Int) throws {
        for _ in 0..<passes {
            c.drive("CTX", context(0))
            for k in sequence { c.drive("SMA", channel(k)); try c.run(ms: 300) }
            c.drive("SMA", channel(0, 0)); c.drive("CTX", off)
            try c.run(ms: 2000)
        }
        try c.run(ms: 8000)
    }

    /// Internally generated recall: context 0 alone for `ms`; the SMA channels that take
    /// over (output above 0.3), in order, and the largest output seen.
    static func recall(_ c: Circuit, ms: Int) throws -> (order: [Int], peak: Float) {
        c.drive("CTX", context(0))
        var order: [Int] = [], peak: Float = 0
        for _ in 0..<ms {
            try c.step()
            let o = c.channelOutputs("SMA"), m = o.max()!
            peak = max(peak, m)
            if m > 0.3, let k = o.firstIndex(of: m), order.last != k { order.append(k) }
        }
        c.drive("CTX", off)
        return (order, peak)
    }

    @Test func smaReplaysAPractisedSequenceInOrder() throws {
        let c = try Circuit(seed: 1)
        let naive = try Self.recall(c, ms: 1500)
        #expect(naive.peak < 0.1, "naive SMA peak \(naive.peak)")
        try c.run(ms: 2000)
        let sequence = [3, 0, 5, 2]
        try Self.practise(c, sequence, passes: 6)
        let trained = try Self.recall(c, ms: 1700)
        #expect(Array(trained.order.prefix(4)) == sequence, "recalled \(trained.order)")
        // The plan is a primacy gradient: earlier elements hold larger context weights.
        let w = c.network.projection("CTX→SMA")!.weightValues
        #expect(zip(sequence, sequence.dropFirst()).allSatisfy { w[$0] > w[$1] }, "\(w.prefix(8))")
    }

    @Test func smaSequenceNeedsAttentionToBeLearned() throws {
        let c = try Circuit(seed: 1)
        c.network.modulator("acetylcholine")!.tonic = 0.05
        try Self.practise(c, [3, 0, 5, 2], passes: 6)
        c.network.modulator("acetylcholine")!.tonic = 1
        let r = try Self.recall(c, ms: 1700)
        #expect(r.order.count < 2, "recalled \(r.order) without attention")
    }

    /// One instructed trial: context `ctx` with PFC channel `k` driven for 500 ms.
    static func instruct(_ c: Circuit, context ctx: Int, action k: Int) throws {
        c.drive("CTX", context(ctx)); c.drive("PFC", channel(k, 1))
        try c.run(ms: 500)
        c.drive("CTX", off); c.drive("PFC", channel(0, 0))
        try c.run(ms: 500)
    }

    /// PFC channel outputs 300 ms into retrieval by context `ctx` alone.
    static func retrieve(_ c: Circuit, context ctx: Int) throws -> [Float] {
        c.drive("CTX", context(ctx))
        try c.run(ms: 300)
        let out = c.channelOutputs("PFC")
        c.drive("CTX", off)
        try c.run(ms: 1000)
        return out
    }

    @Test func hippocampusStoresAnAssociationInOneTrial() throws {
        let c = try Circuit(seed: 1)
        #expect(try Self.retrieve(c, context: 1).max()! < 0.01)
        try Self.instruct(c, context: 1, action: 6)
        let out = try Self.retrieve(c, context: 1)
        #expect(out[6] > 0.1, "PFC after one trial \(out)")
        #expect(out.enumerated().allSatisfy { $0.offset == 6 || $0.element < 0.2 * out[6] }, "\(out)")
        // With attention divided (acetylcholine low) the same trial leaves nothing retrievable.
        let d = try Circuit(seed: 1)
        d.network.modulator("acetylcholine")!.tonic = 0.1
        try Self.instruct(d, context: 1, action: 6)
        d.network.modulator("acetylcholine")!.tonic = 1
        #expect(try Self.retrieve(d, context: 1)[6] < 0.2 * out[6])
    }

    @Test func explicitSpanIsLimited() throws {
        let c = try Circuit(seed: 1)
        // One exposure to a list of eight actions under one context.
        c.drive("CTX", Self.context(2))
        for k in 0..<8 { c.drive("PFC", Self.channel(k, 1)); try c.run(ms: 500) }
        c.drive("CTX", Self.off); c.drive("PFC", Self.channel(0, 0))
        try c.run(ms: 1000)
        let out = try Self.retrieve(c, context: 2)
        let retrieved = out.filter { $0 > 0.02 }.count
        #expect((3...5).contains(retrieved), "retrieved \(retrieved) of 8: \(out)")
        #expect(out[0] > out[7])
    }
}
