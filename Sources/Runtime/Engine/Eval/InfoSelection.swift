import PromModel
import PromQL

/// What the optional second argument of `info(v, {…})` asks for: which info metrics enrich the
/// series (the `__name__` matchers, `target_info` by default) and which of their data labels are
/// added (the other matchers, which also filter the info series).
struct InfoSelection {
    /// The labels an info series is joined on.
    static let identifyingLabels = ["instance", "job"]
    static let defaultInfoMetric = "target_info"

    /// Matchers that select info series by name (all must match).
    var nameMatchers: [LabelMatcher]
    /// Series of the first argument whose name matches all of these are info series themselves and
    /// pass through unenriched (empty: none do).
    var ignoreMatchers: [LabelMatcher]
    /// The data-label matchers by label name; when not empty only these labels are added.
    var dataMatchers: [String: [LabelMatcher]]

    /// The selection for `info(v)` (no second argument) or `info(v, {matchers})`.
    init(_ matchers: [LabelMatcher]?) {
        guard let matchers else {
            let byName = InfoSelection.nameMatcher(.equal, InfoSelection.defaultInfoMetric)
            nameMatchers = byName
            ignoreMatchers = byName
            dataMatchers = [:]
            return
        }
        var names: [LabelMatcher] = []
        var data: [String: [LabelMatcher]] = [:]
        for m in matchers {
            if m.name == Label.metricName { names.append(m) } else { data[m.name, default: []].append(m) }
        }
        dataMatchers = data
        if names.isEmpty {
            nameMatchers = InfoSelection.nameMatcher(.equal, InfoSelection.defaultInfoMetric)
            ignoreMatchers = []
        } else if names.contains(where: { $0.type == .equal || $0.type == .regexMatch }) {
            nameMatchers = names
            ignoreMatchers = names
        } else {
            // Only negated name matchers: they narrow the info metrics (names ending in `_info`)
            // instead of selecting every other metric.
            let all = names + InfoSelection.nameMatcher(.regexMatch, ".+_info")
            nameMatchers = all
            ignoreMatchers = all
        }
    }

    private static func nameMatcher(_ type: LabelMatcher.MatchType, _ value: String) -> [LabelMatcher] {
        (try? LabelMatcher(type, Label.metricName, value)).map { [$0] } ?? []
    }

    /// Whether a series of the first argument is an info series that is not enriched.
    func isIgnored(_ metric: Labels) -> Bool {
        guard !ignoreMatchers.isEmpty else { return false }
        let name = metric.metricName ?? ""
        return ignoreMatchers.allSatisfy { $0.matches(name) }
    }

    /// The matchers that select candidate info series from storage.
    var selectMatchers: [LabelMatcher] {
        nameMatchers + dataMatchers.keys.sorted().flatMap { dataMatchers[$0] ?? [] }
    }

    /// Whether a data label of an info series may be added.
    func allowsDataLabel(_ name: String) -> Bool {
        dataMatchers.isEmpty || dataMatchers[name] != nil
    }

    /// Whether a series without any matching info series is kept (unchanged): when every data
    /// matcher accepts the empty value.
    var keepsUnmatched: Bool {
        dataMatchers.values.allSatisfy { $0.allSatisfy(\.matchesEmpty) }
    }

    // MARK: - Reference time

    /// The `@` and offset modifiers from `expr` down to its first vector selector, outermost first
    /// (a subquery's, then its inner selector's); nil when `expr` has no selector. Info series are
    /// looked up at the time these modifiers give, like the base samples.
    /// Searched depth first with an explicit stack (each entry with the subqueries above it), so long
    /// binary chains do not recurse.
    static func timeModifiers(_ expr: Expr) -> [(at: AtModifier?, offset: DurationExpr?)]? {
        var stack: [(Expr, [(at: AtModifier?, offset: DurationExpr?)])] = [(expr, [])]
        while let (node, outer) = stack.popLast() {
            switch node {
            case .vectorSelector(let vs):
                return outer + [(vs.at, vs.offset)]
            case .matrixSelector(let ms):
                return outer + [(ms.vectorSelector.at, ms.vectorSelector.offset)]
            case .subquery(let sq):
                stack.append((sq.expr, outer + [(sq.at, sq.offset)]))
            default:
                for child in node.children.reversed() { stack.append((child, outer)) }
            }
        }
        return nil
    }
}
