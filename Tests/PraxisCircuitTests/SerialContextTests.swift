import PraxisEngine
import Testing
@testable import PraxisCircuit

/// The serial context of the default circuit, driven through its input (S1_D, the touch of
/// a completed finger action): SEQ holds the last action, SEQ2 the last two as one
/// conjunctive unit, and SEQ2 → PMd learns which action follows each pair.
@Suite struct SerialContextTests {
    /// The default circuit's action channels (SEQ2 holds channels × channels pair units).
    static let channels = CircuitFile.defaultCircuit().channels

    /// Touches `key` for `holdMs`, then lets go for `gapMs`.
    static func touch(_ c: Circuit, _ key: Int, holdMs: Double = 130, gapMs: Double = 270) throws {
        c.drive("S1_D", (0..<channels).map { $0 == key ? 1 : 0 })
        try c.run(ms: holdMs)
        c.drive("S1_D", [Float](repeating: 0, count: channels))
        try c.run(ms: gapMs)
    }

    /// The SEQ2 units above half their range, as (current, previous) pairs.
    static func activePairs(_ c: Circuit) -> [[Int]] {
        c.population("SEQ2").outputs.enumerated().filter { $0.element > 0.5 }
            .map { [$0.offset / channels, $0.offset % channels] }
    }

    /// After each touch exactly one pair unit is on, the one for (this key, the key before);
    /// a first touch has no pair, and repeating a key keeps the pair it ends. Brief and
    /// long touches alike.
    @Test(arguments: [(60.0, 340.0), (130.0, 270.0), (350.0, 150.0)])
    func pairUnitHoldsTheLastTwoActions(hold: Double, gap: Double) throws {
        let c = try Circuit(seed: 1)
        #expect(c.population("SEQ2").size == Self.channels * Self.channels)
        try c.run(ms: 200)
        try Self.touch(c, 6, holdMs: hold, gapMs: gap)
        #expect(Self.activePairs(c).isEmpty, "\(Self.activePairs(c)) after one touch")
        let keys = [2, 4, 0, 4, 2, 6, 0]
        var previous = 6
        for k in keys {
            try Self.touch(c, k, holdMs: hold, gapMs: gap)
            #expect(Self.activePairs(c) == [[k, previous]], "after \(previous) → \(k): \(Self.activePairs(c))")
            previous = k
        }
        try Self.touch(c, 0, holdMs: hold, gapMs: gap)
        #expect(Self.activePairs(c) == [[0, 6]], "a repeated key keeps the pair: \(Self.activePairs(c))")
    }

    /// A sequence whose first-order transitions are ambiguous (after key 0 comes 2 or 4,
    /// depending on the key before it) is learned at second order: the pair "0 after 1"
    /// primes 2 and "0 after 3" primes 4, each more than the other successor. The next
    /// key's PMd unit is driven from 250 ms before its touch until the key is let go, as
    /// its stimulus would drive it.
    @Test func pairContextsLearnWhatAFirstOrderContextCannot() throws {
        let c = try Circuit(seed: 2)
        let sequence = [1, 0, 2, 3, 0, 4]
        try c.run(ms: 200)
        for _ in 0..<20 {
            for k in sequence {
                c.drive("PMd", (0..<Self.channels).map { $0 == k ? 0.8 : 0 })
                try c.run(ms: 250)
                c.drive("S1_D", (0..<Self.channels).map { $0 == k ? 1 : 0 })
                try c.run(ms: 130)
                c.drive("S1_D", [Float](repeating: 0, count: Self.channels))
                c.drive("PMd", [Float](repeating: 0, count: Self.channels))
                try c.run(ms: 150)
            }
        }
        var w = [[Float]](repeating: [Float](repeating: 0, count: Self.channels), count: Self.channels * Self.channels)
        for s in c.network.projection("SEQ2→PMd")!.synapses() { w[s.pre][s.post] = s.weight }
        let after1 = w[0 * Self.channels + 1], after3 = w[0 * Self.channels + 3]
        #expect(after1[2] > 0.1 && after1[2] > 3 * after1[4], "0 after 1 primes \(after1)")
        #expect(after3[4] > 0.1 && after3[4] > 3 * after3[2], "0 after 3 primes \(after3)")
    }
}
