import Diagnostics
import YAML

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

    /// The value and the diagnostics, for `let (value, diagnostics) = X.load(…).parts`.
    public var parts: (value: Value?, diagnostics: [Diagnostic]) { (value, diagnostics) }

    /// Reads `path` (`-` for standard input) and hands the input to `load`; a file that cannot be
    /// read (missing, too large, not UTF-8) gives its diagnostics and no value.
    public static func reading(_ path: String, _ load: (YAMLInput) -> ConfigLoadResult) -> ConfigLoadResult {
        do {
            return load(try YAMLInput.read(path: path))
        } catch let error as YAMLError {
            return ConfigLoadResult(value: nil, diagnostics: error.diagnostics)
        } catch {
            return ConfigLoadResult(value: nil, diagnostics: [.error(YAMLDiagnosticCode.io, "\(path): \(error)")])
        }
    }
}
