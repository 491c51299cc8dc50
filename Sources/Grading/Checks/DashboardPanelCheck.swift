import ConfigModel
import Diagnostics
import LabCatalog

/// `dashboard_panel`: the dashboard has a panel with the title (and type) the spec asks, using the
/// metrics in `uses`, and with `reference`, one of its queries — Grafana variables expanded —
/// evaluates to the reference on the scenario. Each of these is a part of the points.
public struct DashboardPanelCheck: CheckEvaluator {
    public static let kind = CheckKind.dashboardPanel
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let file = try check.required("file")
        let text: String
        switch context.read(file) {
        case .failure(let verdict): return verdict
        case .success(let t): text = t
        }
        let (dashboard, diagnostics) = GrafanaDashboard.load(text: text, file: file).parts
        guard let dashboard else { return .failed(context.feedback(diagnostics)) }
        let panels = dashboard.allPanels.filter { !$0.isRow }
        let title = check.string("title")
        let type = check.string("type")
        let uses = check.list("uses") ?? []
        let candidates = panels.filter { panel in
            (title.map { Self.fold(panel.title).contains(Self.fold($0)) } ?? true)
                && (uses.isEmpty || uses.allSatisfy { metric in panel.targets.contains { $0.expr?.contains(metric) ?? false } })
        }
        guard let panel = candidates.first(where: { type == nil || $0.type == type }) ?? candidates.first else {
            var what: [String] = []
            if let title { what.append(context.say("title \"\(title)\"")) }
            if !uses.isEmpty { what.append(context.say("using \(uses.joined(separator: ", "))")) }
            return .failed(Feedback(context.say("\(file) has no panel with \(what.joined(separator: " "))"),
                                    location: SourceLocation(file: file, line: 1, column: 1)))
        }
        let at = panel.node?.location
        var total = 1, met = 1
        var feedback: [Feedback] = []
        var chart: ChartData?
        if let type {
            total += 1
            if panel.type == type { met += 1 } else {
                feedback.append(Feedback(context.say("panel \"\(panel.title)\" is of type \(panel.type); \(type) is asked"), location: at))
            }
        }
        if let reference = check.string("reference") {
            total += 1
            let scenario = try context.scenario(try check.required("scenario"), for: check)
            let comparison = QueryComparison(backend: try context.backend(scenario), scenario: scenario,
                                             tolerance: ValueTolerance(1e-6), language: context.language)
            var firstFeedback: Feedback?
            var matched = false
            for target in panel.targets where !target.hidden {
                guard let expr = target.expr, !expr.isEmpty else { continue }
                let expanded = DashboardVariables(dashboard, scenario: scenario).expand(expr)
                if case .failure(let f) = AnswerFile.parse(expanded, at: target.node?.location ?? at ?? SourceLocation(file: file, line: 1, column: 1),
                                                           language: context.language) {
                    firstFeedback = firstFeedback ?? f
                    continue
                }
                let result = try comparison.compare(answer: expanded, reference: reference, at: nil)
                chart = chart ?? result.chart
                if result.feedback == nil { matched = true; chart = result.chart; break }
                firstFeedback = firstFeedback ?? result.feedback.map { var f = $0; f.location = target.node?.location ?? at; return f }
            }
            if matched { met += 1 } else {
                feedback.append(firstFeedback ?? Feedback(context.say("panel \"\(panel.title)\" has no queries"), location: at))
            }
        }
        var verdict = CheckVerdict.parts(met: met, of: total, feedback)
        verdict.chart = chart
        return verdict
    }

    /// Lower case without accents, for matching titles.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
