import Diagnostics
import PromQL
import YAML

// MARK: - Target expressions

extension GrafanaDashboard {
    /// One target's PromQL, expanded and parsed.
    public struct Query: Sendable {
        public var panel: GrafanaPanel
        public var target: GrafanaPanel.Target
        public var expansion: GrafanaQueryExpansion
        /// The parsed expression (`nil` when it does not parse).
        public var expr: Expr?
        public var issues: [ParseIssue]

        /// The location of a byte range of the expanded query in the dashboard file: exact when the JSON
        /// string has no escapes, else the start of the string.
        public func location(ofExpanded offset: Int) -> SourceLocation? {
            guard let node = target.node?["expr"] else { return target.node?.location }
            let text = expansion.original
            let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F }
            var loc = node.location
            if plain, loc.line > 0 { loc.column += 1 + expansion.originalOffset(offset) }
            return loc
        }
    }

    /// Every target with a non-empty `expr`, expanded and parsed. Hidden targets are included.
    public var queries: [Query] {
        let intervals = Set(variables.filter { $0.type == "interval" }.map(\.name))
        let parser = Parser()
        return allPanels.flatMap { panel in
            panel.targets.compactMap { target -> Query? in
                guard let expr = target.expr, !expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    return nil
                }
                let expansion = GrafanaQueryExpansion(expr, intervalVariables: intervals)
                let (parsed, issues) = parser.parseWithIssues(expansion.expanded)
                return Query(panel: panel, target: target, expansion: expansion, expr: parsed, issues: issues)
            }
        }
    }

    /// Parse errors of every target's PromQL, and variables used there but not defined.
    func validateExpressions() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let defined = Set(variables.map(\.name)).union(inputs)
        for q in queries {
            if let issue = q.issues.first {
                out.append(.error(GrafanaDiagnosticCode.invalidExpr,
                                  "panel \"\(q.panel.title)\" target \(q.target.refID ?? "?"): \(issue.message)",
                                  at: q.location(ofExpanded: issue.span.start),
                                  notes: [.init("query as parsed: \(q.expansion.expanded)")]))
            }
            var reported = Set<String>()
            for r in q.expansion.references where !r.isBuiltin && !defined.contains(r.name) {
                guard reported.insert(r.name).inserted else { continue }
                out.append(.error(GrafanaDiagnosticCode.undefinedVariable,
                                  "variable $\(r.name) is used in panel \"\(q.panel.title)\" but not defined in "
                                  + "templating.list" + Suggestion.didYouMean(r.name, in: defined.sorted()),
                                  at: q.location(ofExpanded: r.expanded.lowerBound)))
            }
        }
        return out
    }
}
