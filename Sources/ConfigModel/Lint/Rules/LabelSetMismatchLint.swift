import Diagnostics
import PromQL

/// A one-to-one operation between a vector that keeps its labels and an aggregation without grouping
/// (which has none): no pair of series has the same labels, so the result is always empty. The seed's
/// Lab 4 divided `node_load5 / count(node_cpu_seconds_total{mode="idle"})`.
///
/// Triggers: `node_load5 / count(node_cpu_seconds_total{mode="idle"})`.
/// Does not trigger: `node_load5 / on (instance) count by (instance) (node_cpu_seconds_total{mode="idle"})`,
/// `sum(rate(a_total[5m])) / sum(rate(b_total[5m]))`, `x / scalar(count(y))`.
public struct LabelSetMismatchLint: LintRule {
    public static let code = "rules/label-set-mismatch"
    public static let summary = "one-to-one operation between labelled series and a label-less aggregation (always empty)"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.rules.flatMap { rule -> [Diagnostic] in
            guard let expr = rule.parsedExpr else { return [] }
            return Self.mismatches(in: expr).map { binary, bare in
                .warning(Self.code, "\(binary.op.rawValue) between series that keep their labels and \(bare), which has "
                         + "none: one-to-one matching pairs series with equal labels, so the result is always empty; "
                         + "group both sides by a shared label and match on it (… / on (instance) count by (instance) (…)), "
                         + "or use scalar(…)",
                         at: rule.location(of: binary.span) ?? rule.nameLocation)
            }
        }
    }

    /// Every binary operation of `expr` with the mismatch, and the label-less side as written.
    static func mismatches(in expr: Expr) -> [(BinaryExpr, String)] {
        var out: [(BinaryExpr, String)] = []
        expr.forEachNode { node in
            guard case .binary(let b) = node, ![.and, .or, .unless].contains(b.op),
                  b.matching.map({ $0.matchingLabels.isEmpty && !$0.on && $0.cardinality == .oneToOne }) ?? true,
                  b.lhs.type == .vector, b.rhs.type == .vector else { return }
            if isLabelless(b.rhs), keepsLabels(b.lhs) { out.append((b, describe(b.rhs))) }
            else if isLabelless(b.lhs), keepsLabels(b.rhs) { out.append((b, describe(b.lhs))) }
        }
        return out
    }

    /// An aggregation without grouping (its one series has no labels).
    static func isLabelless(_ e: Expr) -> Bool {
        guard case .aggregate(let a) = e.unwrappingParens else { return false }
        return !a.without && a.grouping.isEmpty && ![.topk, .bottomk, .limitk, .limitRatio].contains(a.op)
    }

    /// A selector, or a function of one that keeps the series' labels, or an aggregation by some labels.
    static func keepsLabels(_ e: Expr) -> Bool {
        switch e.unwrappingParens {
        case .vectorSelector: return true
        case .aggregate(let a): return a.without || !a.grouping.isEmpty
        case .call(let c):
            guard !["vector", "absent", "absent_over_time", "scalar", "time"].contains(c.function.name) else { return false }
            if c.function.name == "histogram_quantile", c.args.count == 2, case .aggregate(let a) = c.args[1].unwrappingParens {
                return a.without || a.grouping.contains { $0 != "le" }
            }
            return c.args.contains { arg in
                if case .matrixSelector = arg.unwrappingParens { return true }
                return arg.type == .vector && keepsLabels(arg)
            }
        default: return false
        }
    }

    static func describe(_ e: Expr) -> String {
        guard case .aggregate(let a) = e.unwrappingParens else { return "an aggregation" }
        return "\(a.op.rawValue)(…)"
    }
}
