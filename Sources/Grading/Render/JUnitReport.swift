/// The report as JUnit XML (`--junit FILE`), for CI systems and LMS plug-ins that read test results.
///
/// One `<testsuite>` per exercise and one `<testcase>` per check (`classname` is `lab.exercise`,
/// `name` the check's id and title). A failed or partial check carries a `<failure>` whose message is
/// the first piece of feedback and whose text is all of it; a manual check is `<skipped>` (waiting
/// for the instructor, never a failure); a grader error is an `<error>`. Hidden checks keep their
/// outcome but lose title and feedback unless `showHidden`. Points go in `<properties>`. Every text is
/// XML-escaped; the output has no timestamps, so the same report renders the same bytes.
public struct JUnitReport: Sendable {
    public var language: GradingLanguage
    public var showHidden: Bool

    public init(language: GradingLanguage, showHidden: Bool = false) {
        self.language = language
        self.showHidden = showHidden
    }

    public func render(_ report: GradeReport) -> String {
        let checks = report.checks
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + attributes([
            ("name", "\(report.lab) — \(report.labTitle)"), ("tests", String(checks.count)),
            ("failures", String(checks.filter(Self.isFailure).count)),
            ("errors", String(checks.filter { $0.outcome == .graderError }.count)),
            ("skipped", String(checks.filter { $0.outcome == .manual }.count)),
        ]) + ">\n"
        out += "  <properties>\n"
        out += property("submission", report.submission)
        if let student = report.student { out += property("student", student) }
        out += property("language", report.language)
        out += property("points", PlainTextReport.number(report.points))
        out += property("max_points", PlainTextReport.number(report.maxPoints))
        out += "  </properties>\n"
        for exercise in report.exercises { out += suite(exercise, lab: report.lab) }
        out += "</testsuites>\n"
        return out
    }

    // MARK: - Elements

    private func suite(_ exercise: ExerciseResult, lab: String) -> String {
        let checks = exercise.checks
        var out = "  <testsuite" + attributes([
            ("name", "\(exercise.id) — \(exercise.title)"), ("tests", String(checks.count)),
            ("failures", String(checks.filter(Self.isFailure).count)),
            ("errors", String(checks.filter { $0.outcome == .graderError }.count)),
            ("skipped", String(checks.filter { $0.outcome == .manual }.count)),
        ]) + ">\n"
        out += "    <properties>\n"
        out += "  " + property("points", PlainTextReport.number(exercise.points))
        out += "  " + property("max_points", PlainTextReport.number(exercise.maxPoints))
        out += "    </properties>\n"
        for check in checks { out += testcase(check, classname: "\(lab).\(exercise.id)") }
        out += "  </testsuite>\n"
        return out
    }

    private func testcase(_ check: CheckResult, classname: String) -> String {
        let say = language.say
        let visible = check.isVisible(showHidden: showHidden)
        let title = visible ? check.title : say("(hidden)")
        let head = "    <testcase" + attributes([("classname", classname), ("name", "\(check.id) \(title)")])
        let points = "\(PlainTextReport.number(check.points))/\(PlainTextReport.number(check.maxPoints))"
        let text = visible ? check.feedbackText : say("Hidden check: feedback is shown once grades are released.")
        let first = visible ? (check.feedback.first?.message ?? "") : text
        switch check.outcome {
        case .passed:
            return head + "/>\n"
        case .partial, .failed:
            let kind = check.outcome == .partial ? say("partial") : say("failed")
            let message = "\(kind) \(points)" + (first.isEmpty ? "" : ": \(first)")
            return head + ">\n      <failure" + attributes([("message", message), ("type", check.kind)]) + ">"
                + MarkupEscaping.xml(text) + "</failure>\n    </testcase>\n"
        case .manual:
            let message = say("to be graded by the instructor (\(PlainTextReport.number(check.maxPoints)) points)")
            return head + ">\n      <skipped" + attributes([("message", message)]) + "/>\n    </testcase>\n"
        case .graderError:
            // Grader errors are for the instructor: their text is shown even for hidden checks.
            let detail = check.feedbackText + (check.specLocation.map { "\n" + say("in the spec: ") + "\($0)" } ?? "")
            let message = say("grader error (not counted against the student): ")
                + (check.feedback.first?.message ?? "")
            return head + ">\n      <error" + attributes([("message", message), ("type", "grader_error")]) + ">"
                + MarkupEscaping.xml(detail) + "</error>\n    </testcase>\n"
        }
    }

    private func property(_ name: String, _ value: String) -> String {
        "    <property" + attributes([("name", name), ("value", value)]) + "/>\n"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(MarkupEscaping.xml($0.1, attribute: true))\"" }.joined()
    }

    private static func isFailure(_ check: CheckResult) -> Bool { check.outcome == .failed || check.outcome == .partial }
}
