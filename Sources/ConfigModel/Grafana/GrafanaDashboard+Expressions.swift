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
        /// Where the `expr` string's decoded bytes are in the file (`nil` without the source text).
        public var columns: JSONStringColumns?

        /// The location of a byte offset of the expanded query in the dashboard file: through the
        /// variable expansion, then through the JSON string's escapes; the start of the string when the
        /// source text is unknown.
        public func location(ofExpanded offset: Int) -> SourceLocation? {
            guard let node = target.node?["expr"] else { return target.node?.location }
            var loc = node.location
            guard loc.line > 0 else { return loc }
            let original = expansion.originalOffset(offset)
            if let columns, columns.decodedCount == expansion.original.utf8.count {
                loc.column = columns.column(ofDecoded: original)
            } else if expansion.original.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
                loc.column += 1 + original
            }
            return loc
        }
    }

    /// Every target with a non-empty `expr`, expanded and parsed. Hidden targets are included.
    public var queries: [Query] {
        let intervals = Set(variables.filter { $0.type == "interval" }.map(\.name))
        let parser = Parser()
        let lines = source.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
        // Each line's scalars are computed once: a minified dashboard has every target on one line.
        var lineScalars: [Int: [Unicode.Scalar]] = [:]
        func columns(_ node: YAMLNode?) -> JSONStringColumns? {
            guard let loc = node?.location, loc.line >= 1, loc.line <= lines.count else { return nil }
            if lineScalars[loc.line] == nil {
                lineScalars[loc.line] = JSONStringColumns.scalars(of: lines[loc.line - 1])
            }
            return JSONStringColumns(scalars: lineScalars[loc.line] ?? [], column: loc.column)
        }
        return allPanels.flatMap { panel in
            panel.targets.compactMap { target -> Query? in
                guard let expr = target.expr, !expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    return nil
                }
                let expansion = GrafanaQueryExpansion(expr, intervalVariables: intervals)
                let (parsed, issues) = parser.parseWithIssues(expansion.expanded)
                return Query(panel: panel, target: target, expansion: expansion, expr: parsed, issues: issues,
                             columns: columns(target.node?["expr"]))
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
                                  notes: issue.hints.map { Diagnostic.Note($0) }
                                      + [.init("query as parsed: \(q.expansion.expanded)")]))
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
