/// A problem in an input file (circuit, protocol, experiment), located by file, line, column and field.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path of the field, e.g. `pathways[3].delay_ms`.
    public var field: String
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(field): \(message)" }
    public init(file: String, line: Int, column: Int, field: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.field = field; self.message = message
    }
}

/// Every problem found in one file; nothing is built or run when there is any.
public struct FileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [FileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    public init(errors: [FileError]) { self.errors = errors }
}
