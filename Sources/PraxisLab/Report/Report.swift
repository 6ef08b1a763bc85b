import Foundation

/// `DIR/report.html`: one self-contained page (inline SVG, no scripts or external files)
/// with the measures per arm, learning curves with 95 % bands, test-phase bars, dopamine
/// responses over trials, example hand paths and the effects between arms.
public enum Report {
    /// The report page for `store`, whose summary is `summary` (computed once: its bootstrap
    /// intervals are the costly part).
    public static func html(store: Store, summary: Summary) throws -> String {
        guard let run = try store.runInfo() else { throw SummaryError.emptyStore(store.path) }
        return try page(title: run.name, sections: section(store: store, summary: summary, run: run, level: 2))
    }

    /// Writes `folder/report.html` for the store in `folder`; returns its path.
    @discardableResult
    public static func write(store: Store, summary: Summary, to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("report.html")
        try Data(try html(store: store, summary: summary).utf8).write(to: url, options: .atomic)
        return url
    }

    /// A page holding the sections of several stores with their summaries (the demo's experiments).
    public static func combined(title: String, _ results: [(store: Store, summary: Summary)]) throws -> String {
        var body = ""
        for (store, summary) in results {
            guard let run = try store.runInfo() else { continue }
            body += "<h2>\(SVGChart.escape(run.name))</h2>" + (try section(store: store, summary: summary, run: run, level: 3))
        }
        return page(title: title, sections: body)
    }

