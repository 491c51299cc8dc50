import Diagnostics

/// A YAML or JSON input could not be turned into a node tree.
///
/// Carries one or more diagnostics (duplicate keys are all reported together); the first is the
/// primary one. Codes are listed in ``YAMLDiagnosticCode``.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in source order; never empty.
    public let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    init(_ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        self.diagnostics = [.error(code, message, at: location, notes: notes)]
    }

    /// The first (primary) diagnostic.
    public var diagnostic: Diagnostic {
        diagnostics.first ?? .error(YAMLDiagnosticCode.syntax, "invalid input")
    }

    /// The primary diagnostic's code, such as `yaml/duplicate-key`.
    public var code: String { diagnostic.code }
    /// The primary diagnostic's message.
    public var message: String { diagnostic.message }
    /// The primary diagnostic's location.
    public var location: SourceLocation? { diagnostic.location }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
