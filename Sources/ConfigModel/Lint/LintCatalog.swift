/// Every lint and wiring check of ConfigModel, grouped by the file kind it inspects, generated from
/// the check types themselves (`labctl check lints` prints it). Nothing here is kept by hand except
/// which suites exist.
public enum LintCatalog {
    /// One group of checks: the artifact they inspect and their codes and summaries, in run order.
    public struct Section: Sendable, Hashable {
        public var title: String
        public var command: String
        public var lints: [LintDescription]

        public init(title: String, command: String, lints: [LintDescription]) {
            self.title = title
            self.command = command
            self.lints = lints
        }
    }

    /// The sections, in the order `labctl check` lists its subcommands.
    public static var sections: [Section] {
        [
            Section(title: "Prometheus configuration", command: "check config",
                    lints: LintSuite(PrometheusConfigLints.all).descriptions),
            Section(title: "Rule files", command: "check rules", lints: RuleLints.suite.descriptions),
            Section(title: "Alertmanager configuration", command: "check alertmanager",
                    lints: AlertmanagerLints.suite.descriptions),
            Section(title: "docker-compose files", command: "check compose", lints: ComposeLints.suite.descriptions),
            Section(title: "Grafana dashboards", command: "check dashboard", lints: GrafanaLints.suite.descriptions),
            Section(title: "Lab wiring (errors and warnings)", command: "check lab", lints: LabWiringChecks.descriptions),
        ]
    }
}
