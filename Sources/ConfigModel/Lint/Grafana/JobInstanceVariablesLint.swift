import Diagnostics

/// A dashboard with PromQL queries but without `job` and `instance` variables to filter them by, as
/// Grafana's dashboard-linter asks.
///
/// Triggers: queries and a templating.list without a `job` variable. Does not trigger: variables `job` and
/// `instance` of type query.
public struct JobInstanceVariablesLint: LintRule {
    public static let code = "grafana-lint/job-instance-variables"
    public static let summary = "dashboard without job/instance variables"

    public init() {}

    public func check(_ dashboard: GrafanaDashboard) -> [Diagnostic] {
        guard !dashboard.queries.isEmpty else { return [] }
        let names = Set(dashboard.variables.map(\.name))
        return ["job", "instance"].filter { !names.contains($0) }.map { name in
            .warning(Self.code, "dashboard has no $\(name) template variable to filter its queries",
                     at: dashboard.node?["templating"]?.location ?? dashboard.node?.location)
        }
    }
}
