import Diagnostics
import Runtime

// MARK: - The summary line in the student's language

extension TestRulesCommand {
    /// The last line of `test rules`: Runtime's English one, or the same counts in Spanish
    /// (`2 archivos de tests: 1 correcto, 1 con fallos (1 de 3 grupos de tests fallan)`). The per-file
    /// report keeps promtool's `SUCCESS`/`FAILED:` markers in both languages, for scripts that grep them.
    static func summary(_ results: [RuleTestFileResult], in language: Language) -> String {
        guard language == .es else { return RuleTestReport.summary(results) }
        let groups = results.flatMap(\.groups)
        let ran = groups.filter { !$0.skipped }
        let failedGroups = ran.filter { !$0.passed }.count
        let failedFiles = results.filter { !$0.passed }.count
        let passed = results.count - failedFiles
        var line = "\(results.count) archivo\(results.count == 1 ? "" : "s") de tests: "
        line += "\(passed) correcto\(passed == 1 ? "" : "s"), \(failedFiles) con fallos "
        line += "(\(failedGroups) de \(ran.count) grupos de tests fallan"
        let skipped = groups.count - ran.count
        if skipped > 0 { line += ", \(skipped) omitido\(skipped == 1 ? "" : "s")" }
        return line + ")"
    }
}
