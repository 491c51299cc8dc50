import PromModel
import PromQL

/// What the runner needs to know about an eval's expression: which extra checks apply, which series it
/// selects, and the `@`-pinned variant used by the extra instant checks.
enum PromQLTestQueryAnalysis {
    /// Functions whose result depends on the evaluation time even with pinned arguments; the `@`
    /// re-runs are skipped for expressions that call them (Prometheus's `AtModifierUnsafeFunctions`).
    static let atUnsafeFunctions: Set<String> = [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "end", "hour", "minute", "month", "year",
        "predict_linear", "range", "start", "step", "time", "timestamp",
    ]

    /// Functions that make the range-mode re-run differ from the instant query.
    static let rangeUnsafeFunctions: Set<String> = ["start", "end", "range", "step"]

    /// Calls every node of `expr`, depth first (without recursion: see ``Expr/forEachNode(_:)``).
    static func visit(_ expr: Expr, _ body: (Expr) -> Void) {
        expr.forEachNode(body)
    }

    /// The names of every function called in `expr`.
    static func functionNames(_ expr: Expr) -> Set<String> {
        var names = Set<String>()
        visit(expr) { if case .call(let c) = $0 { names.insert(c.function.name) } }
        return names
    }

    /// Whether a duration in `expr` uses `step()` or `range()`.
    static func usesStepOrRangeDurations(_ expr: Expr) -> Bool {
        var found = false
        func check(_ d: DurationExpr?) { if let d, d.constantMilliseconds == nil { found = true } }
        visit(expr) { node in
            switch node {
            case .vectorSelector(let vs): check(vs.offset)
            case .matrixSelector(let m): check(m.range); check(m.vectorSelector.offset)
            case .subquery(let s): check(s.range); check(s.step); check(s.offset)
            default: break
            }
        }
        return found
    }

    /// Every vector selector's matchers in `expr` (including those under range selectors).
    static func selectors(_ expr: Expr) -> [[LabelMatcher]] {
        var out: [[LabelMatcher]] = []
        visit(expr) { if case .vectorSelector(let vs) = $0 { out.append(vs.matchers) } }
        return out
    }

    /// Whether any selector of `expr` matches one of `series`.
    static func selectsAny(_ expr: Expr, of series: Set<Labels>) -> Bool {
        guard !series.isEmpty else { return false }
        for matchers in selectors(expr) {
            for labels in series where matchers.allSatisfy({ $0.matches(labels[$0.name] ?? "") }) {
                return true
            }
        }
        return false
    }

    // MARK: - @ pinning

    /// `expr` with `@ t` on every selector and subquery without an `@ <timestamp>` (`@ start()` and
    /// `@ end()` are replaced, as upstream's printed rewrite does); subqueries are pinned as a whole
    /// (their inner selectors are left alone).
    static func pinned(_ expr: Expr, at t: Int64) -> Expr {
        func pin(_ at: AtModifier?) -> AtModifier {
            if case .timestamp? = at, let at { return at }
            return .timestamp(milliseconds: t)
        }
        switch expr {
        case .number, .string: return expr
        case .vectorSelector(var vs):
            vs.at = pin(vs.at)
            return .vectorSelector(vs)
        case .matrixSelector(var m):
            m.vectorSelector.at = pin(m.vectorSelector.at)
            return .matrixSelector(m)
        case .subquery(var s):
            s.at = pin(s.at)
            return .subquery(s)
        case .aggregate(var a):
            a.expr = pinned(a.expr, at: t)
            a.param = a.param.map { pinned($0, at: t) }
            return .aggregate(a)
        case .binary(let top):
            let spine = BinarySpine(top)
            return BinarySpine.rebuild(leaf: pinned(spine.leaf, at: t), nodes: spine.nodes) { b in
                b.rhs = pinned(b.rhs, at: t)
            }
        case .unary(var u): u.expr = pinned(u.expr, at: t); return .unary(u)
        case .call(var c): c.args = c.args.map { pinned($0, at: t) }; return .call(c)
        case .paren(var p): p.expr = pinned(p.expr, at: t); return .paren(p)
        case .stepInvariant(var s): s.expr = pinned(s.expr, at: t); return .stepInvariant(s)
        }
    }

    /// The evaluation times of the `@` re-runs for an instant eval at `t`.
    static func atEvalTimes(_ t: Int64) -> [Int64] {
        if t == 0 { return [-1000, 0, 1000] }
        let (tenfold, overflow) = t.multipliedReportingOverflow(by: 10)
        if overflow { return [0, t / 5, t] }
        return [-tenfold, 0, t / 5, t, tenfold]
    }
}
