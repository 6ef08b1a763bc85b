#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where the action channels point: channel c of n at c·360°/n counter-clockwise from +x,
/// the layout of the circuit's cosine maps, the centre-out targets and the lever axes.
public enum ChannelLayout {
    /// Unit vector of channel `c` of `count`.
    public static func direction(_ c: Int, of count: Int) -> SIMD2<Double> {
        let angle = 2 * Double.pi * Double(c) / Double(count)
        return SIMD2(cos(angle), sin(angle))
    }

    /// Cue saliences with channel `c` at 1 and the rest at 0.
    public static func cue(_ c: Int, of count: Int) -> [Float] {
        var cues = [Float](repeating: 0, count: count)
        cues[c] = 1
        return cues
    }
}
