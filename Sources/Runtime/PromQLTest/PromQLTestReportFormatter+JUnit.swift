/// JUnit XML for `labctl test promql --junit FILE`, shaped like `labctl test rules --junit`
/// (``RuleTestReport/junit(_:)``): one `<testsuite>` per script, one `<testcase>` per eval.
extension PromQLTestReportFormatter {
    /// A script that could not run (a syntax error), reported as a failing `file` test case.
    public struct UnrunnableScript: Hashable, Sendable {
        public var file: String
        public var message: String

        public init(file: String, message: String) {
            self.file = file
            self.message = message
        }
    }

    // MARK: - JUnit

    /// The JUnit XML report of `reports` (and of scripts that could not be parsed).
    ///
    /// Each test case is named after its eval line (`eval instant at 5m rate(x[1m])`) with the script
    /// as class name and `line` attribute; a failure's text is the reason and the expected and actual
    /// results side by side; skipped evals carry their reason.
    public func junit(_ reports: [PromQLTestFileReport], unrunnable: [UnrunnableScript] = []) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for script in unrunnable {
            totalTests += 1
            totalFailures += 1
            suites += "  <testsuite name=\(Self.attr(script.file)) tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
            suites += "    <testcase name=\"file\" classname=\(Self.attr(script.file))>\n"
            suites += Self.failure(message: script.message, text: script.message)
            suites += "    </testcase>\n  </testsuite>\n"
        }
        for report in reports {
            var cases = ""
            for c in report.cases {
                cases += "    <testcase name=\(Self.attr(c.header)) classname=\(Self.attr(report.file)) line=\"\(c.line)\""
                switch c.status {
                case .passed:
                    cases += "/>\n"
                case .skipped:
                    cases += ">\n      <skipped message=\(Self.attr(c.reason ?? "skipped"))/>\n    </testcase>\n"
                case .failed:
                    cases += ">\n" + Self.failure(message: c.reason ?? "failed", text: failureText(c)) + "    </testcase>\n"
                }
            }
            suites += "  <testsuite name=\(Self.attr(report.file)) tests=\"\(report.cases.count)\" "
            suites += "failures=\"\(report.failed)\" errors=\"0\" skipped=\"\(report.skipped)\">\n" + cases + "  </testsuite>\n"
            totalTests += report.cases.count
            totalFailures += report.failed
            totalSkipped += report.skipped
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"labctl test promql\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" "
            + "errors=\"0\" skipped=\"\(totalSkipped)\">\n" + suites + "</testsuites>\n"
    }

    /// `file:line: eval …`, the reason, then expected and actual side by side (as in the text report).
    private func failureText(_ c: PromQLTestCaseResult) -> String {
        var text = "\(c.header)\n"
        if let reason = c.reason { text += "\(reason)\n" }
        if !(c.expected.isEmpty && c.actual.isEmpty) { text += sideBySide(c.expected, c.actual) }
        return text
    }

    private static func failure(message: String, text: String) -> String {
        let firstLine = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        return "      <failure message=\(attr(firstLine))>" + RuleTestReport.escape(text, attribute: false) + "</failure>\n"
    }

    private static func attr(_ s: String) -> String { "\"" + RuleTestReport.escape(s, attribute: true) + "\"" }
}
