import ConfigModel
import Foundation
import PromModel

/// A node of the routing tree with its settings resolved, as Alertmanager's dispatcher sees it.
///
/// Built once from ``AlertmanagerRoute`` (the file's tree): children inherit receiver, group_by and
/// timings from their parent; matchers from `match`, `match_re` (anchored as `^(?:…)$`, as
/// Alertmanager 0.25 stores them) and `matchers` are merged and sorted by name, value and operator.
/// `mute_time_intervals` and `active_time_intervals` are *not* inherited (Alertmanager's `NewRoute`).
///
/// ```swift
/// let root = AlertRoute(config: config.route!)
/// root.match(["alertname": "Down", "severity": "critical"]).map(\.receiver) // ["pager"]
/// ```
public final class AlertRoute: Sendable {
    public let receiver: String
    /// Labels the route groups by (empty with ``groupByAll``).
    public let groupBy: Set<String>
    /// `group_by: ['...']`: every label of the alert.
    public let groupByAll: Bool
    /// Seconds.
    public let groupWait: TimeInterval
    public let groupInterval: TimeInterval
    public let repeatInterval: TimeInterval
    public let muteTimeIntervals: [String]
    public let activeTimeIntervals: [String]
    /// Sorted as Alertmanager sorts them (name, then value, then operator).
    public let matchers: [LabelMatcher]
    /// `continue: true`.
    public let continueMatching: Bool
    public let routes: [AlertRoute]
    /// Alertmanager's route key: the parent's key, `/`, and this route's matchers (`{}` at the root).
    public let key: String
    /// The key plus the position among the parent's children (`{}/{a="b"}/0`).
    public let id: String
    /// Depth in the tree (0 at the root).
    public let depth: Int

    /// Alertmanager's default route options, used at the root.
    public static let defaultGroupWait: TimeInterval = 30
    public static let defaultGroupInterval: TimeInterval = 300
    public static let defaultRepeatInterval: TimeInterval = 4 * 3600

    /// Builds the resolved tree rooted at `config`.
    public convenience init(config: AlertmanagerRoute) {
        self.init(config: config, position: nil, parentKey: nil, inherited: .root, depth: 0)
    }

    private init(config: AlertmanagerRoute, position: Int?, parentKey: String?,
                 inherited: Inherited, depth: Int) {
        var opts = inherited
        if let r = config.receiver, !r.isEmpty { opts.receiver = r }
        if let groupBy = config.groupBy {
            let labels = groupBy.filter { $0 != "..." }
            if !labels.isEmpty {
                opts.groupBy = Set(labels)
                opts.groupByAll = false
            } else if groupBy.contains("...") {
                opts.groupByAll = true
            }
        }
        if let d = config.groupWait { opts.groupWait = Double(d.milliseconds) / 1000 }
        if let d = config.groupInterval { opts.groupInterval = Double(d.milliseconds) / 1000 }
        if let d = config.repeatInterval { opts.repeatInterval = Double(d.milliseconds) / 1000 }
        receiver = opts.receiver
        groupBy = opts.groupBy
        groupByAll = opts.groupByAll
        groupWait = opts.groupWait
        groupInterval = opts.groupInterval
        repeatInterval = opts.repeatInterval
        muteTimeIntervals = config.muteTimeIntervals
        activeTimeIntervals = config.activeTimeIntervals
        continueMatching = config.continueMatching
        matchers = Self.matchers(of: config.matchers)
        self.depth = depth
        let own = AlertRoute.describe(matchers)
        let fullKey = parentKey.map { $0 + "/" + own } ?? own
        key = fullKey
        id = position.map { "\(fullKey)/\($0)" } ?? fullKey
        var children: [AlertRoute] = []
        let limit = AlertRoute.maxDepth
        if depth < limit {
            for (i, child) in config.routes.enumerated() {
                children.append(AlertRoute(config: child, position: i, parentKey: fullKey,
                                           inherited: opts, depth: depth + 1))
            }
        }
        routes = children
    }

    /// Deeper levels are ignored (bounds recursion on hostile files).
    public static let maxDepth = 64

    private struct Inherited {
        var receiver = ""
        var groupBy = Set<String>()
        var groupByAll = false
        var groupWait = AlertRoute.defaultGroupWait
        var groupInterval = AlertRoute.defaultGroupInterval
        var repeatInterval = AlertRoute.defaultRepeatInterval
        static let root = Inherited()
    }

    // MARK: - Matchers

    /// `match` (equality), `match_re` (anchored like Alertmanager 0.25) and `matchers`, sorted.
    static func matchers(of m: AlertmanagerMatchers) -> [LabelMatcher] {
        var out: [LabelMatcher] = []
        for (name, value) in m.match {
            if let matcher = try? LabelMatcher(.equal, name, value) { out.append(matcher) }
        }
        for (name, value) in m.matchRE {
            if let matcher = try? LabelMatcher(.regexMatch, name, "^(?:" + value + ")$") { out.append(matcher) }
        }
        out += m.all.dropFirst(min(m.all.count, m.match.count + m.matchRE.count))
        return out.sorted(by: matcherOrder)
    }

    /// Alertmanager's `Matchers.Less`: name, then value, then operator (`=`, `!=`, `=~`, `!~`).
    static func matcherOrder(_ a: LabelMatcher, _ b: LabelMatcher) -> Bool {
        if a.name != b.name { return a.name < b.name }
        if a.value != b.value { return a.value < b.value }
        return operatorRank(a.type) < operatorRank(b.type)
    }

    private static func operatorRank(_ t: LabelMatcher.MatchType) -> Int {
        switch t {
        case .equal: return 0
        case .notEqual: return 1
        case .regexMatch: return 2
        case .regexNoMatch: return 3
        }
    }

    // MARK: - Matching

    /// Whether every matcher accepts `labels` (an absent label is the empty value).
    public func matches(_ labels: Labels) -> Bool {
        for m in matchers where !m.matches(labels[m.name] ?? "") { return false }
        return true
    }

    /// The routes an alert with `labels` goes to, in tree order: a depth-first, left-to-right search
    /// where a matching child stops the search among its siblings unless it has `continue: true`,
    /// and a matching node whose children all fail is itself the match. Empty when the root fails.
    public func match(_ labels: Labels) -> [RouteMatch] {
        var out: [RouteMatch] = []
        collect(labels, into: &out)
        return out
    }

    /// Receivers of ``match(_:)``, in order (what `amtool config routes test` prints).
    public func receivers(for labels: Labels) -> [String] { match(labels).map(\.receiver) }

    private func collect(_ labels: Labels, into out: inout [RouteMatch]) {
        guard matches(labels) else { return }
        let before = out.count
        for child in routes {
            let start = out.count
            child.collect(labels, into: &out)
            if out.count > start, !child.continueMatching { break }
        }
        if out.count == before { out.append(RouteMatch(route: self)) }
    }

    /// Every route of the tree, depth first.
    public var allRoutes: [AlertRoute] { [self] + routes.flatMap(\.allRoutes) }

    /// The labels an alert is grouped by on this route.
    public func groupLabels(of labels: Labels) -> Labels {
        if groupByAll { return labels }
        return Labels(sortedUnique: labels.pairs.filter { groupBy.contains($0.name) })
    }
}

/// One leaf of a route-tree match: the route an alert is dispatched to.
public struct RouteMatch: Sendable {
    public let route: AlertRoute
    /// The route's (inherited) receiver.
    public var receiver: String { route.receiver }
}
