import Foundation

/// Small, dependency-free SVG charts for reports: lines with confidence bands, bars with
/// error bars, and x–y paths. Each returns a self-contained `<svg>` element.
enum SVGChart {
    static let width = 560.0, height = 300.0
    static let margin = (left: 60.0, right: 150.0, top: 20.0, bottom: 45.0)
    /// Colour-blind-safe palette (Okabe & Ito 2008).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    struct Series {
        var name: String
        var x: [Double]
        var y: [Double]
        var lower: [Double]?
        var upper: [Double]?
    }

    /// Lines (one per series) with shaded bands between `lower` and `upper`.
    static func lines(_ series: [Series], title: String, xLabel: String, yLabel: String) -> String {
        let xs = series.flatMap(\.x), ys = series.flatMap { $0.y + ($0.lower ?? []) + ($0.upper ?? []) }.filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return empty(title) }
        let frame = Frame(x: (x0, x1 > x0 ? x1 : x0 + 1), y: padded(y0, y1))
        var body = axes(frame, title: title, xLabel: xLabel, yLabel: yLabel)
        for (k, s) in series.enumerated() {
            let colour = palette[k % palette.count]
            if let lo = s.lower, let hi = s.upper {
                let pts = zip(s.x, hi).filter { $1.isFinite }.map { frame.point($0, $1) }
                    + zip(s.x, lo).filter { $1.isFinite }.reversed().map { frame.point($0, $1) }
                if !pts.isEmpty { body += "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.2\" stroke=\"none\"/>" }
            }
            let pts = zip(s.x, s.y).filter { $1.isFinite }.map { frame.point($0, $1) }
            body += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            body += legend(k, s.name, colour)
        }
        return wrap(body)
    }

    /// Grouped bars: one group per category, one bar per series, with error bars.
    static func bars(categories: [String], series: [(name: String, values: [Double], lower: [Double], upper: [Double])],
                     title: String, yLabel: String) -> String {
        let all = series.flatMap { $0.values + $0.lower + $0.upper }.filter(\.isFinite)
        guard !categories.isEmpty, let top = all.max() else { return empty(title) }
        let frame = Frame(x: (0, Double(categories.count)), y: padded(min(0, all.min() ?? 0), top))
        var body = axes(frame, title: title, xLabel: "", yLabel: yLabel, xTicks: false)
        let groupWidth = frame.plotWidth / Double(categories.count)
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        // Labels that would overlap alternate between two rows; one still too long for its
        // room is shortened with an ellipsis, its full name kept as the tooltip.
        let charWidth = 6.2, longest = Double(categories.map(\.count).max() ?? 0) * charWidth
        let staggered = longest > groupWidth * 0.95
        let room = Int((staggered ? 2 * groupWidth : groupWidth) * 0.95 / charWidth)
        for (c, name) in categories.enumerated() {
            let cx = margin.left + groupWidth * (Double(c) + 0.5)
            let y = height - margin.bottom + (staggered && c % 2 == 1 ? 30 : 16)
            let shown = name.count > room ? String(name.prefix(max(1, room - 1))) + "…" : name
            body += "<text x=\"\(f(cx))\" y=\"\(f(y))\" text-anchor=\"middle\" font-size=\"11\"><title>\(escape(name))</title>\(escape(shown))</text>"
            for (k, s) in series.enumerated() where s.values[c].isFinite {
                let colour = palette[k % palette.count]
                let x = margin.left + groupWidth * Double(c) + groupWidth * 0.1 + barWidth * Double(k)
                let y = frame.py(s.values[c]), base = frame.py(max(frame.y.0, 0))
                body += "<rect x=\"\(f(x))\" y=\"\(f(min(y, base)))\" width=\"\(f(barWidth * 0.9))\" height=\"\(f(abs(base - y)))\" fill=\"\(colour)\"/>"
                if s.lower[c].isFinite && s.upper[c].isFinite {
                    let mx = x + barWidth * 0.45
                    body += "<line x1=\"\(f(mx))\" x2=\"\(f(mx))\" y1=\"\(f(frame.py(s.lower[c])))\" y2=\"\(f(frame.py(s.upper[c])))\" stroke=\"black\"/>"
                }
            }
        }
        for (k, s) in series.enumerated() { body += legend(k, s.name, palette[k % palette.count]) }
        return wrap(body)
    }

    /// Paths in the plane (metres, shown in cm), equal scales on both axes.
    static func paths(_ series: [(name: String, points: [SIMD2<Double>], dashed: Bool)], title: String) -> String {
        let all = series.flatMap(\.points)
        guard !all.isEmpty else { return empty(title) }
        let r = max(0.12, all.map { max(abs($0.x), abs($0.y)) }.max() ?? 0.12) * 100
        let side = height - margin.top - margin.bottom
        var body = "<text x=\"\(f(margin.left))\" y=\"14\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        let cx = margin.left + side / 2, cy = margin.top + side / 2, k = side / (2 * r)
        body += "<rect x=\"\(f(margin.left))\" y=\"\(f(margin.top))\" width=\"\(f(side))\" height=\"\(f(side))\" fill=\"none\" stroke=\"#999\"/>"
        body += "<text x=\"\(f(cx))\" y=\"\(f(margin.top + side + 30))\" text-anchor=\"middle\" font-size=\"11\">x (cm), ±\(Int(r.rounded())) cm</text>"
        for (i, s) in series.enumerated() {
            let colour = palette[i % palette.count]
            let pts = s.points.map { "\(f(cx + $0.x * 100 * k)),\(f(cy - $0.y * 100 * k))" }
            body += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(s.dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
            if i < 8 { body += legend(i, s.name, colour) }
        }
        return wrap(body)
    }

    // MARK: Frame and pieces

    struct Frame {
        var x: (Double, Double)
        var y: (Double, Double)
        var plotWidth: Double { width - margin.left - margin.right }
        var plotHeight: Double { height - margin.top - margin.bottom }
        func px(_ v: Double) -> Double { margin.left + (v - x.0) / (x.1 - x.0) * plotWidth }
        func py(_ v: Double) -> Double { margin.top + (1 - (v - y.0) / (y.1 - y.0)) * plotHeight }
        func point(_ a: Double, _ b: Double) -> String { "\(f(px(a))),\(f(py(b)))" }
    }

    static func padded(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let span = hi - lo
        return span > 0 ? (lo - 0.05 * span, hi + 0.05 * span) : (lo - 1, hi + 1)
    }

    static func axes(_ frame: Frame, title: String, xLabel: String, yLabel: String, xTicks: Bool = true) -> String {
        let bottom = height - margin.bottom, right = width - margin.right
        var s = "<text x=\"\(f(margin.left))\" y=\"14\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        s += "<line x1=\"\(f(margin.left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#333\"/>"
        s += "<line x1=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" x2=\"\(f(margin.left))\" y2=\"\(f(bottom))\" stroke=\"#333\"/>"
        for t in ticks(frame.y.0, frame.y.1) {
            let y = frame.py(t)
            s += "<line x1=\"\(f(margin.left - 4))\" y1=\"\(f(y))\" x2=\"\(f(margin.left))\" y2=\"\(f(y))\" stroke=\"#333\"/>"
            s += "<text x=\"\(f(margin.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"10\">\(label(t))</text>"
        }
        if xTicks {
            for t in ticks(frame.x.0, frame.x.1) {
                let x = frame.px(t)
                s += "<line x1=\"\(f(x))\" y1=\"\(f(bottom))\" x2=\"\(f(x))\" y2=\"\(f(bottom + 4))\" stroke=\"#333\"/>"
                s += "<text x=\"\(f(x))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\" font-size=\"10\">\(label(t))</text>"
            }
        }
        s += "<text x=\"\(f(margin.left + frame.plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\" font-size=\"11\">\(escape(xLabel))</text>"
        s += "<text transform=\"translate(14,\(f(margin.top + frame.plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"11\">\(escape(yLabel))</text>"
        return s
    }

    /// About five round tick values spanning [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let raw = (hi - lo) / 5
        guard raw > 0, raw.isFinite else { return [lo] }
        let mag = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = (lo / step).rounded(.up) * step, out: [Double] = []
        while t <= hi + 1e-12 && out.count < 12 { out.append(t); t += step }
        return out
    }

    static func legend(_ k: Int, _ name: String, _ colour: String) -> String {
        let x = width - margin.right + 12, y = margin.top + 16 * Double(k) + 8
        return "<rect x=\"\(f(x))\" y=\"\(f(y - 8))\" width=\"12\" height=\"8\" fill=\"\(colour)\"/>"
            + "<text x=\"\(f(x + 16))\" y=\"\(f(y))\" font-size=\"11\">\(escape(name))</text>"
    }

    static func wrap(_ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\">\(body)</svg>"
    }

    static func empty(_ title: String) -> String {
        wrap("<text x=\"20\" y=\"30\" font-size=\"13\">\(escape(title)): no data</text>")
    }

    static func label(_ value: Double) -> String {
        let v = abs(value) < 1e-12 ? 0 : value  // no "-0"
        return abs(v) >= 1000 || (abs(v) < 0.01 && v != 0) ? String(format: "%.2g", v) : String(format: "%g", (v * 1000).rounded() / 1000)
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
