import Diagnostics

/// A dashboard with PromQL queries but no datasource variable: it is tied to one datasource and cannot be
/// pointed at another Prometheus without editing every panel.
///
/// Triggers: a dashboard with targets and no `{"type": "datasource"}` variable. Does not trigger: a
/// dashboard with `{"name": "datasource", "type": "datasource", "query": "prometheus"}` in templating.list.
public struct TemplatedDatasourceLint: LintRule {
    public static let code = "grafana-lint/template-datasource"
    public static let summary = "dashboard without a datasource variable"

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        guard !dashboard.queries.isEmpty, !dashboard.variables.contains(where: { $0.type == "datasource" }) else {
            return []
        }
        return [.warning(Self.code, "dashboard has no datasource template variable (type \"datasource\")",
                         at: dashboard.node?["templating"]?.location ?? dashboard.node?.location)]
    }
}
