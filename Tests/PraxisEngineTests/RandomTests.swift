import Testing
@testable import PraxisEngine

@Suite struct RandomTests {
    /// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
    @Test func philoxKnownAnswers() {
        #expect(Philox.block(.zero, key: .zero) == SIMD4(0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8))
        #expect(Philox.block(SIMD4(repeating: 0xFFFF_FFFF), key: SIMD2(repeating: 0xFFFF_FFFF))
                == SIMD4(0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd))
        #expect(Philox.block(SIMD4(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344),
                             key: SIMD2(0xa409_3822, 0x299f_31d0))
                == SIMD4(0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    }

    @Test func streamsAreIndependentAndRepeatable() {
        var a = RandomStream(seed: 7, stream: StreamID(.user, 1))
        var b = RandomStream(seed: 7, stream: StreamID(.user, 1))
        var c = RandomStream(seed: 7, stream: StreamID(.user, 2))
        let xa = (0..<100).map { _ in a.nextWord() }
        let xb = (0..<100).map { _ in b.nextWord() }
        let xc = (0..<100).map { _ in c.nextWord() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test func uniformAndNormalMoments() {
        var r = RandomStream(seed: 3, stream: StreamID(.user, 0))
        let n = 200_000
        var su = 0.0, sn = 0.0, sn2 = 0.0
        for _ in 0..<n {
            let u = r.uniform(); #expect(u > 0 && u < 1)
            su += Double(u)
            let z = Double(r.normal()); sn += z; sn2 += z * z
        }
        #expect(abs(su / Double(n) - 0.5) < 0.003)
        #expect(abs(sn / Double(n)) < 0.01)
        #expect(abs(sn2 / Double(n) - 1) < 0.015)
    }
}
