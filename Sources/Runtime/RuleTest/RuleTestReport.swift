import Diagnostics

/// Renders rule unit-test results as promtool's text or a JUnit XML report.
public enum RuleTestReport {
    // MARK: - Text

    /// promtool's output for one file:
    ///
    /// ```
    /// Unit Testing:  tests.yml
    ///   FAILED:
    ///     alertname: HighErrorRate, time: 5m,
    ///         exp:[...],
    ///         got:[]
    /// ```
    public static func text(_ result: RuleTestFileResult) -> String {
        var out = "Unit Testing:  \(result.file)\n"
        for warning in result.warnings { out += "  \(warning)\n" }
        let skipped = result.groups.filter(\.skipped).count
        if skipped > 0 { out += "  (\(skipped) test group\(skipped == 1 ? "" : "s") skipped by --run)\n" }
        let failures = result.failures
        if failures.isEmpty {
            out += "  SUCCESS\n"
        } else {
            out += "  FAILED:\n"
            for failure in failures { out += failure + "\n\n" }
        }
        return out + "\n"
    }

    /// `N test files: P passed, F failed (G of T test groups failed, K skipped)`.
    public static func summary(_ results: [RuleTestFileResult]) -> String {
        let groups = results.flatMap(\.groups)
        let ran = groups.filter { !$0.skipped }
        let failedGroups = ran.filter { !$0.passed }.count
        let failedFiles = results.filter { !$0.passed }.count
        var line = "\(results.count) test file\(results.count == 1 ? "" : "s"): \(results.count - failedFiles) passed, "
        line += "\(failedFiles) failed (\(failedGroups) of \(ran.count) test groups failed"
        let skipped = groups.count - ran.count
        if skipped > 0 { line += ", \(skipped) skipped" }
        return line + ")"
    }

    // MARK: - JUnit

    /// A JUnit XML report: one `<testsuite>` per file, one `<testcase>` per test group (plus one named
    /// `file` when the file itself could not run).
    public static func junit(_ results: [RuleTestFileResult]) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for result in results {
            var cases = ""
            var tests = 0, failures = 0, skipped = 0
            if !result.fileErrors.isEmpty {
                tests += 1
                failures += 1
                cases += "    <testcase name=\"file\" classname=\(attr(result.file))>\n"
                cases += failure(result.fileErrors)
                cases += "    </testcase>\n"
            }
            for group in result.groups {
                tests += 1
                cases += "    <testcase name=\(attr(group.displayName)) classname=\(attr(result.file))"
                if group.skipped {
                    skipped += 1
                    cases += ">\n      <skipped message=\"filtered out by --run\"/>\n    </testcase>\n"
                } else if group.passed {
                    cases += "/>\n"
                } else {
                    failures += 1
                    cases += ">\n" + failure(group.failures) + "    </testcase>\n"
                }
            }
            suites += "  <testsuite name=\(attr(result.file)) tests=\"\(tests)\" failures=\"\(failures)\" "
            suites += "errors=\"0\" skipped=\"\(skipped)\">\n" + cases + "  </testsuite>\n"
            totalTests += tests
            totalFailures += failures
            totalSkipped += skipped
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"labctl test rules\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" "
            + "errors=\"0\" skipped=\"\(totalSkipped)\">\n" + suites + "</testsuites>\n"
    }

    private static func failure(_ messages: [String]) -> String {
        let first = messages.first ?? "failed"
        let line = (first.split(separator: "\n").first.map(String.init) ?? first).trimmingCharacters(in: .whitespaces)
        return "      <failure message=\(attr(line))>" + escape(messages.joined(separator: "\n\n"), attribute: false)
            + "</failure>\n"
    }

    private static func attr(_ s: String) -> String { "\"" + escape(s, attribute: true) + "\"" }

    /// XML-escapes text (see `XMLEscaping`).
    static func escape(_ s: String, attribute: Bool) -> String {
        attribute ? XMLEscaping.attribute(s) : XMLEscaping.text(s)
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

private extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t"]
}
