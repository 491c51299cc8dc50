import Diagnostics

/// A decoded value together with where it was written, so validations and lints can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    /// Where the value's node starts; `nil` for values built in code.
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
