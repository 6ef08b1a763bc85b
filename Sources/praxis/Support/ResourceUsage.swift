import Foundation

/// Process resource figures for benchmark reports.
enum ResourceUsage {
    /// Peak resident set size in MB (VmHWM from /proc/self/status on Linux; 0 if unknown).
    static func peakResidentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
