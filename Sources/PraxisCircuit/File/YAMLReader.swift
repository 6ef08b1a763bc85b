import Yams

/// Reads typed fields from a composed YAML tree, collecting located errors instead of
/// stopping at the first, and refusing keys it does not know.
struct YAMLReader {
    let file: String
    private(set) var errors: [CircuitFileError] = []

    init(file: String) { self.file = file }

    mutating func fail(_ node: Node?, _ field: String, _ message: String) {
        errors.append(CircuitFileError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
                                       field: field, message: message))
    }

    /// The entries of a mapping, refusing keys outside `allowed` and reporting missing `required` ones.
    mutating func mapping(_ node: Node, _ field: String, allowed: [String], required: [String] = []) -> [String: Node]? {
        guard let m = node.mapping else {
            fail(node, field, "wrong type: expected a mapping of \(allowed.joined(separator: ", "))"); return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { fail(k, field, "keys must be strings"); continue }
            if !allowed.contains(key) {
                fail(k, "\(field).\(key)", "unknown key '\(key)'; expected one of: \(allowed.joined(separator: ", "))")
                continue
            }
            out[key] = v
        }
        for r in required where out[r] == nil { fail(node, "\(field).\(r)", "missing required key '\(r)'") }
        return out
    }

    /// Overwrites `value` with key `key` of mapping `m` (read as a number, divided by `per`,
    /// e.g. 1000 for milliseconds to seconds) when the key is present; a wrong type is
    /// reported under `field.key`.
    mutating func set(_ value: inout Float, _ m: [String: Node], _ key: String, _ field: String, per: Double = 1) {
        if let n = m[key], let v = number(n, "\(field).\(key)") { value = Float(v / per) }
    }

    mutating func sequence(_ node: Node, _ field: String) -> [Node]? {
        guard let s = node.sequence else { fail(node, field, "wrong type: expected a list"); return nil }
        return Array(s)
    }

    mutating func string(_ node: Node, _ field: String) -> String? {
        guard let s = node.scalar?.string, !s.isEmpty else { fail(node, field, "wrong type: expected text"); return nil }
        return s
    }

    mutating func number(_ node: Node, _ field: String) -> Double? {
        guard let scalar = node.scalar, let v = Double(String(scalar.string.filter { $0 != "_" })), v.isFinite else {
            fail(node, field, "wrong type: expected a number, got '\(node.scalar?.string ?? "a collection")'"); return nil
        }
        return v
    }

    mutating func integer(_ node: Node, _ field: String) -> Int? {
        guard let v = number(node, field) else { return nil }
        guard v == v.rounded(), abs(v) < 1e9 else { fail(node, field, "wrong type: expected a whole number, got \(v)"); return nil }
        return Int(v)
    }

    mutating func choice<T>(_ node: Node, _ field: String, _ options: [String: T]) -> T? {
        guard let s = string(node, field) else { return nil }
        guard let v = options[s] else {
            fail(node, field, "unknown value '\(s)'; expected one of: \(options.keys.sorted().joined(separator: ", "))")
            return nil
        }
        return v
    }
}

