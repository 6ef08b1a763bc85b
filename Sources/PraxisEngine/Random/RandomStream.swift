/// Identifies an independent random stream: a purpose and an index (population, projection,
/// subject …). Streams with different ids never share a Philox counter.
public struct StreamID: Sendable, Hashable {
    /// What the numbers are for; keeps build-time and run-time draws apart.
    public enum Purpose: UInt32, Sendable {
        case populationInit = 1, connectivity = 2, weights = 3, runtimeNoise = 4, schedule = 5, body = 6, user = 15
    }
    public let raw: UInt32
    /// `index` must be below 2²⁴.
    public init(_ purpose: Purpose, _ index: Int) {
        precondition(index >= 0 && index < 1 << 24, "stream index out of range")
        raw = purpose.rawValue << 24 | UInt32(index)
    }

    /// Stream indices for `names`, derived from the names themselves (FNV-1a, folded to 24
    /// bits), so a population's or projection's random numbers do not depend on where it is
    /// declared: adding or removing another one leaves them unchanged. A name whose index is
    /// already taken moves to the next free one, in declaration order.
    public static func indices(named names: [String]) -> [Int] {
        var taken = Set<Int>()
        return names.map { name in
            var h: UInt32 = 2_166_136_261
            for byte in name.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
            var index = Int((h >> 24) ^ (h & 0xFF_FFFF))
            while !taken.insert(index).inserted { index = (index + 1) & 0xFF_FFFF }
            return index
        }
    }
}

/// A sequential random generator over one stream of a seed: counter (i, 0xFFFF_FFFF, stream)
/// under key = seed. Used at build time and by callers; run-time kernels address Philox
/// directly by (unit, step) so results do not depend on how units are split across threads.
public struct RandomStream: RandomNumberGenerator, Sendable {
    let key: SIMD2<UInt32>
    let stream: UInt32
    var counter: UInt32 = 0
    var buffer: SIMD4<UInt32> = .zero
    var used = 4

    public init(seed: UInt64, stream: StreamID) {
        key = SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        self.stream = stream.raw
    }

    @inline(__always)
    public mutating func nextWord() -> UInt32 {
        if used == 4 {
            buffer = Philox.block(SIMD4(counter, 0xFFFF_FFFF, 0xFFFF_FFFF, stream), key: key)
            counter &+= 1
            used = 0
        }
        defer { used += 1 }
        return buffer[used]
    }

    public mutating func next() -> UInt64 {
        UInt64(nextWord()) << 32 | UInt64(nextWord())
    }

    /// Uniform in (0, 1).
    public mutating func uniform() -> Float { Philox.unit(nextWord()) }

    /// Standard normal.
    public mutating func normal() -> Float { Philox.normal(nextWord(), nextWord()) }

    /// A draw from an initial-value distribution.
    public mutating func draw(_ d: InitialDistribution) -> Float {
        switch d {
        case .constant(let v): v
        case .uniform(let lo, let hi): lo + (hi - lo) * uniform()
        case .normal(let m, let sd): m + sd * normal()
        }
    }

    /// A draw from a weight distribution.
    public mutating func draw(_ w: WeightInit) -> Float {
        switch w {
        case .constant(let v): v
        case .uniform(let lo, let hi): lo + (hi - lo) * uniform()
        case .normal(let m, let sd): m + sd * normal()
        }
    }
}

/// Run-time draws addressed by (stream, step, unit): counter (unit, step low, step high, stream).
@usableFromInline
struct CounterRandom: Sendable {
    let key: SIMD2<UInt32>
    let stream: UInt32
    init(seed: UInt64, stream: StreamID) {
        key = SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        self.stream = stream.raw
    }
    @inline(__always)
    func words(step: Int, unit: Int) -> SIMD4<UInt32> {
        let s = UInt64(step)
        return Philox.block(SIMD4(UInt32(truncatingIfNeeded: unit), UInt32(truncatingIfNeeded: s),
                                  UInt32(truncatingIfNeeded: s >> 32) & 0x7FFF_FFFF, stream), key: key)
    }
}
