import Diagnostics

/// The lints for dashboards, in the order they run (after Grafana's dashboard-linter).
public enum GrafanaLints {
    public static let suite = LintSuite<GrafanaDashboard>([
        PanelTitleLint.self,
        CounterWithoutRateLint.self,
        RateIntervalLint.self,
        TemplatedDatasourceLint.self,
        JobInstanceVariablesLint.self,
        HistogramQuantileNonBucketPanelLint.self,
        HistogramQuantileNotSummedLint.self,
        DeprecatedPanelTypeLint.self,
    ])
}

extension GrafanaDashboard {
    /// Loads, validates and (when `lint`) lints dashboard JSON: what `labctl check dashboard` prints.
    public static func check(text: String, file: String, datasources: [GrafanaDatasource]? = nil,
                             lint: Bool = true) -> [Diagnostic] {
        let (dashboard, diagnostics) = load(text: text, file: file, datasources: datasources).parts
        guard lint, let dashboard else { return diagnostics }
        return diagnostics + GrafanaLints.suite.run(dashboard)
    }
}

extension GrafanaProvisioning {
    /// Loads and validates a provisioning file: what `labctl check datasources` prints.
    public static func check(text: String, file: String) -> [Diagnostic] {
        load(text: text, file: file).diagnostics
    }
}
