import Diagnostics

/// Documents and diagnostics from ``YAMLParser/parseCollectingDiagnostics(_:)``.
public struct YAMLParseResult: Sendable {
    public var documents: [YAMLDocument]
    /// Problems found, in the order found (all errors).
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { !diagnostics.isEmpty }
}
