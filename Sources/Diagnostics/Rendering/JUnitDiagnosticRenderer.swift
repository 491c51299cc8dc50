/// Renders a report as JUnit XML for CI systems.
///
/// There is one `<testsuite>` per file (checked inputs first, in order). A file without
/// diagnostics is one passing `<testcase>`; otherwise each diagnostic is a `<testcase>`.
/// Errors are `<failure>`s; warnings are failures only with ``warningsAreFailures`` (the CLI's
/// `--lint-fatal`), otherwise they are reported in `<system-out>`. Diagnostics without a location
/// go into a suite named after ``suiteName``.
public struct JUnitDiagnosticRenderer: DiagnosticRenderer {
    /// The name of the `<testsuites>` element and of the suite for diagnostics without a file.
    public var suiteName: String
    /// Count warnings as failures.
    public var warningsAreFailures: Bool

    /// A renderer writing one test suite named `suiteName`, with a test case per file.
    public init(suiteName: String = "labctl", warningsAreFailures: Bool = false) {
        self.suiteName = suiteName
        self.warningsAreFailures = warningsAreFailures
    }

    // MARK: - Rendering

    public func render(_ report: DiagnosticReport) -> String {
        var suites: [(name: String, diagnostics: [Diagnostic])] = []
        let unlocated = report.unlocatedDiagnostics
        if !unlocated.isEmpty { suites.append((suiteName, unlocated)) }
        for file in report.allFiles {
            suites.append((file, report.diagnostics(in: file)))
        }
        let tests = suites.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        let failures = suites.reduce(0) { $0 + $1.diagnostics.filter(isFailure).count }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\(Self.attribute(suiteName)) tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites {
            out += render(suite: suite.name, suite.diagnostics)
        }
        out += "</testsuites>\n"
        return out
    }

    private func render(suite name: String, _ diagnostics: [Diagnostic]) -> String {
        let failures = diagnostics.filter(isFailure).count
        let attrs = "name=\(Self.attribute(name)) tests=\"\(max(1, diagnostics.count))\" failures=\"\(failures)\""
        var out = "  <testsuite \(attrs) errors=\"0\" skipped=\"0\">\n"
        if diagnostics.isEmpty {
            out += "    <testcase name=\(Self.attribute(name)) classname=\(Self.attribute(name))/>\n"
        }
        for diagnostic in diagnostics {
            out += render(case: diagnostic, suite: name)
        }
        out += "  </testsuite>\n"
        return out
    }

    private func render(case diagnostic: Diagnostic, suite: String) -> String {
        let position = diagnostic.location.map { "\($0.line):\($0.column) " } ?? ""
        let name = "\(position)[\(diagnostic.code)]"
        var out = "    <testcase name=\(Self.attribute(name)) classname=\(Self.attribute(suite))>\n"
        let body = Self.text(Self.plainText(of: diagnostic))
        if isFailure(diagnostic) {
            out += "      <failure type=\(Self.attribute(diagnostic.severity.rawValue)) "
            out += "message=\(Self.attribute(diagnostic.message))>\(body)</failure>\n"
        } else {
            out += "      <system-out>\(body)</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    private func isFailure(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || (warningsAreFailures && diagnostic.severity == .warning)
    }

    /// The diagnostic line and its notes, as the text renderer prints them without colours.
    private static func plainText(of diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.description]
        for note in diagnostic.notes {
            lines.append("  " + (note.location.map { "\($0): " } ?? "") + "note: " + note.message)
        }
        return lines.joined(separator: "\n")
    }
}
