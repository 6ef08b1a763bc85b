/// A problem in a circuit file, located by file, line, column and field.
public struct CircuitFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path of the field, e.g. `pathways[3].delay_ms`.
    public var field: String
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(field): \(message)" }
}

/// Every problem found in one circuit file; nothing is built when there is any.
public struct CircuitFileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [CircuitFileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
