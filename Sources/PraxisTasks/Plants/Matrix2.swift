#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A 2×2 matrix `[[a, b], [c, d]]` (row major): Jacobians, inertia, force-field gains.
public struct Matrix2: Sendable, Equatable, Codable {
    public var a, b, c, d: Double
    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double) { self.a = a; self.b = b; self.c = c; self.d = d }
    /// From rows `[[a, b], [c, d]]`; nil unless the shape is 2×2.
    public init?(rows: [[Double]]) {
        guard rows.count == 2, rows.allSatisfy({ $0.count == 2 }) else { return nil }
        self.init(rows[0][0], rows[0][1], rows[1][0], rows[1][1])
    }
    public static let zero = Matrix2(0, 0, 0, 0)
    /// Rotation by `radians` counter-clockwise.
    public static func rotation(_ radians: Double) -> Matrix2 {
        Matrix2(cos(radians), -sin(radians), sin(radians), cos(radians))
    }
    public var rows: [[Double]] { [[a, b], [c, d]] }
    public var transposed: Matrix2 { Matrix2(a, c, b, d) }
    public var determinant: Double { a * d - b * c }
    @inline(__always) public func apply(_ v: SIMD2<Double>) -> SIMD2<Double> { SIMD2(a * v.x + b * v.y, c * v.x + d * v.y) }
    /// Solves `self · x = v` (Cramer's rule).
    @inline(__always) public func solve(_ v: SIMD2<Double>) -> SIMD2<Double> {
        let det = determinant
        return SIMD2((d * v.x - b * v.y) / det, (a * v.y - c * v.x) / det)
    }
}

