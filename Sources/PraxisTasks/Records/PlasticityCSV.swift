import Foundation
import PraxisEngine

/// How far each learned projection moved over a run, and how many of its synapses ended at
/// a bound of their rule: the check that shows a plasticity site that never learns (its
/// weights where they started) or that ran into a bound. Written by `praxis run-subject`
/// as `DIR/plasticity.csv`, one row per learned projection.
public enum PlasticityCSV {
    public static let header = "projection,rule,synapses,mean_start,mean_end,mean_abs_change,at_min,at_max,ran_to_min,ran_to_max"

    /// A learned projection's weights at one moment, in synapse order.
    public struct Snapshot: Sendable {
        public let projection: String
        public let weights: [Float]
    }

    /// One learned projection over a run.
    public struct Row: Sendable, Equatable {
        public let projection: String
        public let rule: String
        public let synapses: Int
        public let meanStart: Double
        public let meanEnd: Double
        /// Mean over synapses of |w_end − w_start|.
        public let meanAbsChange: Double
        /// Fractions of synapses that end within `boundTolerance` of the rule's lower and
        /// upper bound.
        public let atMin: Double
        public let atMax: Double
        /// Of the synapses that started away from the lower (upper) bound, the fraction that
        /// ended at it: a rule that ran to a bound, as against synapses that stayed where
        /// they started (a sparse learned map whose unused synapses sit at 0, say).
        public let ranToMin: Double
        public let ranToMax: Double
        /// The rule's range, max − min.
        public let range: Double

        /// The synapses moved by no more than a millionth of the rule's range on average.
        public var unchanged: Bool { meanAbsChange <= 1e-6 * range }

        public var csv: String {
            "\(projection),\(rule),\(synapses),\(meanStart),\(meanEnd),\(meanAbsChange),\(atMin),\(atMax),\(ranToMin),\(ranToMax)"
        }
    }

    /// A synapse counts as at a bound when it lies within this fraction of the rule's range
    /// of it.
    public static let boundTolerance = 1e-3

    /// The weights of every learned projection of `network`.
    public static func snapshot(_ network: Network) -> [Snapshot] {
        network.projections.filter { $0.rule != nil }.map { Snapshot(projection: $0.name, weights: $0.weightValues) }
    }

    /// One row per projection of `start` (taken by `snapshot` from the same network), against
    /// its weights now.
    public static func rows(since start: [Snapshot], in network: Network) -> [Row] {
        start.compactMap { first in
            guard let j = network.projection(first.projection), let rule = j.rule else { return nil }
            let now = j.weightValues
            precondition(now.count == first.weights.count, "\(first.projection): the synapse count changed")
            let (lo, hi) = rule.bounds
            let range = Double(hi - lo), near = boundTolerance * range
            let n = Double(max(1, now.count))
            var sumStart = 0.0, sumEnd = 0.0, change = 0.0, atMin = 0, atMax = 0, offMin = 0, offMax = 0, toMin = 0, toMax = 0
            for (a, b) in zip(first.weights, now) {
                sumStart += Double(a); sumEnd += Double(b); change += Double(abs(b - a))
                let endsLow = Double(b - lo) <= near, endsHigh = Double(hi - b) <= near
                if endsLow { atMin += 1 }
                if endsHigh { atMax += 1 }
                if Double(a - lo) > near { offMin += 1; if endsLow { toMin += 1 } }
                if Double(hi - a) > near { offMax += 1; if endsHigh { toMax += 1 } }
            }
            return Row(projection: first.projection, rule: rule.name, synapses: now.count,
                       meanStart: sumStart / n, meanEnd: sumEnd / n, meanAbsChange: change / n,
                       atMin: Double(atMin) / n, atMax: Double(atMax) / n,
                       ranToMin: Double(toMin) / Double(max(1, offMin)), ranToMax: Double(toMax) / Double(max(1, offMax)),
                       range: range)
        }
    }

    /// Lines naming the projections that did not learn, or whose synapses mostly (more than
    /// `share` of those that started away from it) ran to one bound; empty when none did.
    public static func warnings(_ rows: [Row], share: Double = 0.9) -> [String] {
        rows.compactMap { r in
            if r.unchanged { return "\(r.projection) (\(r.rule)): unchanged over the run" }
            if r.ranToMin > share { return "\(r.projection) (\(r.rule)): \(percent(r.ranToMin)) of its synapses ran to the lower bound (\(threeDecimals(r.meanStart)) → \(threeDecimals(r.meanEnd)) on average)" }
            if r.ranToMax > share { return "\(r.projection) (\(r.rule)): \(percent(r.ranToMax)) of its synapses ran to the upper bound (\(threeDecimals(r.meanStart)) → \(threeDecimals(r.meanEnd)) on average)" }
            return nil
        }
    }

    private static func percent(_ x: Double) -> String { "\(Int((100 * x).rounded())) %" }
    private static func threeDecimals(_ x: Double) -> String { String(format: "%.3f", x) }
}
