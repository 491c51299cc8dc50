import Diagnostics
import PromQL

/// An alert whose expression has no comparison (and no `absent()`): every series it returns fires,
/// so the alert is always firing while the metric exists.
///
/// Triggers: `expr: http_requests_active`. Does not trigger: `expr: http_requests_active > 100`.
public struct AlertWithoutComparisonLint: LintRule {
    public static let code = "rules/alert-without-comparison"
    public static let summary = "alert expression without a comparison (always firing)"

    public init() {}

    static func filters(_ expr: Expr) -> Bool {
        var found = false
        expr.forEachNode { node in
            switch node {
            case .binary(let b) where b.op.isComparison && !b.returnBool: found = true
            case .call(let c) where c.function.name == "absent" || c.function.name == "absent_over_time": found = true
            default: break
            }
        }
        return found
    }

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.compactMap { rule in
            guard let expr = rule.parsedExpr, !Self.filters(expr) else { return nil }
            return .warning(Self.code,
                            "alert \"\(rule.name)\" has no comparison in its expression, so it fires for every series it returns (add a condition such as > 0)",
                            at: rule.exprPosition?.base ?? rule.nameLocation)
        }
    }
}
