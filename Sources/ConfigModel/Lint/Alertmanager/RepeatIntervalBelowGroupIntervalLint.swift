import Diagnostics

/// A route whose effective `repeat_interval` is shorter than its `group_interval`: notifications are only
/// sent at group_interval ticks, so the repeat interval cannot be honoured as written.
///
/// Triggers: `group_interval: 10m` with `repeat_interval: 5m`. Does not trigger: `group_interval: 5m`,
/// `repeat_interval: 4h` (inherited values count, as Alertmanager applies them).
public struct RepeatIntervalBelowGroupIntervalLint: LintRule {
    public static let code = "am-lint/repeat-interval-below-group-interval"
    public static let summary = "repeat_interval shorter than group_interval"

    public init() {}

    public func check(_ config: AlertmanagerConfig) -> [Diagnostic] {
        guard let route = config.route else { return [] }
        return route.resolved().allRoutes.compactMap { r in
            guard let repeatInterval = r.repeatInterval, let groupInterval = r.groupInterval,
                  repeatInterval < groupInterval,
                  r.node?["repeat_interval"] != nil || r.node?["group_interval"] != nil else { return nil }
            let at = r.node?["repeat_interval"] ?? r.node?["group_interval"] ?? r.node
            return .warning(Self.code, "repeat_interval \(repeatInterval) is shorter than group_interval "
                            + "\(groupInterval)", at: at?.location)
        }
    }
}
