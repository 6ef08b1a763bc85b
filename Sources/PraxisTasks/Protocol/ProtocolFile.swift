import PraxisCircuit
import Yams

/// Loads protocol files (YAML; grammar in `docs/protocol-file.md`). Every problem — syntax,
/// an unknown key, a wrong type, an unknown task, an impossible value — is reported with
/// file, line, column and field, and nothing runs.
public enum ProtocolFile {
    /// Parses and validates `text`; `file` names it in errors. Blocks may name the tasks of
    /// `catalog`.
    public static func parse(_ text: String, file: String, catalog: TaskCatalog = .standard) throws(FileErrors) -> TrainingProtocol {
        let root = try YAMLReader.compose(text, file: file)
        var r = YAMLReader(file: file)
        let result = ProtocolParser.protocolFile(root, catalog: catalog, &r)
        if let result, r.errors.isEmpty { return result }
        throw FileErrors(errors: r.errors)
    }
}

/// The grammar of protocol files.
package enum ProtocolParser {
    static func protocolFile(_ root: Node, catalog: TaskCatalog, _ r: inout YAMLReader) -> TrainingProtocol? {
        guard let m = r.mapping(root, "(file)", allowed: ["name", "protocol"], required: ["protocol"]) else { return nil }
        let name = m["name"].flatMap { r.string($0, "name") } ?? "protocol"
        guard let node = m["protocol"] else { return nil }
        return steps(node, "protocol", name: name, catalog: catalog, &r)
    }

    /// The schedule under a `protocol:` key (a list of sessions and rests), for protocol files
    /// and for protocols written inline in other files (experiments).
    package static func steps(_ node: Node, _ field: String, name: String, catalog: TaskCatalog = .standard,
                              _ r: inout YAMLReader) -> TrainingProtocol? {
        guard let list = r.sequence(node, field) else { return nil }
        if list.isEmpty { r.fail(node, field, "must list at least one session") }
        var steps: [ProtocolStep] = []
        for (i, item) in list.enumerated() {
            let f = "\(field)[\(i)]"
            if item.mapping?["rest"] != nil {
                if let rest = rest(item, f, &r) { steps.append(.rest(rest)) }
            } else if let s = session(item, f, catalog: catalog, &r) {
                steps.append(.session(s))
            }
        }
        if !steps.contains(where: { if case .session = $0 { true } else { false } }) {
            r.fail(node, field, "must contain at least one session")
        }
        return TrainingProtocol(name: name, steps: steps)
    }

    static func session(_ node: Node, _ field: String, catalog: TaskCatalog, _ r: inout YAMLReader) -> Session? {
        guard let m = r.mapping(node, field, allowed: ["session", "day", "blocks"], required: ["session", "blocks"]) else { return nil }
        let name = m["session"].flatMap { r.string($0, "\(field).session") } ?? "session"
        var day: Int?
        if let n = m["day"], let d = r.integer(n, "\(field).day") {
            if d < 1 { r.fail(n, "\(field).day", "must be at least 1, got \(d)") }
            day = d
        }
        var blocks: [Block] = []
        if let n = m["blocks"], let list = r.sequence(n, "\(field).blocks") {
            if list.isEmpty { r.fail(n, "\(field).blocks", "a session needs at least one block") }
            for (j, b) in list.enumerated() { if let block = block(b, "\(field).blocks[\(j)]", catalog: catalog, &r) { blocks.append(block) } }
        }
        return Session(name: name, day: day, blocks: blocks)
    }

    static func rest(_ node: Node, _ field: String, _ r: inout YAMLReader) -> Rest? {
        guard let outer = r.mapping(node, field, allowed: ["rest"], required: ["rest"]), let inner = outer["rest"] else { return nil }
        let f = "\(field).rest"
        guard let m = r.mapping(inner, f, allowed: ["seconds", "minutes", "hours", "sleep"]) else { return nil }
        let units: [(String, Double)] = [("seconds", 1), ("minutes", 60), ("hours", 3600)]
        let given = units.filter { m[$0.0] != nil }
        guard given.count == 1, let (key, per) = given.first, let n = m[key] else {
            r.fail(inner, f, "give exactly one of seconds, minutes, hours"); return nil
        }
        guard let v = r.number(n, "\(f).\(key)") else { return nil }
        if v <= 0 { r.fail(n, "\(f).\(key)", "must be positive, got \(v)") }
        var asleep = false
        if let s = m["sleep"] { asleep = r.choice(s, "\(f).sleep", ["true": true, "false": false]) ?? false }
        return Rest(seconds: v * per, asleep: asleep)
    }

    static let blockKeys = ["task", "trials", "until", "targets", "order", "perturbation", "catch", "feedback", "reward_probability", "secondary"]

    static func block(_ node: Node, _ field: String, catalog: TaskCatalog, _ r: inout YAMLReader) -> Block? {
        guard let m = r.mapping(node, field, allowed: blockKeys, required: ["task"]) else { return nil }
        guard let taskNode = m["task"], let taskName = r.string(taskNode, "\(field).task") else { return nil }
        guard let entry = catalog.entry(taskName) else {
            r.fail(taskNode, "\(field).task", "unknown task '\(taskName)'; expected one of: \(catalog.entries.map(\.name).joined(separator: ", "))")
            return nil
        }
        var block = Block(task: taskName, length: .trials(1))
        if let n = m["targets"], let list = r.sequence(n, "\(field).targets") {
            var targets: [Int] = []
            for (k, t) in list.enumerated() {
                guard let v = r.integer(t, "\(field).targets[\(k)]") else { continue }
                if v < 0 || v >= entry.targets { r.fail(t, "\(field).targets[\(k)]", "target \(v) out of range 0..<\(entry.targets) for \(taskName)") }
                targets.append(v)
            }
            if targets.isEmpty { r.fail(n, "\(field).targets", "must list at least one target") }
            block.targets = targets
        }
        switch (m["trials"], m["until"]) {
        case (let n?, nil):
            if let t = r.integer(n, "\(field).trials") {
                if t < 1 { r.fail(n, "\(field).trials", "must be at least 1, got \(t)") }
                block.length = .trials(t)
            }
        case (nil, let n?):
            if let c = criterion(n, "\(field).until", metrics: entry.metricNames + Subject.measureNames,
                                 targets: block.targets, &r) { block.length = .untilCriterion(c) }
        default:
            r.fail(node, field, "give exactly one of 'trials' or 'until'")
        }
        if let n = m["order"] {
            block.order = r.choice(n, "\(field).order", Dictionary(uniqueKeysWithValues: TargetOrder.allCases.map { ($0.rawValue, $0) })) ?? .shuffled
            if block.order == .sequence && block.targets == nil { r.fail(n, "\(field).order", "a sequence needs its 'targets' listed") }
        }
        if let n = m["perturbation"], let p = perturbation(n, "\(field).perturbation", &r) {
            if p != .none && !entry.spatial { r.fail(n, "\(field).perturbation", "task \(taskName) has no arm to perturb") }
            block.perturbation = p
        }
        if let n = m["catch"], let f = r.number(n, "\(field).catch") {
            if !(0..<1).contains(f) { r.fail(n, "\(field).catch", "must be in [0, 1), got \(f)") }
            if f > 0 && block.perturbation == .none { r.fail(n, "\(field).catch", "catch trials need a perturbation to withhold") }
            block.catchFraction = f
        }
        if let n = m["feedback"] {
            block.feedback = r.choice(n, "\(field).feedback", Dictionary(uniqueKeysWithValues: Feedback.allCases.map { ($0.rawValue, $0) })) ?? .vector
        }
        if let n = m["reward_probability"] { block.rewardProbabilities = probabilities(n, "\(field).reward_probability", &r) }
        if let n = m["secondary"], let s = r.mapping(n, "\(field).secondary", allowed: ["task", "load"], required: ["task", "load"]) {
            let task = s["task"].flatMap { r.string($0, "\(field).secondary.task") } ?? "secondary"
            let load = s["load"].flatMap { r.number($0, "\(field).secondary.load") } ?? 0
            if let l = s["load"], !(0...1).contains(load) { r.fail(l, "\(field).secondary.load", "must be in [0, 1], got \(load)") }
            block.secondary = SecondaryTask(task: task, load: load)
        }
        return block
    }

    /// A block's `until`; `targets` are the block's listed targets, which `per_target`
    /// bounds follow in order.
    static func criterion(_ node: Node, _ field: String, metrics: [String], targets: [Int]?,
                          _ r: inout YAMLReader) -> Criterion? {
        guard let m = r.mapping(node, field, allowed: ["metric", "at_least", "at_most", "per_target", "window", "max", "every"],
                                required: ["metric", "window", "max"]) else { return nil }
        guard let metricNode = m["metric"], let metric = r.string(metricNode, "\(field).metric") else { return nil }
        if !metrics.contains(metric) {
            r.fail(metricNode, "\(field).metric", "unknown metric '\(metric)'; expected one of: \(metrics.sorted().joined(separator: ", "))")
        }
        let atLeast = m["at_least"].flatMap { r.number($0, "\(field).at_least") }
        let atMost = m["at_most"].flatMap { r.number($0, "\(field).at_most") }
        var perTarget: [Criterion.TargetBound] = []
        if let n = m["per_target"], let list = r.sequence(n, "\(field).per_target") {
            let listed = targets ?? []
            if list.count != listed.count {
                r.fail(n, "\(field).per_target", "needs one bound per listed target (\(listed.count) in 'targets'), got \(list.count)")
            }
            for (k, (target, v)) in zip(listed, list).enumerated() {
                if let x = r.number(v, "\(field).per_target[\(k)]") { perTarget.append(.init(target: target, atLeast: x)) }
            }
        }
        if atLeast == nil && atMost == nil && m["per_target"] == nil { r.fail(node, field, "give at_least, at_most or per_target") }
        if let lo = atLeast, let hi = atMost, lo > hi { r.fail(node, field, "at_least \(lo) is above at_most \(hi)") }
        let window = m["window"].flatMap { r.integer($0, "\(field).window") } ?? 1
        let maxTrials = m["max"].flatMap { r.integer($0, "\(field).max") } ?? 1
        if let n = m["window"], window < 1 { r.fail(n, "\(field).window", "must be at least 1, got \(window)") }
        if let n = m["max"], maxTrials < window { r.fail(n, "\(field).max", "must be at least the window (\(window)), got \(maxTrials)") }
        let every = m["every"].flatMap { r.integer($0, "\(field).every") } ?? 1
        if let n = m["every"], every < 1 || every > maxTrials {
            r.fail(n, "\(field).every", "must be between 1 and max (\(maxTrials)), got \(every)")
        }
        return Criterion(metric: metric, atLeast: atLeast, atMost: atMost, perTarget: perTarget,
                         window: window, maxTrials: maxTrials, every: every)
    }

    static func perturbation(_ node: Node, _ field: String, _ r: inout YAMLReader) -> Perturbation? {
        if let s = node.scalar?.string {
            switch s {
            case "none": return Perturbation.none
            case "clamp": return .errorClamp()
            default: r.fail(node, field, "unknown perturbation '\(s)'; expected none, clamp, or a mapping with field, curl, rotation or clamp"); return nil
            }
        }
        guard let m = r.mapping(node, field, allowed: ["field", "curl", "rotation", "clamp"]) else { return nil }
        guard m.count == 1, let (key, value) = m.first else { r.fail(node, field, "give exactly one perturbation"); return nil }
        let f = "\(field).\(key)"
        switch key {
        case "field":
            if value.scalar?.string == "shadmehr" { return .forceField(Perturbation.shadmehrField) }
            guard let rows = r.sequence(value, f) else { return nil }
            let numbers = rows.enumerated().map { (i, row) -> [Double] in
                guard let cells = r.sequence(row, "\(f)[\(i)]") else { return [] }
                return cells.enumerated().compactMap { (j, c) in r.number(c, "\(f)[\(i)][\(j)]") }
            }
            guard numbers.count == 2, numbers.allSatisfy({ $0.count == 2 }) else {
                r.fail(value, f, "expected a 2×2 matrix [[bxx, bxy], [byx, byy]] in N·s/m, or 'shadmehr'"); return nil
            }
            return .forceField(Matrix2(numbers[0][0], numbers[0][1], numbers[1][0], numbers[1][1]))
        case "curl":
            return r.number(value, f).map { .forceField(Perturbation.curl($0)) }
        case "rotation":
            guard let d = r.number(value, f) else { return nil }
            if abs(d) > 180 { r.fail(value, f, "must be within ±180 degrees, got \(d)") }
            return .rotation(degrees: d)
        default:
            guard let c = r.mapping(value, f, allowed: ["stiffness", "damping"]) else { return nil }
            var k = 2000.0, b = 50.0
            if let n = c["stiffness"], let v = r.number(n, "\(f).stiffness") { k = v; if v <= 0 { r.fail(n, "\(f).stiffness", "must be positive, got \(v)") } }
            if let n = c["damping"], let v = r.number(n, "\(f).damping") { b = v; if v < 0 { r.fail(n, "\(f).damping", "must be ≥ 0, got \(v)") } }
            return .errorClamp(stiffness: k, damping: b)
        }
    }

    static func probabilities(_ node: Node, _ field: String, _ r: inout YAMLReader) -> [Double]? {
        let items: [(Node, String)]
        if node.scalar != nil { items = [(node, field)] } else {
            guard let list = r.sequence(node, field) else { return nil }
            items = list.enumerated().map { ($1, "\(field)[\($0)]") }
        }
        var out: [Double] = []
        for (n, f) in items {
            guard let p = r.number(n, f) else { continue }
            if !(0...1).contains(p) { r.fail(n, f, "a probability must be in [0, 1], got \(p)") }
            out.append(p)
        }
        return out
    }
}
