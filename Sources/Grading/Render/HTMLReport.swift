/// The report as one self-contained HTML page (`--format html`, `--html FILE`): inline CSS, inline
/// SVG charts, no scripts, fonts, images or links to anything outside the file, so it opens offline
/// and can be mailed or uploaded as it is.
///
/// A header with the total and a score bar, then per exercise a table of its checks and, below it,
/// the feedback of each check that did not pass, with a chart of the student's query against the
/// reference over the scenario for checks that evaluated PromQL (``ChartData``); passing checks keep
/// their chart in a folded `<details>`. Hidden checks show only as a points total unless
/// `showHidden`. Every text from the submission or spec is HTML-escaped.
public struct HTMLReport: Sendable {
    public var language: GradingLanguage
    public var showHidden: Bool

    public init(language: GradingLanguage, showHidden: Bool = false) {
        self.language = language
        self.showHidden = showHidden
    }

    public func render(_ report: GradeReport) -> String {
        let say = language.say
        let n = PlainTextReport.number
        let percent = report.maxPoints > 0 ? max(0, min(100, report.points / report.maxPoints * 100)) : 0
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(h(report.labTitle)) (\(h(report.lab))) — \(n(report.points))/\(n(report.maxPoints))</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n<main>\n<header>\n"
        out += "<h1>\(h(report.labTitle)) <span class=\"lab\">(\(h(report.lab)))</span></h1>\n<dl class=\"meta\">\n"
        if let student = report.student { out += "<dt>\(say("Student"))</dt><dd>\(h(student))</dd>\n" }
        out += "<dt>\(say("Submission"))</dt><dd><code>\(h(report.submission))</code></dd>\n</dl>\n"
        out += "<p class=\"total\">Total: <strong>\(n(report.points))/\(n(report.maxPoints))</strong></p>\n"
        out += "<div class=\"bar\" role=\"presentation\"><div style=\"width: \(String(format: "%.1f", percent))%\"></div></div>\n</header>\n"
        var hiddenPoints = 0.0, hiddenMax = 0.0
        for exercise in report.exercises {
            for check in exercise.checks where !check.isVisible(showHidden: showHidden) && check.outcome.counts {
                hiddenPoints += check.points
                hiddenMax += check.maxPoints
            }
            out += section(exercise)
        }
        out += "<footer>\n"
        let summary = ReportSummary(language: language)
        for line in [summary.hidden(points: hiddenPoints, max: hiddenMax), summary.manual(report), summary.graderErrors(report)] {
            if let line { out += "<p>\(h(line))</p>\n" }
        }
        out += "<p class=\"by\">labctl grade</p>\n</footer>\n</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    private func section(_ exercise: ExerciseResult) -> String {
        let say = language.say
        let n = PlainTextReport.number
        var out = "<section id=\"\(h(exercise.id))\">\n"
        out += "<h2>\(h(exercise.title)) <span class=\"id\">\(h(exercise.id))</span>"
            + " <span class=\"pts\">\(n(exercise.points))/\(n(exercise.maxPoints))</span></h2>\n"
        let shown = exercise.checks.filter { $0.isVisible(showHidden: showHidden) }
        guard !shown.isEmpty else {
            return out + "<p class=\"note\">" + say("Hidden checks only.") + "</p>\n</section>\n"
        }
        out += "<table>\n<thead><tr><th></th><th>\(say("Check"))</th><th>\(say("What is checked"))</th>"
            + "<th class=\"num\">\(say("Points"))</th></tr></thead>\n<tbody>\n"
        for check in shown {
            out += "<tr class=\"\(check.outcome.rawValue)\"><td class=\"mark\">\(MarkdownReport.mark(check.outcome))</td>"
                + "<td><code>\(h(check.id))</code></td><td>\(h(check.title))\(check.hidden ? " <span class=\"hidden\">" + say("hidden") + "</span>" : "")</td><td class=\"num\">\(h(score(check)))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        for check in shown { out += details(check) }
        return out + "</section>\n"
    }

