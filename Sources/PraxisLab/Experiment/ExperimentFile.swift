import Foundation
import PraxisCircuit
import PraxisClinic
import PraxisTasks
import Yams

/// Loads experiment files (YAML; grammar in `docs/experiment-file.md`). Every problem —
/// syntax, an unknown key, a wrong type, an unknown metric or circuit knob, an impossible
/// value, a protocol or circuit file that is missing or invalid — is reported with file,
/// line, column and field, and nothing runs.
public enum ExperimentFile {
    /// Parses and validates `text`; `file` names it in errors, and relative paths to protocol
    /// and circuit files are resolved against `file`'s folder.
    public static func parse(_ text: String, file: String) throws(FileErrors) -> Experiment {
        let root = try YAMLReader.compose(text, file: file)
        var r = YAMLReader(file: file)
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var nested: [FileError] = []
        let result = ExperimentParser(folder: folder, text: text).experiment(root, &r, nested: &nested)
        let errors = r.errors + nested
        if let result, errors.isEmpty { return result }
        throw FileErrors(errors: errors)
    }

    /// Reads and parses the experiment file at `path`.
    public static func load(_ path: String) throws(FileErrors) -> Experiment {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FileErrors(errors: [FileError(file: path, line: 0, column: 0, field: "(file)", message: "cannot read the file")])
        }
        return try parse(text, file: path)
    }
}

/// The grammar of experiment files.
struct ExperimentParser {
    let folder: URL
    let text: String

    func experiment(_ root: Node, _ r: inout YAMLReader, nested: inout [FileError]) -> Experiment? {
        let keys = ["name", "seed", "circuit", "body", "cohort", "arms", "protocol", "measures", "curves", "trajectories"]
        guard let m = r.mapping(root, "(file)", allowed: keys, required: ["name", "seed", "cohort", "arms", "protocol", "measures"])
        else { return nil }
        let name = m["name"].flatMap { r.string($0, "name") } ?? "experiment"
        var seed: UInt64 = 0
        if let n = m["seed"], let s = r.integer(n, "seed") {
            if s < 0 { r.fail(n, "seed", "must be ≥ 0, got \(s)") } else { seed = UInt64(s) }
        }
        let circuit = m["circuit"].flatMap { circuitSpec($0, &r, nested: &nested) } ?? CircuitFile.defaultCircuit()
        let body = m["body"].map { bodySpec($0, &r) } ?? BodyParameters()
        let trainingProtocol = m["protocol"].flatMap { protocolSpec($0, "protocol", name: name, &r, nested: &nested) }
        let cohort = m["cohort"].flatMap { cohortSpec($0, circuit: circuit, &r, nested: &nested) }
        var arms: [Arm] = []
        if let n = m["arms"], let list = r.sequence(n, "arms") {
            if list.isEmpty { r.fail(n, "arms", "an experiment needs at least one arm") }
            for (i, a) in list.enumerated() { if let arm = arm(a, "arms[\(i)]", &r) { arms.append(arm) } }
            var seen = Set<String>()
            for (i, a) in arms.enumerated() where !seen.insert(a.name).inserted {
                r.fail(list[i], "arms[\(i)].name", "arm '\(a.name)' is named twice")
            }
        }
        let metrics = trainingProtocol.map(Self.metricNames) ?? []
        var measures: [Measure] = []
        if let n = m["measures"], let list = r.sequence(n, "measures") {
            if list.isEmpty { r.fail(n, "measures", "name at least one measure") }
            for (i, x) in list.enumerated() {
                if let v = measure(x, "measures[\(i)]", metrics: metrics, sessions: trainingProtocol, before: measures.map(\.name), &r) { measures.append(v) }
            }
            var seen = Set<String>()
            for (i, x) in measures.enumerated() where !seen.insert(x.name).inserted {
                r.fail(list[i], "measures[\(i)].name", "measure '\(x.name)' is named twice")
            }
        }
        var curves: [Curve] = []
        if let n = m["curves"], let list = r.sequence(n, "curves") {
            for (i, x) in list.enumerated() {
                if let c = curve(x, "curves[\(i)]", metrics: metrics, sessions: trainingProtocol, &r) { curves.append(c) }
            }
        }
        var sampling = TrajectorySampling()
        if let n = m["trajectories"], let t = r.mapping(n, "trajectories", allowed: ["subjects", "every"]) {
            if let x = t["subjects"], let v = r.integer(x, "trajectories.subjects") {
                if v < 0 { r.fail(x, "trajectories.subjects", "must be ≥ 0, got \(v)") } else { sampling.subjects = v }
            }
            if let x = t["every"], let v = r.integer(x, "trajectories.every") {
                if v < 1 { r.fail(x, "trajectories.every", "must be ≥ 1, got \(v)") } else { sampling.every = v }
            }
        }
        guard let trainingProtocol, let cohort else { return nil }
        return Experiment(name: name, seed: seed, text: text, circuit: circuit, body: body, cohort: cohort, arms: arms,
                          trainingProtocol: trainingProtocol, measures: measures, curves: curves, trajectories: sampling)
    }

