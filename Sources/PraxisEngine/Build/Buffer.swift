/// A fixed-size, zero-initialised, 32-byte-aligned array owned by the network, allocated once
/// at build time and never resized. Hot loops take its `base` pointer once and index it
/// directly; this is the only type in the engine that allocates raw memory.
///
/// `@unchecked Sendable`: the simulator partitions every buffer between threads by unit
/// range or by owning element within a phase, so no two threads write the same element.
public final class Buffer<Element: BitwiseCopyable>: @unchecked Sendable {
    public let count: Int
    public let base: UnsafeMutablePointer<Element>

    /// `count` elements set to `value`.
    public init(count: Int, value: Element) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, count) * MemoryLayout<Element>.stride, alignment: 32)
        base = raw.bindMemory(to: Element.self, capacity: max(1, count))
        base.initialize(repeating: value, count: max(1, count))
    }

    /// A copy of `values`.
    public convenience init(_ values: [Element], padTo padded: Int? = nil, padding: Element) {
        self.init(count: max(values.count, padded ?? 0), value: padding)
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { base.update(from: s, count: values.count) }
        }
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    @inline(__always) public subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    /// The first `n` elements as an array (for probes, tests and reports; never in a step).
    public func array(_ n: Int? = nil) -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: n ?? count))
    }

    /// Sets elements `range` to `value`.
    @inline(__always) public func fill(_ value: Element, _ range: Range<Int>) {
        (base + range.lowerBound).update(repeating: value, count: range.count)
    }
}

/// Loads and stores of eight lanes at an element offset.
extension UnsafeMutablePointer where Pointee == Float {
    @inline(__always) func load8(_ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(self + i).load(as: SIMD8<Float>.self)
    }
    @inline(__always) func store8(_ v: SIMD8<Float>, _ i: Int) {
        UnsafeMutableRawPointer(self + i).storeBytes(of: v, as: SIMD8<Float>.self)
    }
}

extension UnsafeMutablePointer where Pointee == Int32 {
    @inline(__always) func load8(_ i: Int) -> SIMD8<Int32> {
        UnsafeRawPointer(self + i).load(as: SIMD8<Int32>.self)
    }
    @inline(__always) func store8(_ v: SIMD8<Int32>, _ i: Int) {
        UnsafeMutableRawPointer(self + i).storeBytes(of: v, as: SIMD8<Int32>.self)
    }
}

/// `n` rounded up to a multiple of the SIMD width (8).
@inline(__always) func padded8(_ n: Int) -> Int { (n + 7) & ~7 }
