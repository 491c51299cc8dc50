import Diagnostics
import PromModel
import YAML

/// A node of the routing tree (`route:` and its nested `routes:`), as written.
///
/// Timing fields are `nil` when not written; ``resolved(inheriting:)`` applies Alertmanager's
/// defaults (group_wait 30s, group_interval 5m, repeat_interval 4h at the root) and inheritance
/// (children take their parent's receiver, group_by and timings).
public struct AlertmanagerRoute: Sendable {
    public var receiver: String?
    /// `group_by` labels; `nil` when not written (inherited). `["..."]` groups by all labels.
    public var groupBy: [String]?
    public var matchers = AlertmanagerMatchers()
    /// `continue`: keep matching siblings after this route matched (default false).
    public var continueMatching = false
    public var groupWait: Duration?
    public var groupInterval: Duration?
    public var repeatInterval: Duration?
    public var muteTimeIntervals: [String] = []
    public var activeTimeIntervals: [String] = []
    public var routes: [AlertmanagerRoute] = []
    /// The mapping the route was decoded from (`nil` when built in code).
    public var node: YAMLNode?

    public init(receiver: String? = nil) {
        self.receiver = receiver
    }

    /// Whether `group_by: ['...']`.
    public var groupsByAll: Bool { groupBy == ["..."] }

    /// Alertmanager's defaults for the root route.
    public static let defaultGroupWait = Duration.seconds(30)
    public static let defaultGroupInterval = Duration.seconds(300)
    public static let defaultRepeatInterval = Duration.seconds(4 * 3600)

    /// This route with every unset field taken from `parent` (or the root defaults), recursively.
    public func resolved(inheriting parent: AlertmanagerRoute? = nil) -> AlertmanagerRoute {
        var r = self
        r.receiver = receiver ?? parent?.receiver
        r.groupBy = groupBy ?? parent?.groupBy ?? []
        r.groupWait = groupWait ?? parent?.groupWait ?? Self.defaultGroupWait
        r.groupInterval = groupInterval ?? parent?.groupInterval ?? Self.defaultGroupInterval
        r.repeatInterval = repeatInterval ?? parent?.repeatInterval ?? Self.defaultRepeatInterval
        r.routes = routes.map { $0.resolved(inheriting: r) }
        return r
    }

    /// Every route of the tree rooted here, depth first (this one first).
    public var allRoutes: [AlertmanagerRoute] {
        [self] + routes.flatMap(\.allRoutes)
    }

    /// The location of `key` in the route's mapping, else of the route itself.
    public func location(of key: String) -> SourceLocation? {
        guard let node else { return nil }
        return YAMLMapping(node: node).keyNode(key)?.location ?? node.location
    }
}

// MARK: - Decoding

extension AlertmanagerRoute {
    static let keys = ["receiver", "group_by", "match", "match_re", "matchers", "continue", "routes",
                       "group_wait", "group_interval", "repeat_interval", "mute_time_intervals",
                       "active_time_intervals"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> AlertmanagerRoute? {
        guard let m = ctx.mapping(node, allowed: keys, what: "route") else { return nil }
        var r = AlertmanagerRoute()
        r.node = node
        r.receiver = ctx.string(m["receiver"], what: "receiver")
        if let items = ctx.sequence(m["group_by"], what: "group_by") {
            var seen = Set<String>(), labels: [String] = []
            for item in items {
                guard let label = ctx.string(item, what: "group_by") else { continue }
                if !seen.insert(label).inserted {
                    ctx.error(AlertmanagerDiagnosticCode.groupByDuplicate,
                              "duplicated label \"\(label)\" in group_by", at: item)
                    continue
                }
                if label != "...", !LabelNames.isValidLegacyLabelName(label) {
                    ctx.error(AlertmanagerDiagnosticCode.invalidLabelName,
                              "invalid label name \"\(label)\" in group_by list", at: item)
                }
                labels.append(label)
            }
            if labels.contains("..."), labels.count > 1, let groupBy = m["group_by"] {
                ctx.error(AlertmanagerDiagnosticCode.groupByWildcardMixed,
                          "cannot have wildcard group_by (`...`) and other labels at the same time", at: groupBy)
            }
            r.groupBy = labels
        }
        r.matchers = AlertmanagerMatchers.decode(m, prefix: "", context: &ctx)
        r.continueMatching = ctx.bool(m["continue"], what: "continue") ?? false
        r.groupWait = ctx.scalar(m["group_wait"], as: "duration", what: "group_wait", parse: Duration.parse)
        r.groupInterval = ctx.scalar(m["group_interval"], as: "duration", what: "group_interval",
                                     parse: Duration.parse)
        r.repeatInterval = ctx.scalar(m["repeat_interval"], as: "duration", what: "repeat_interval",
                                      parse: Duration.parse)
        for key in ["group_interval", "repeat_interval"] {
            if let v = m[key], v.scalarValue.flatMap({ try? Duration.parse($0) }) == .zero {
                ctx.error(AlertmanagerDiagnosticCode.zeroInterval, "\(key) cannot be zero", at: v)
            }
        }
        r.muteTimeIntervals = ctx.stringList(m["mute_time_intervals"], what: "mute_time_intervals") ?? []
        r.activeTimeIntervals = ctx.stringList(m["active_time_intervals"], what: "active_time_intervals") ?? []
        r.routes = ctx.list(m["routes"], what: "routes") { ctx, item in decode(item, context: &ctx) } ?? []
        return r
    }

    // MARK: - Writing

    /// The route as a YAML mapping, in the order Alertmanager's documentation uses.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if let receiver { pairs.append(("receiver", .string(receiver))) }
        if let groupBy { pairs.append(("group_by", .sequence(groupBy.map { .string($0) }))) }
        pairs += matchers.nodes(prefix: "")
        if continueMatching { pairs.append(("continue", .scalar("true"))) }
        if let groupWait { pairs.append(("group_wait", .scalar(groupWait.description))) }
        if let groupInterval { pairs.append(("group_interval", .scalar(groupInterval.description))) }
        if let repeatInterval { pairs.append(("repeat_interval", .scalar(repeatInterval.description))) }
        if !muteTimeIntervals.isEmpty {
            pairs.append(("mute_time_intervals", .sequence(muteTimeIntervals.map { .string($0) })))
        }
        if !activeTimeIntervals.isEmpty {
            pairs.append(("active_time_intervals", .sequence(activeTimeIntervals.map { .string($0) })))
        }
        if !routes.isEmpty { pairs.append(("routes", .sequence(routes.map { $0.yamlNode() }))) }
        return .mapping(pairs)
    }
}
