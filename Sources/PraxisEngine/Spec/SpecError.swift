/// A problem in a user's network description, naming the element and the field.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The element, e.g. `population 'E'` or `projection 'EE'`.
    public var element: String
    /// The field within the element, e.g. `size`.
    public var field: String
    public var message: String
    public init(element: String, field: String, message: String) {
        self.element = element; self.field = field; self.message = message
    }
    public var description: String { "\(element), field '\(field)': \(message)" }
}

/// Every problem found in one validation pass (validation does not stop at the first).
public struct SpecErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [SpecError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
