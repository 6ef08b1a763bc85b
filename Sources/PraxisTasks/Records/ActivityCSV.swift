import PraxisEngine

/// Recorded activity of one trial as tidy rows, `trial,t_ms,source,unit,value`: one row per
/// recorded value of a population's unit (its output) or a modulator's channel (its
/// level), with the time counted from the trial's first step. Written by `praxis
/// run-subject --record`.
public enum ActivityCSV {
    public static let header = "trial,t_ms,source,unit,value"

    /// Probes recording, every step, the output of each population of `network` named in
    /// `names` and the level of each modulator; the names `network` has neither of are
    /// returned apart.
    public static func probes(_ names: [String], in network: NetworkSpec) -> (probes: [ProbeSpec], unknown: [String]) {
        var probes: [ProbeSpec] = [], unknown: [String] = []
        for name in names {
            if network.populations.contains(where: { $0.name == name }) {
                probes.append(ProbeSpec(name: name, target: name, variable: .output))
            } else if network.modulators.contains(where: { $0.name == name }) {
                probes.append(ProbeSpec(name: name, target: name, variable: .modulator))
            } else {
                unknown.append(name)
            }
        }
        return (probes, unknown)
    }

    /// The rows of `recordings` for trial `trial`, which began at step `startStep`, every
    /// `every` steps from its start; `dtMs` is the step in ms.
    public static func rows(trial: Int, recordings: [Recording], startStep: Int, dtMs: Double, every: Int = 1) -> [String] {
        var rows: [String] = []
        for r in recordings {
            rows.reserveCapacity(rows.count + r.values.count / max(1, every))
            for (s, step) in r.steps.enumerated() where (step - startStep) % every == 0 {
                let t = Double(step - startStep) * dtMs
                for u in 0..<r.width { rows.append("\(trial),\(t),\(r.probe.target),\(u),\(r.values[s * r.width + u])") }
            }
        }
        return rows
    }
}
