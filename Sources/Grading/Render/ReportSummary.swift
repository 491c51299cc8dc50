/// The closing lines the Markdown, HTML and Gradescope reports share: the hidden checks' total,
/// the checks waiting for the instructor and the grader errors, in the report's language, with
/// singular and plural forms.
struct ReportSummary: Sendable {
    var language: GradingLanguage

    /// `Hidden checks: 8/13 points.`, or nil when no hidden check was left out.
    func hidden(points: Double, max: Double) -> String? {
        guard max > 0 else { return nil }
        let n = PlainTextReport.number
        return language.say("Hidden checks: \(n(points))/\(n(max)) points.")
    }

    /// The manual checks and their points, or nil when there are none.
    func manual(_ report: GradeReport) -> String? {
        let checks = report.manualChecks
        guard !checks.isEmpty else { return nil }
        let points = PlainTextReport.number(checks.reduce(0) { $0 + $1.maxPoints })
        return checks.count == 1
            ? language.say("1 check (\(points) points) to be graded by the instructor.")
            : language.say("\(checks.count) checks (\(points) points) to be graded by the instructor.")
    }

    /// The grader errors, or nil when there are none.
    func graderErrors(_ report: GradeReport) -> String? {
        let count = report.graderErrors.count
        guard count > 0 else { return nil }
        return count == 1
            ? language.say("1 grader error: not counted against the student.")
            : language.say("\(count) grader errors: not counted against the student.")
    }
}
