import Diagnostics

/// A route whose `group_by` leaves out `alertname`: different alerts end up in one notification.
///
/// Triggers: `group_by: [cluster]`. Does not trigger: `group_by: [alertname, cluster]` or `group_by: ['...']`.
public struct GroupByWithoutAlertnameLint: LintRule {
    public static let code = "am-lint/group-by-without-alertname"
    public static let summary = "group_by without alertname mixes different alerts in one notification"

    public init() {}

    public func check(_ config: AlertmanagerConfig) -> [Diagnostic] {
        (config.route?.allRoutes ?? []).compactMap { route in
            guard let groupBy = route.groupBy, !groupBy.isEmpty, !groupBy.contains("..."),
                  !groupBy.contains("alertname") else { return nil }
            return .warning(Self.code, "group_by [\(groupBy.joined(separator: ", "))] does not include alertname",
                            at: route.node?["group_by"]?.location ?? route.node?.location)
        }
    }
}
