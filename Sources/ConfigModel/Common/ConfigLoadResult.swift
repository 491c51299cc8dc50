import Diagnostics

/// What loading a configuration file produced: the typed value (when the file could be decoded at all)
/// and every diagnostic found while parsing, decoding and validating it.
///
/// A value is returned even when there are errors, as long as the file was a YAML document of the
/// right overall shape, so that callers can keep checking (lints, referenced files).
public struct ConfigLoadResult<Value: Sendable>: Sendable {
    /// The decoded value with defaults applied, or `nil` when the file could not be decoded.
    public var value: Value?
    /// Every problem found, in the order found.
    public var diagnostics: [Diagnostic]

    public init(value: Value?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The value, only if no error was found.
    public var validValue: Value? { hasErrors ? nil : value }
}
