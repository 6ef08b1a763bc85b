import Foundation
import PraxisLab
import Synchronization

/// Shows a run's progress on standard error: a bar with the ETA, redrawn in place, when that
/// is a terminal; otherwise a plain line per tenth of the run (and for the last subject).
final class ProgressPrinter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastTenth = Mutex(-1)

    func report(_ e: ProgressEvent) {
        let eta = e.remaining.isFinite ? String(format: "%.0f s", e.remaining) : "?"
        let elapsed = String(format: "%.1f s", e.elapsed)
        if isTerminal {
            let width = 30, filled = e.total > 0 ? width * e.finished / e.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            write("\r\(bar) \(e.finished)/\(e.total) subjects  \(elapsed)  ETA \(eta) ")
            if e.finished == e.total { write("\n") }
        } else {
            let tenth = e.total > 0 ? 10 * e.finished / e.total : 10
            let due = lastTenth.withLock { last in
                guard tenth > last || e.finished == e.total else { return false }
                last = tenth
                return true
            }
            if due {
                write("praxis: \(e.finished)/\(e.total) subjects (last: \(e.armName) #\(e.last.index)), \(elapsed) elapsed, ETA \(eta)\n")
            }
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
