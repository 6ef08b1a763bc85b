import Yams

/// Reads typed fields from a composed YAML tree, collecting located errors instead of
/// stopping at the first, and refusing keys it does not know. Shared by every file format
/// of the package (circuits, protocols, experiments).
package struct YAMLReader {
    package let file: String
    package private(set) var errors: [FileError] = []

    package init(file: String) { self.file = file }

    /// Composes `text` into a node tree; a syntax error or an empty file is reported with
    /// its location.
    package static func compose(_ text: String, file: String) throws(FileErrors) -> Node {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw FileErrors(errors: [syntaxError(error, file: file)]) }
        guard let root else {
            throw FileErrors(errors: [FileError(file: file, line: 1, column: 1, field: "(file)", message: "the file is empty")])
        }
        return root
    }

    private static func syntaxError(_ error: Error, file: String) -> FileError {
        if let y = error as? YamlError {
            switch y {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return FileError(file: file, line: mark.line, column: mark.column, field: "(syntax)", message: "YAML syntax error: \(problem)")
            default: break
            }
        }
        return FileError(file: file, line: 0, column: 0, field: "(syntax)", message: "YAML error: \(error)")
    }

    package mutating func fail(_ node: Node?, _ field: String, _ message: String) {
        errors.append(FileError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
                                       field: field, message: message))
    }

    /// The entries of a mapping, refusing keys outside `allowed` and reporting missing `required` ones.
    package mutating func mapping(_ node: Node, _ field: String, allowed: [String], required: [String] = []) -> [String: Node]? {
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
    package mutating func set(_ value: inout Float, _ m: [String: Node], _ key: String, _ field: String, per: Double = 1) {
        if let n = m[key], let v = number(n, "\(field).\(key)") { value = Float(v / per) }
    }

    package mutating func sequence(_ node: Node, _ field: String) -> [Node]? {
        guard let s = node.sequence else { fail(node, field, "wrong type: expected a list"); return nil }
        return Array(s)
    }

    package mutating func string(_ node: Node, _ field: String) -> String? {
        guard let s = node.scalar?.string, !s.isEmpty else { fail(node, field, "wrong type: expected text"); return nil }
        return s
    }

    package mutating func number(_ node: Node, _ field: String) -> Double? {
        guard let scalar = node.scalar, let v = Double(String(scalar.string.filter { $0 != "_" })), v.isFinite else {
            fail(node, field, "wrong type: expected a number, got '\(node.scalar?.string ?? "a collection")'"); return nil
        }
        return v
    }

    package mutating func integer(_ node: Node, _ field: String) -> Int? {
        guard let v = number(node, field) else { return nil }
        guard v == v.rounded(), abs(v) < 1e9 else { fail(node, field, "wrong type: expected a whole number, got \(v)"); return nil }
        return Int(v)
    }

    package mutating func boolean(_ node: Node, _ field: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: fail(node, field, "wrong type: expected true or false, got '\(node.scalar?.string ?? "a collection")'"); return nil
        }
    }

    package mutating func choice<T>(_ node: Node, _ field: String, _ options: [String: T]) -> T? {
        guard let s = string(node, field) else { return nil }
        guard let v = options[s] else {
            fail(node, field, "unknown value '\(s)'; expected one of: \(options.keys.sorted().joined(separator: ", "))")
            return nil
        }
        return v
    }
}

