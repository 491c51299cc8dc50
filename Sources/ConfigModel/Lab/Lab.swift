import Diagnostics

/// A whole lab directory, typed: its compose services and the Prometheus, rule, Alertmanager and Grafana
/// files those services mount, each with where it lives on the host and in its container.
///
/// ```swift
/// let (lab, outcome) = LabLoader(lint: true).load(directory: "labs/lab7")
/// lab.service(named: "prometheus")?.listeningPorts   // [9090]
/// ```
/// Built by ``LabLoader``; checked by the ``LabWiringCheck`` types.
public struct Lab: Sendable {
    /// A file of the lab and its decoded value.
    public struct File<Value: Sendable>: Sendable {
        /// The host path, under the lab directory as the user named it.
        public var path: String
        public var value: Value
        /// Where the container reads it, when it is mounted.
        public var containerPath: String?

        public init(path: String, value: Value, containerPath: String? = nil) {
            self.path = path
            self.value = value
            self.containerPath = containerPath
        }
    }

    /// Where a service reads one of its configuration files, and whether a bind mount provides it.
    public struct ConfigMount: Sendable {
        public var service: String
        public var containerPath: String
        public var resolution: LabMountTable.Resolution
        /// The node that names the path (`--config.file=…`) or, for defaults, the service's key.
        public var location: SourceLocation?
    }

    /// A further Prometheus service and the config it reads.
    public struct CentralPrometheus: Sendable {
        public var service: LabService
        public var config: File<PrometheusConfig>
    }

    /// One `rule_files` entry followed into the Prometheus container and back to the host.
    public struct RuleFileResolution: Sendable {
        public var pattern: Located<String>
        /// The absolute path Prometheus reads (relative patterns resolve against the config's directory).
        public var containerPath: String
        public var resolution: LabMountTable.Resolution
        /// Host files the pattern matches through the mounts.
        public var hostFiles: [String]
        /// The host file the pattern names relative to prometheus.yml on the host, when it exists.
        public var besideConfig: String?
    }

    /// One dashboard provider followed into the Grafana container.
    public struct ProviderResolution: Sendable {
        public var provider: GrafanaDashboardProvider
        /// The provisioning file declaring it.
        public var file: String
        /// Where `options.path` lives in the Grafana container; `nil` when Grafana does not run in compose.
        public var resolution: LabMountTable.Resolution?
        /// Dashboard JSON files found at `options.path`.
        public var dashboards: [String]
    }

    /// The lab directory as given.
    public var directory: String
    public var composeFiles: [String] = []
    /// The services of every compose file, merged by name.
    public var services: [LabService] = []
    public var prometheus: File<PrometheusConfig>?
    public var prometheusMount: ConfigMount?
    /// The other Prometheus services of the compose file and their configs (a central Prometheus that
    /// federates the lab's one).
    public var centralPrometheus: [CentralPrometheus] = []
    public var ruleFileResolutions: [RuleFileResolution] = []
    public var ruleFiles: [File<RuleFile>] = []
    public var alertmanager: File<AlertmanagerConfig>?
    public var alertmanagerMount: ConfigMount?
    /// The Grafana provisioning directory in the container and what provides it.
    public var grafanaProvisioningMount: ConfigMount?
    public var datasourceFiles: [File<GrafanaProvisioning>] = []
    public var dashboardProviderFiles: [File<GrafanaProvisioning>] = []
    public var providerResolutions: [ProviderResolution] = []
    public var dashboards: [File<GrafanaDashboard>] = []
    /// Metrics the lab's Python sources declare.
    public var appMetrics = AppMetricCatalog()
    /// Rule files of the lab that no `rule_files` entry loads (checked all the same).
    public var unlistedRuleFiles: [File<RuleFile>] = []
    /// Students' PromQL answers files (`promql/*.yml`).
    public var answerFiles: [File<PromQLAnswerFile>] = []

    public init(directory: String) { self.directory = directory }

    // MARK: - Services

    /// Whether the lab runs under compose (the wiring checks about containers need services).
    public var hasCompose: Bool { !services.isEmpty }

    public func service(named name: String) -> LabService? { services.first { $0.name == name } }

    /// The first service with `role`.
    public func service(role: LabServiceRole) -> LabService? { services.first { $0.role == role } }

    /// The service a container reaches as `host` (service name, container_name or alias).
    public func service(host: String) -> LabService? {
        services.first { $0.hostNames.contains(host) }
    }

    /// Every name containers can resolve, for suggestions.
    public var hostNames: [String] { services.flatMap(\.hostNames) }

    /// Every provisioned datasource.
    public var datasources: [GrafanaDatasource] { datasourceFiles.flatMap { $0.value.datasources } }

    /// Every rule of every rule file, with the file it is in.
    public var rules: [(file: String, rule: Rule)] {
        ruleFiles.flatMap { f in f.value.rules.map { (f.path, $0) } }
    }
}
