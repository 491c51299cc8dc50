/// Turns a ``DiagnosticReport`` into text for a person or a machine.
public protocol DiagnosticRenderer {
    /// The complete output for `report`, ending with a newline unless it is empty.
    func render(_ report: DiagnosticReport) -> String
}

/// The output formats the CLI offers with `--format`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:col: severity: [code] message`, one per line, optionally with the source line.
    case text
    /// One JSON document with every diagnostic and a summary.
    case json
    /// JUnit XML: a test suite per file, a test case per diagnostic (or per clean file).
    case junit

    /// The names accepted on the command line, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
