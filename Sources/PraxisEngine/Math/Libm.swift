#if canImport(Glibc)
import Glibc
/// The C math library, named once so kernels do not depend on Foundation.
enum Libm {
    @inline(__always) static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) static func exp(_ x: Float) -> Float { Glibc.expf(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) static func log(_ x: Float) -> Float { Glibc.logf(x) }
    @inline(__always) static func cos(_ x: Float) -> Float { Glibc.cosf(x) }
    @inline(__always) static func sin(_ x: Float) -> Float { Glibc.sinf(x) }
    @inline(__always) static func tanh(_ x: Float) -> Float { Glibc.tanhf(x) }
}
#else
import Darwin
/// The C math library, named once so kernels do not depend on Foundation.
enum Libm {
    @inline(__always) static func exp(_ x: Double) -> Double { Darwin.exp(x) }
    @inline(__always) static func exp(_ x: Float) -> Float { Darwin.expf(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Darwin.cos(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Darwin.sin(x) }
    @inline(__always) static func log(_ x: Float) -> Float { Darwin.logf(x) }
    @inline(__always) static func cos(_ x: Float) -> Float { Darwin.cosf(x) }
    @inline(__always) static func sin(_ x: Float) -> Float { Darwin.sinf(x) }
    @inline(__always) static func tanh(_ x: Float) -> Float { Darwin.tanhf(x) }
}
#endif
