/// The report as Markdown (`--format markdown`), for an LMS comment, a merge request or a README.
///
/// A heading with the total, then per exercise a table of its checks (mark, id, title, points) and
/// the feedback of the checks that did not pass below it, notes (expected against actual values) in
/// a code block so their columns stay aligned. Hidden checks show only as a points total unless
/// `showHidden`, as in the terminal report. Text from the submission or spec is escaped.
public struct MarkdownReport: Sendable {
    public var language: GradingLanguage
    public var showHidden: Bool

    public init(language: GradingLanguage, showHidden: Bool = false) {
        self.language = language
        self.showHidden = showHidden
    }

    public func render(_ report: GradeReport) -> String {
        let say = language.say
        let n = PlainTextReport.number
        var out = "# \(md(report.labTitle)) (\(md(report.lab)))\n\n"
        if let student = report.student { out += "- " + say("Student") + ": \(md(student))\n" }
        out += "- " + say("Submission") + ": \(md(report.submission))\n"
        out += "- **Total: \(n(report.points))/\(n(report.maxPoints))**\n"
        var hiddenPoints = 0.0, hiddenMax = 0.0
        for exercise in report.exercises {
            out += "\n## \(md(exercise.title)) (\(md(exercise.id))) — \(n(exercise.points))/\(n(exercise.maxPoints))\n\n"
            let shown = exercise.checks.filter { $0.isVisible(showHidden: showHidden) }
            for check in exercise.checks where !check.isVisible(showHidden: showHidden) && check.outcome.counts {
                hiddenPoints += check.points
                hiddenMax += check.maxPoints
            }
            if shown.isEmpty {
                out += say("_Hidden checks only._\n")
                continue
            }
            out += "| | " + say("Check") + " | " + say("What is checked") + " | "
                + say("Points") + " |\n"
            out += "|---|---|---|---:|\n"
            for check in shown {
                out += "| \(Self.mark(check.outcome)) | `\(check.id.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|"))` | \(md(check.title))\(check.hidden ? " _(" + say("hidden") + ")_" : "") | \(score(check)) |\n"
            }
            let withFeedback = shown.filter { $0.outcome != .passed && !$0.feedback.isEmpty }
            if !withFeedback.isEmpty { out += "\n### " + say("Feedback") + "\n" }
            for check in withFeedback {
                out += "\n**\(md(check.id))** — \(md(check.title))\n\n"
                for feedback in check.feedback {
                    let at = feedback.location.map { "`\(String(describing: $0).replacingOccurrences(of: "`", with: "'"))`: " } ?? ""
                    out += "- \(at)\(md(feedback.message))\n"
                    if !feedback.notes.isEmpty {
                        let body = feedback.notes.joined(separator: "\n")
                        let fence = MarkupEscaping.fence(for: body)
                        out += "\n  \(fence)text\n" + feedback.noteLines.map { "  " + $0 }.joined(separator: "\n") + "\n  \(fence)\n"
                    }
                }
            }
        }
        out += "\n"
        let summary = ReportSummary(language: language)
        for line in [summary.hidden(points: hiddenPoints, max: hiddenMax), summary.manual(report), summary.graderErrors(report)] {
            if let line { out += line + "\n" }
        }
        return out
    }

    // MARK: - Cells

    private func md(_ text: String) -> String { MarkupEscaping.markdown(text) }

    private func score(_ check: CheckResult) -> String {
        let n = PlainTextReport.number
        switch check.outcome {
        case .manual: return language.say("instructor") + " /\(n(check.maxPoints))"
        case .graderError: return language.say("grader error")
        default: return "\(n(check.points))/\(n(check.maxPoints))"
        }
    }

    static func mark(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: return "✔"
        case .partial: return "~"
        case .failed: return "✘"
        case .manual: return "?"
        case .graderError: return "!"
        }
    }
}