    private func details(_ check: CheckResult) -> String {
        let say = language.say
        let hasFeedback = check.outcome != .passed && !check.feedback.isEmpty
        guard hasFeedback || check.chart != nil else { return "" }
        var body = ""
        if hasFeedback {
            body += "<ul class=\"feedback\">\n"
            for feedback in check.feedback {
                body += "<li>"
                if let location = feedback.location { body += "<code class=\"at\">\(h(location.description))</code> " }
                body += h(feedback.message)
                if !feedback.notes.isEmpty { body += "\n<pre>\(h(feedback.notes.joined(separator: "\n")))</pre>" }
                body += "</li>\n"
            }
            body += "</ul>\n"
        }
        if let chart = check.chart {
            body += "<figure>\n" + SVGChart(data: chart, language: language).render() + "\n<figcaption>"
                + h(say("Your query (solid) against the reference (dashed), scenario \(chart.scenario)"))
                + "</figcaption>\n</figure>\n"
        }
        let heading = "<code>\(h(check.id))</code> \(h(check.title))"
        if hasFeedback {
            return "<div class=\"check \(check.outcome.rawValue)\">\n<h3>\(heading)</h3>\n\(body)</div>\n"
        }
        return "<details class=\"check \(check.outcome.rawValue)\">\n<summary>\(heading) — "
            + h(say("chart")) + "</summary>\n\(body)</details>\n"
    }

    private func score(_ check: CheckResult) -> String {
        let n = PlainTextReport.number
        switch check.outcome {
        case .manual: return language.say("instructor") + " /\(n(check.maxPoints))"
        case .graderError: return language.say("grader error")
        default: return "\(n(check.points))/\(n(check.maxPoints))"
        }
    }

    private func h(_ text: String) -> String { MarkupEscaping.html(text) }

    // MARK: - Style

    static let css = """
    body { margin: 0; background: #f4f5f7; color: #1d2330; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
    main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; min-height: 100vh; box-sizing: border-box; }
    h1 { font-size: 1.6em; margin: 0 0 8px; } h1 .lab { color: #6b7280; font-weight: normal; }
    h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
    h2 .id { color: #6b7280; font: 0.8em ui-monospace, monospace; } h2 .pts { float: right; }
    h3 { font-size: 1em; margin: 0 0 6px; }
    .meta { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0 0 8px; } .meta dt { color: #6b7280; } .meta dd { margin: 0; }
    .total { font-size: 1.25em; margin: 8px 0 6px; }
    .bar { height: 10px; background: #e5e7eb; border-radius: 5px; overflow: hidden; } .bar div { height: 100%; background: #16a34a; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
    th { font-size: 0.85em; color: #6b7280; font-weight: 600; } .num { text-align: right; white-space: nowrap; } .mark { width: 1.5em; font-weight: bold; }
    tr.passed .mark { color: #16a34a; } tr.partial .mark { color: #ca8a04; } tr.failed .mark { color: #dc2626; }
    tr.manual .mark { color: #0891b2; } tr.grader_error .mark { color: #a21caf; }
    code { font: 0.92em ui-monospace, "SFMono-Regular", Menlo, monospace; }
    .check { margin: 12px 0; padding: 10px 14px; border-left: 4px solid #9ca3af; background: #f9fafb; }
    .check.failed { border-color: #dc2626; } .check.partial { border-color: #ca8a04; } .check.passed { border-color: #16a34a; }
    .check.manual { border-color: #0891b2; } .check.grader_error { border-color: #a21caf; }
    details.check summary { cursor: pointer; } .hidden { font-size: 0.8em; color: #6b7280; border: 1px solid #d1d5db; border-radius: 3px; padding: 0 4px; }
    .feedback { margin: 0; padding-left: 20px; } .feedback .at { color: #374151; background: #eef0f3; padding: 0 3px; }
    pre { background: #fff; border: 1px solid #e5e7eb; padding: 8px; overflow-x: auto; font: 0.85em/1.35 ui-monospace, monospace; }
    figure { margin: 10px 0 0; } figcaption { font-size: 0.85em; color: #6b7280; }
    svg.chart { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; fill: #374151; } svg.chart .axis, svg.chart .empty { fill: #6b7280; }
    footer { margin-top: 28px; color: #4b5563; font-size: 0.92em; } footer .by { color: #9ca3af; }

    """
}