    static func page(title: String, sections: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(SVGChart.escape(title)) — Praxis report</title>
        <style>
        body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
        th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}
        figcaption{font-size:0.9em;color:#555;max-width:560px}.meta{color:#555;font-size:0.9em}
        </style></head><body>
        <h1>\(SVGChart.escape(title))</h1>
        \(sections)
        <p class="meta">Written by Praxis \(PraxisVersion.string). Confidence intervals of measures and
        effects are percentile bootstraps (2000 resamples over subjects); bands of curves are
        mean ± 1.96 SE across subjects.</p>
        </body></html>
        """
    }

    static func section(store: Store, summary: Summary, run: Store.RunInfo, level h: Int) throws -> String {
        let arms = summary.arms.map(\.name)
        let armInfo = try store.arms()
        var s = "<p class=\"meta\">Seed \(run.seed) · Praxis \(SVGChart.escape(run.version)) · run started \(SVGChart.escape(run.createdAt)) · "
        s += summary.arms.map { "\(SVGChart.escape($0.name)): \($0.subjects) subjects" }.joined(separator: ", ") + "</p>"

        // Measures table and bars.
        let names = run.design.measures.map(\.name)
        s += "<h\(h)>Measures (mean [95 % CI], n)</h\(h)><table><tr><th>measure</th>"
        s += arms.map { "<th>\(SVGChart.escape($0))</th>" }.joined() + "</tr>"
        for name in names {
            s += "<tr><td>\(SVGChart.escape(name))</td>"
            for a in summary.arms {
                let st = a.measures[name]
                s += "<td>\(num(st?.mean)) [\(num(st?.ci95.first ?? nil)), \(num(st?.ci95.last ?? nil))], \(st?.n ?? 0)</td>"
            }
            s += "</tr>"
        }
        s += "</table>"
        let bars = summary.arms.map { a in
            (name: a.name, values: names.map { a.measures[$0]?.mean ?? .nan },
             lower: names.map { (a.measures[$0]?.ci95.first ?? nil) ?? .nan },
             upper: names.map { (a.measures[$0]?.ci95.last ?? nil) ?? .nan })
        }
        s += figure(SVGChart.bars(categories: names, series: bars, title: "Measures by arm", yLabel: "mean over subjects"),
                    "Each measure per arm: mean over subjects with its bootstrap 95 % CI.")

        // Learning curves.
        for curve in run.design.curves {
            let series = try curveSeries(store: store, armInfo: armInfo, metric: curve.metric, session: curve.session, bin: curve.bin,
                                         absolute: curve.absolute)
            let what = curve.absolute ? "|\(curve.metric)|" : curve.metric
            s += figure(SVGChart.lines(series, title: "Learning curve: \(what)" + (curve.session.map { " (\($0))" } ?? ""),
                                       xLabel: "trial (bins of \(curve.bin))", yLabel: what),
                        "\(what) averaged in bins of \(curve.bin) trials per subject; lines are the arms' means, bands ± 1.96 SE.")
        }

        // Dopamine over trials.
        for (metric, what, extreme) in [("dopamine_reward", "after the reward", "Peak"), ("dopamine_cue", "after trial onset", "Peak"),
                                         ("dopamine_dip", "after the outcome", "Lowest")] {
            let series = try curveSeries(store: store, armInfo: armInfo, metric: metric, session: nil, bin: 20)
            if series.contains(where: { !$0.y.isEmpty }) {
                s += figure(SVGChart.lines(series, title: "Phasic dopamine \(what)", xLabel: "trial (bins of 20)",
                                           yLabel: "\(extreme.lowercased()) level − tonic"),
                            "\(extreme) phasic dopamine \(what) per trial (\(metric)), binned over 20 trials, by arm.")
            }
        }

        // Example paths.
        let paths = try store.paths(limit: 8)
        for a in armInfo {
            guard let kept = paths[a.id], !kept.isEmpty else { continue }
            let series = kept.map { (name: "trial \($0.trial)\($0.isCatch ? " (catch)" : "")", points: $0.points, dashed: $0.isCatch) }
            s += figure(SVGChart.paths(series, title: "Hand paths — \(a.name)"),
                        "Hand paths of the first kept subject of \(SVGChart.escape(a.name)) (catch trials dashed).")
        }

        // Effects.
        if !summary.effects.isEmpty {
            s += "<h\(h)>Effects between arms</h\(h)><table><tr><th>measure</th><th>arm b − arm a</th><th>difference</th><th>95 % CI</th><th>Cohen's d</th>"
            s += "<th>within subjects</th><th>95 % CI</th><th>d_z</th><th>pairs</th></tr>"
            for e in summary.effects {
                s += "<tr><td>\(SVGChart.escape(e.measure))</td><td>\(SVGChart.escape(e.b)) − \(SVGChart.escape(e.a))</td>"
                s += "<td>\(num(e.difference))</td><td>[\(num(e.ci95.first ?? nil)), \(num(e.ci95.last ?? nil))]</td><td>\(num(e.cohensD))</td>"
                let p = e.paired
                s += "<td>\(num(p?.difference))</td><td>[\(num(p?.ci95.first ?? nil)), \(num(p?.ci95.last ?? nil))]</td>"
                s += "<td>\(num(p?.dz))</td><td>\(p?.n ?? 0)</td></tr>"
            }
            s += "</table><p class=\"meta\">Difference and Cohen's d treat the arms as independent groups; within subjects, each subject is compared with itself in the other arm (same seed and individual parameters), with d_z the mean difference over the SD of the differences.</p>"
        }
        return s
    }

    /// Per arm: the metric binned per subject, then mean ± 1.96 SE across subjects per bin.
    static func curveSeries(store: Store, armInfo: [Store.ArmInfo], metric: String, session: String?, bin: Int,
                            absolute: Bool = false) throws -> [SVGChart.Series] {
        let data = try store.trialSeries(metric, session: session)
        return armInfo.map { arm in
            let subjects = (data[arm.id] ?? [:]).sorted { $0.key < $1.key }.map { absolute ? $0.value.map(abs) : $0.value }
            let bins = subjects.map { v in stride(from: 0, to: v.count, by: bin).map { Statistics.mean(Array(v[$0..<min(v.count, $0 + bin)])) } }
            let count = bins.map(\.count).max() ?? 0
            var x: [Double] = [], y: [Double] = [], lo: [Double] = [], hi: [Double] = []
            for b in 0..<count {
                let values = bins.compactMap { b < $0.count ? $0[b] : nil }
                let m = Statistics.mean(values), se = values.count > 1 ? Statistics.sd(values) / Double(values.count).squareRoot() : 0
                x.append(Double(b * bin + bin / 2)); y.append(m); lo.append(m - 1.96 * se); hi.append(m + 1.96 * se)
            }
            return SVGChart.Series(name: arm.name, x: x, y: y, lower: lo, upper: hi)
        }
    }

    static func figure(_ svg: String, _ caption: String) -> String {
        "<figure>\(svg)<figcaption>\(caption)</figcaption></figure>"
    }

    static func num(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: abs(x) >= 100 ? "%.1f" : "%.3f", x)
    }
}
