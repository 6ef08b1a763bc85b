import Dispatch

/// Runs `body(0..<count)` on up to `threads` threads. Work items own disjoint data, so the
/// result does not depend on the number of threads or the order items finish in.
@inline(__always)
func parallelFor(_ count: Int, threads: Int, _ body: (Int) -> Void) {
    if threads <= 1 || count <= 1 {
        for i in 0..<count { body(i) }
    } else {
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }
}

/// Carries a value across a `concurrentPerform` boundary.
/// Safe here because every work item touches only the buffers it owns for that phase.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
