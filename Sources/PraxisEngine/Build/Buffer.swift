/// Owns the raw memory of a network's buffers and frees it all when the last element that
/// uses it goes away. This is the only type in the engine that allocates raw memory.
public final class Arena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    public init() {}

    deinit { for b in blocks { b.deallocate() } }

    /// `count` elements set to `value`, 32-byte aligned.
    func buffer<Element: BitwiseCopyable>(count: Int, value: Element) -> Buffer<Element> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Element>.stride, alignment: 32)
        blocks.append(raw)
        let base = raw.bindMemory(to: Element.self, capacity: max(1, count))
        base.initialize(repeating: value, count: max(1, count))
        return Buffer(base: base, count: count)
    }

    /// A copy of `values`, padded with `padding` to at least `padded` elements.
    func buffer<Element: BitwiseCopyable>(_ values: [Element], padTo padded: Int? = nil, padding: Element) -> Buffer<Element> {
        let b = buffer(count: max(values.count, padded ?? 0), value: padding)
        values.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { b.base.update(from: s, count: values.count) }
        }
        return b
    }
}

/// A fixed-size array in an `Arena`, allocated once at build time and never resized.
///
/// A plain pointer and a count, so loading one from a population or projection in a step
/// costs no reference counting (a class here cost a retain/release pair per access). Hot
/// loops take `base` once and index it directly. `@unchecked Sendable`: the simulator
/// partitions every buffer between threads by unit range or owning element within a phase.
public struct Buffer<Element: BitwiseCopyable>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>
    public let count: Int

    @inline(__always) public subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
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
