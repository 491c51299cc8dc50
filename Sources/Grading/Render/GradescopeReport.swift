import Foundation

/// The report as Gradescope's autograder `results.json` (`--gradescope FILE`), in the shape of
/// Gradescope's "Autograder Specifications" (gradescope-autograders.readthedocs.io, `specs/`):
///
/// - top level: `score` (the points of the checks that count; Gradescope takes the assignment's
///   maximum from its own settings, and the documented top level has no `max_score`, so the maximum
///   travels in `extra_data.max_score`), `output` (a summary in the report's language),
///   `output_format` `"text"`, `stdout_visibility` `"hidden"` (labctl's stdout is for the
///   instructor), `extra_data` and `tests`;
/// - one test per check: `name` (`id — title`), `number` (`exercise.n`), `score`, `max_score`,
///   `status` (`passed`/`failed`), `output` (the feedback as text), `output_format` `"text"`,
///   `tags` (`[kind, exercise]`) and `visibility`: `after_published` for hidden checks, `hidden`
///   (instructors only) for grader errors, `visible` otherwise.
///
/// Instructor-graded (`manual`) checks are listed with the word "manual" in their name and
/// `score` 0 of `max_score` 0, their points in the name and the output: Gradescope would show a
/// 0/N test as failed and add N to the test total, and a manual check is neither failed nor part
/// of the autograder's score — the instructor grades it in Gradescope (a manually graded question)
/// or folds it in with `--manual`, after which it is an ordinary passed or partial check.
/// Grader errors are likewise 0 of 0, so they are never counted against the student.
public struct GradescopeReport: Sendable {
    public var language: GradingLanguage

    public init(language: GradingLanguage) { self.language = language }

    /// The results object, for callers that add keys (execution time, leaderboard) before writing.
    public func object(_ report: GradeReport) -> [String: Any] {
        let n = PlainTextReport.number
        var tests: [[String: Any]] = []
        for exercise in report.exercises {
            for (index, check) in exercise.checks.enumerated() {
                tests.append(test(check, exercise: exercise, number: "\(exercise.id).\(index + 1)"))
            }
        }
        var summary = "\(report.labTitle) (\(report.lab)): \(n(report.points))/\(n(report.maxPoints))"
        let summaryLines = ReportSummary(language: language)
        for line in [summaryLines.manual(report), summaryLines.graderErrors(report)] {
            if let line { summary += "\n" + line }
        }
        let manual = report.manualChecks
        var extra: [String: Any] = ["lab": report.lab, "language": report.language, "max_score": report.maxPoints,
                                    "manual_points": manual.reduce(0) { $0 + $1.maxPoints },
                                    "grader_errors": report.graderErrors.count]
        if let student = report.student { extra["student"] = student }
        return ["score": report.points, "output": summary, "output_format": "text", "stdout_visibility": "hidden",
                "extra_data": extra, "tests": tests]
    }

    /// `results.json`'s text: pretty-printed, keys sorted, ending in a line break.
    public func render(_ report: GradeReport) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object(report), options: [.sortedKeys, .prettyPrinted]),
              let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    /// `results.json` for a submission that could not be graded at all (no folder, unreadable): score 0,
    /// no tests, and `message` as the output, so Gradescope shows the student why instead of a
    /// failed autograder run.
    public static func ungraded(_ message: String) -> String {
        let object: [String: Any] = ["score": 0, "output": message, "output_format": "text", "stdout_visibility": "hidden",
                                     "tests": [[String: Any]]()]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]),
              let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    // MARK: - Tests

    private func test(_ check: CheckResult, exercise: ExerciseResult, number: String) -> [String: Any] {
        let say = language.say
        let n = PlainTextReport.number
        var name = "\(check.id) — \(check.title)"
        var score = check.points, maxScore = check.maxPoints
        var output = check.feedbackText
        var visibility = check.hidden ? "after_published" : "visible"
        var status: String? = check.outcome == .passed ? "passed" : "failed"
        switch check.outcome {
        case .manual:
            name = say("manual (instructor, \(n(check.maxPoints)) points): ") + name
            score = 0
            maxScore = 0
            status = nil
            output = say("To be graded by the instructor: \(n(check.maxPoints)) points.") + (output.isEmpty ? "" : "\n" + output)
        case .graderError:
            name = say("grader error: ") + name
            score = 0
            maxScore = 0
            status = nil
            visibility = "hidden"
            output = say("The grader could not evaluate this check; it is not counted against the student.")
                + (output.isEmpty ? "" : "\n" + output)
                + (check.specLocation.map { "\n" + say("in the spec: ") + "\($0)" } ?? "")
        case .passed, .partial, .failed:
            break
        }
        var test: [String: Any] = ["name": name, "number": number, "score": score, "max_score": maxScore,
                                   "output": output, "output_format": "text", "visibility": visibility,
                                   "tags": [check.kind, exercise.id]]
        if let status { test["status"] = status }
        return test
    }
}