    /// Every metric a protocol's trials can report: its tasks' metrics and the subject's
    /// measures (the columns of its trial table).
    static func metricNames(_ p: TrainingProtocol) -> Set<String> { Set(TrialCSV(for: p).metrics) }

    /// A file path relative to the experiment's folder.
    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
    }

    /// `circuit: default` or a circuit file.
    private func circuitSpec(_ node: Node, _ r: inout YAMLReader, nested: inout [FileError]) -> CircuitSpec? {
        guard let path = r.string(node, "circuit") else { return nil }
        if path == "default" { return CircuitFile.defaultCircuit() }
        let full = resolve(path)
        guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
            r.fail(node, "circuit", "cannot read circuit file '\(full)'"); return nil
        }
        do { return try CircuitFile.parse(text, file: full) } catch {
            r.fail(node, "circuit", "circuit file '\(full)' is invalid (\(error.errors.count) problem(s) below)")
            nested += error.errors
            return nil
        }
    }

    /// `body: {FIELD: value, …}`: the subjects' body (`BodyParameters.fields`), the defaults
    /// for what is not given.
    private func bodySpec(_ node: Node, _ r: inout YAMLReader) -> BodyParameters {
        var body = BodyParameters()
        let fields = BodyParameters.fields
        guard let m = r.mapping(node, "body", allowed: fields.map(\.name)) else { return body }
        for field in fields {
            guard let x = m[field.name], let v = r.number(x, "body.\(field.name)") else { continue }
            if let problem = field.problem(v) { r.fail(x, "body.\(field.name)", problem) } else { body[keyPath: field.keyPath] = v }
        }
        return body
    }

    /// A protocol written inline (a list of sessions and rests) or named by file.
    private func protocolSpec(_ node: Node, _ field: String, name: String, _ r: inout YAMLReader,
                              nested: inout [FileError]) -> TrainingProtocol? {
        if node.sequence != nil { return ProtocolParser.steps(node, field, name: name, &r) }
        guard let path = r.string(node, field) else { return nil }
        let full = resolve(path)
        guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
            r.fail(node, field, "cannot read protocol file '\(full)'"); return nil
        }
        do { return try ProtocolFile.parse(text, file: full) } catch {
            r.fail(node, field, "protocol file '\(full)' is invalid (\(error.errors.count) problem(s) below)")
            nested += error.errors
            return nil
        }
    }

    private func cohortSpec(_ node: Node, circuit: CircuitSpec, _ r: inout YAMLReader, nested: inout [FileError]) -> Cohort? {
        guard let m = r.mapping(node, "cohort", allowed: ["size", "variability", "pretraining"], required: ["size"]) else { return nil }
        var size = 1
        if let n = m["size"], let v = r.integer(n, "cohort.size") {
            if v < 1 || v > 1_000_000 { r.fail(n, "cohort.size", "must be in 1…1000000, got \(v)") } else { size = v }
        }
        var variability: [Variation] = []
        if let n = m["variability"], let vm = n.mapping {
            for (k, v) in vm {
                guard let key = k.string else { r.fail(k, "cohort.variability", "keys must be knob names"); continue }
                let f = "cohort.variability.\(key)"
                guard let knob = Self.knob(key, in: circuit) else {
                    r.fail(k, f, "unknown knob '\(key)'; expected MODULATOR.tonic|burst_gain|dip_gain, POPULATION.gain, PROJECTION.scale or PROJECTION.rate of the circuit, or body.FIELD (\(BodyParameters.fields.map(\.name).joined(separator: ", ")))")
                    continue
                }
                if let d = distribution(v, f, &r) { variability.append(Variation(knob: knob, distribution: d)) }
            }
        } else if let n = m["variability"] { r.fail(n, "cohort.variability", "wrong type: expected a mapping of knob: distribution") }
        let pretraining = m["pretraining"].flatMap { protocolSpec($0, "cohort.pretraining", name: "pretraining", &r, nested: &nested) }
        return Cohort(size: size, variability: variability, pretraining: pretraining)
    }

    /// `{normal: [mean, sd]}` or `{uniform: [low, high]}`.
    private func distribution(_ node: Node, _ f: String, _ r: inout YAMLReader) -> Variation.Distribution? {
        guard let m = r.mapping(node, f, allowed: ["normal", "uniform"]), m.count == 1, let (kind, value) = m.first else {
            if node.mapping?.isEmpty ?? false { r.fail(node, f, "expected {normal: [mean, sd]} or {uniform: [low, high]}") }
            return nil
        }
        guard let list = r.sequence(value, "\(f).\(kind)"), list.count == 2,
              let a = r.number(list[0], "\(f).\(kind)[0]"), let b = r.number(list[1], "\(f).\(kind)[1]") else {
            if value.sequence.map({ $0.count != 2 }) ?? false { r.fail(value, "\(f).\(kind)", "expected two numbers") }
            return nil
        }
        if kind == "normal" {
            if !(a >= 0 && b >= 0) { r.fail(value, "\(f).normal", "mean and sd must be ≥ 0, got [\(a), \(b)]"); return nil }
            return .normal(mean: a, sd: b)
        }
        if !(a >= 0 && a <= b) { r.fail(value, "\(f).uniform", "need 0 ≤ low ≤ high, got [\(a), \(b)]"); return nil }
        return .uniform(low: a, high: b)
    }

    /// The knob named `key` (`NAME.FIELD`) if the circuit has it.
    static func knob(_ key: String, in circuit: CircuitSpec) -> Knob? {
        guard let dot = key.lastIndex(of: ".") else { return nil }
        let name = String(key[..<dot]), field = String(key[key.index(after: dot)...])
        if name == "body", let f = BodyParameters.field(named: field) { return .body(f.name) }
        if let f = Knob.ModulatorField(rawValue: field), circuit.modulators.contains(where: { $0.name == name }) {
            return .modulator(name: name, field: f)
        }
        if field == "gain", circuit.populations.contains(where: { $0.name == name }) { return .populationGain(name) }
        if circuit.pathways.contains(where: { $0.name == name }) {
            if field == "scale" { return .projectionScale(name) }
            if field == "rate", circuit.pathways.contains(where: { $0.name == name && $0.rule != nil }) { return .plasticityRate(name) }
        }
        return nil
    }

    private func arm(_ node: Node, _ f: String, _ r: inout YAMLReader) -> Arm? {
        guard let m = r.mapping(node, f, allowed: ["name", "parkinsons", "levodopa"], required: ["name"]) else { return nil }
        let name = m["name"].flatMap { r.string($0, "\(f).name") } ?? "arm"
        var condition = Condition.healthy
        var spread: Variation.Distribution?
        if let n = m["parkinsons"], let p = r.mapping(n, "\(f).parkinsons", allowed: ["snc_loss"], required: ["snc_loss"]),
           let x = p["snc_loss"] {
            if x.mapping != nil {
                // A severity that varies across the arm's subjects.
                let g = "\(f).parkinsons.snc_loss"
                if let d = distribution(x, g, &r) {
                    let (upper, what): (Double, String)
                    switch d { case .normal(let mean, _): (upper, what) = (mean, "the mean"); case .uniform(_, let high): (upper, what) = (high, "high") }
                    if upper >= 1 { r.fail(x, g, "SNc loss must stay below 1, got \(what) \(upper)") } else { spread = d; condition.sncLoss = d.mean }
                }
            } else if let v = r.number(x, "\(f).parkinsons.snc_loss") {
                condition.sncLoss = v
            }
        }
        if let n = m["levodopa"], let p = r.mapping(n, "\(f).levodopa", allowed: ["tonic"], required: ["tonic"]),
           let x = p["tonic"], let v = r.number(x, "\(f).levodopa.tonic") {
            condition.levodopaTonic = v
        }
        for problem in condition.problems { r.fail(m[String(problem.field.split(separator: ".")[0])] ?? node, "\(f).\(problem.field)", problem.message) }
        return Arm(name: name, condition: condition, sncLossSpread: spread)
    }

    /// `m.metric`, refused when the protocol's trials do not report it.
    private func metricName(_ m: [String: Node], _ f: String, _ metrics: Set<String>, _ r: inout YAMLReader) -> String? {
        guard let n = m["metric"], let metric = r.string(n, "\(f).metric") else { return nil }
        if !metrics.isEmpty && !metrics.contains(metric) {
            r.fail(n, "\(f).metric", "unknown metric '\(metric)'; the protocol's trials report: \(metrics.sorted().joined(separator: ", "))")
        }
        return metric
    }

    /// `m.session` if given, refused when the protocol has no such session.
    private func sessionName(_ m: [String: Node], _ f: String, _ p: TrainingProtocol?, _ r: inout YAMLReader) -> String? {
        guard let n = m["session"], let s = r.string(n, "\(f).session") else { return nil }
        if let p, !p.sessions.contains(where: { $0.name == s }) {
            r.fail(n, "\(f).session", "unknown session '\(s)'; the protocol's sessions are: \(p.sessions.map(\.name).joined(separator: ", "))")
        }
        return s
    }

    private func measure(_ node: Node, _ f: String, metrics: Set<String>, sessions: TrainingProtocol?, before: [String],
                         _ r: inout YAMLReader) -> Measure? {
        let filters = ["metric", "session", "block", "targets", "catch", "only", "first", "last", "absolute"]
        guard let m = r.mapping(node, f, allowed: ["name", "contrast"] + filters) else { return nil }
        if let n = m["contrast"] { return contrastMeasure(m, n, f, filters: filters, before: before, &r) }
        guard m["metric"] != nil else { r.fail(node, "\(f).metric", "missing (or give a contrast of earlier measures)"); return nil }
        guard let metric = metricName(m, f, metrics, &r) else { return nil }
        let name = m["name"].flatMap { r.string($0, "\(f).name") } ?? metric
        let session = sessionName(m, f, sessions, &r)
        var targets: [Int]?
        if let n = m["targets"], let list = r.sequence(n, "\(f).targets") {
            targets = list.enumerated().compactMap { r.integer($1, "\(f).targets[\($0)]") }
        }
        var measure = Measure(name: name, metric: metric, session: session, targets: targets)
        for (key, keyPath) in [("block", \Measure.block), ("first", \Measure.first), ("last", \Measure.last)] {
            if let n = m[key], let v = r.integer(n, "\(f).\(key)") {
                if v < (key == "block" ? 0 : 1) { r.fail(n, "\(f).\(key)", "must be ≥ \(key == "block" ? 0 : 1), got \(v)") } else { measure[keyPath: keyPath] = v }
            }
        }
        if m["first"] != nil && m["last"] != nil, let n = m["last"] { r.fail(n, "\(f).last", "give first or last, not both") }
        if let n = m["catch"] { measure.isCatch = r.boolean(n, "\(f).catch") }
        if let n = m["absolute"] { measure.absolute = r.boolean(n, "\(f).absolute") ?? false }
        if let n = m["only"] {
            measure.only = weights(n, "\(f).only", known: metrics.isEmpty ? nil : metrics, what: "metric", &r)
        }
        return measure
    }

    /// `{name: …, contrast: {MEASURE: weight, …}}`: weights of measures named before it.
    private func contrastMeasure(_ m: [String: Node], _ n: Node, _ f: String, filters: [String], before: [String],
                                 _ r: inout YAMLReader) -> Measure? {
        for key in filters where m[key] != nil { r.fail(m[key]!, "\(f).\(key)", "a contrast takes no metric or filter") }
        guard let nameNode = m["name"] else { r.fail(n, "\(f).name", "a contrast needs a name"); return nil }
        guard let name = r.string(nameNode, "\(f).name"),
              let w = weights(n, "\(f).contrast", known: Set(before), what: "earlier measure", &r) else { return nil }
        if w.isEmpty { r.fail(n, "\(f).contrast", "name at least one earlier measure"); return nil }
        return Measure(name: name, contrast: w)
    }

    /// A mapping of names to numbers, each name one of `known` (when given).
    private func weights(_ node: Node, _ f: String, known: Set<String>?, what: String, _ r: inout YAMLReader) -> [String: Double]? {
        guard let pairs = node.mapping else { r.fail(node, f, "wrong type: expected a mapping of \(what) names to numbers"); return nil }
        var out: [String: Double] = [:]
        for (k, v) in pairs {
            guard let key = k.string else { r.fail(k, f, "keys must be \(what) names"); continue }
            if let known, !known.contains(key) {
                r.fail(k, "\(f).\(key)", "unknown \(what) '\(key)'; expected one of: \(known.sorted().joined(separator: ", "))")
                continue
            }
            if let x = r.number(v, "\(f).\(key)") { out[key] = x }
        }
        return out
    }

    private func curve(_ node: Node, _ f: String, metrics: Set<String>, sessions: TrainingProtocol?, _ r: inout YAMLReader) -> Curve? {
        guard let m = r.mapping(node, f, allowed: ["metric", "session", "bin", "absolute"], required: ["metric"]) else { return nil }
        guard let metric = metricName(m, f, metrics, &r) else { return nil }
        let session = sessionName(m, f, sessions, &r)
        var bin = 10
        if let n = m["bin"], let v = r.integer(n, "\(f).bin") {
            if v < 1 { r.fail(n, "\(f).bin", "must be ≥ 1, got \(v)") } else { bin = v }
        }
        let absolute = m["absolute"].flatMap { r.boolean($0, "\(f).absolute") } ?? false
        return Curve(metric: metric, session: session, bin: bin, absolute: absolute)
    }
}
