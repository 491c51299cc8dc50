/// One finding about an input: a parse error, a validation error or a lint warning.
///
/// Diagnostics are values. They carry a stable `code` (such as `prom-config/timeout-gt-interval`)
/// that users can grep for and that tests assert on, and a location that points at the
/// offending YAML/JSON node or PromQL token.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary message attached to a diagnostic, optionally with its own location
    /// (for example "first defined here" for a duplicate key).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// Stable identifier, `area/what` in kebab case.
    public var code: String
    public var message: String
    /// Where the problem is; `nil` only for problems that concern a whole input that could not be read.
    public var location: SourceLocation?
    public var notes: [Note]

    public init(
        _ severity: Severity,
        code: String,
        _ message: String,
        at location: SourceLocation? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error diagnostic.
    public static func error(_ code: String, _ message: String, at location: SourceLocation? = nil,
                             notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location, notes: notes)
    }

    /// A warning (lint) diagnostic.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation? = nil,
                               notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location, notes: notes)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `file:line:col: severity: [code] message`, without source excerpt or colours.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): [\(code)] \(message)"
    }
}
