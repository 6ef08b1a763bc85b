extension ProtocolFile {
    /// `trainingProtocol` as protocol-file text that `parse` reads back to an equal value.
    public static func text(_ p: TrainingProtocol) -> String {
        var lines = ["name: \(quoted(p.name))", "protocol:"]
        for step in p.steps {
            switch step {
            case .rest(let rest):
                lines.append("  - rest: {seconds: \(rest.seconds), sleep: \(rest.asleep)}")
            case .session(let s):
                lines.append("  - session: \(quoted(s.name))")
                if let day = s.day { lines.append("    day: \(day)") }
                lines.append("    blocks:")
                for b in s.blocks { lines.append("      - {\(fields(b).joined(separator: ", "))}") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fields(_ b: Block) -> [String] {
        var f = ["task: \(b.task)"]
        switch b.length {
        case .trials(let n): f.append("trials: \(n)")
        case .untilCriterion(let c):
            var parts = ["metric: \(c.metric)"]
            if let lo = c.atLeast { parts.append("at_least: \(lo)") }
            if let hi = c.atMost { parts.append("at_most: \(hi)") }
            if !c.perTarget.isEmpty { parts.append("per_target: [\(c.perTarget.map { "\($0.atLeast)" }.joined(separator: ", "))]") }
            parts += ["window: \(c.window)", "max: \(c.maxTrials)"]
            if c.every != 1 { parts.append("every: \(c.every)") }
            f.append("until: {\(parts.joined(separator: ", "))}")
        }
        if let t = b.targets { f.append("targets: [\(t.map(String.init).joined(separator: ", "))]") }
        if b.order != .shuffled { f.append("order: \(b.order.rawValue)") }
        switch b.perturbation {
        case .none: break
        case .forceField(let m): f.append("perturbation: {field: [[\(m.a), \(m.b)], [\(m.c), \(m.d)]]}")
        case .rotation(let d): f.append("perturbation: {rotation: \(d)}")
        case .errorClamp(let k, let c): f.append("perturbation: {clamp: {stiffness: \(k), damping: \(c)}}")
        }
        if b.catchFraction > 0 { f.append("catch: \(b.catchFraction)") }
        f.append("feedback: \(b.feedback.rawValue)")
        if let p = b.rewardProbabilities { f.append("reward_probability: [\(p.map { "\($0)" }.joined(separator: ", "))]") }
        if let s = b.secondary { f.append("secondary: {task: \(quoted(s.task)), load: \(s.load)}") }
        return f
    }

    private static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
