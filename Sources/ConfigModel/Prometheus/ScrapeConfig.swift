import Diagnostics
import PromModel

/// One entry of `scrape_configs`, with defaults taken from `global` as Prometheus applies them.
public struct ScrapeConfig: Sendable {
    public var jobName: String = ""
    public var jobNameLocation: SourceLocation?
    public var honorLabels: Bool = false
    public var honorTimestamps: Bool = true
    public var trackTimestampsStaleness: Bool = false
    public var scheme: String = "http"
    public var metricsPath: String = "/metrics"
    /// `params`: URL parameters, each with its values.
    public var params: [(name: String, values: [String])] = []
    /// Effective interval: the job's own, else the global one.
    public var scrapeInterval: Duration = GlobalConfig.defaultScrapeInterval
    /// Effective timeout: the job's own, else the global one clamped to the job's interval.
    public var scrapeTimeout: Duration = GlobalConfig.defaultScrapeTimeout
    /// Whether interval/timeout were written on the job (for generation and lints).
    public var explicitInterval: Duration?
    public var explicitTimeout: Duration?
    public var scrapeIntervalLocation: SourceLocation?
    public var limits: ScrapeLimits = ScrapeLimits()
    /// `scrape_protocols` of the job (or of `global`), in order of preference; empty for the default.
    /// `PrometheusProto` makes the scraper ask for the protobuf format, which carries native histograms.
    public var scrapeProtocols: [String] = []
    public var httpClient: HTTPClientConfig = HTTPClientConfig()
    public var serviceDiscovery: ServiceDiscoveryConfigs = ServiceDiscoveryConfigs()
    public var relabelConfigs: [RelabelConfig] = []
    public var metricRelabelConfigs: [RelabelConfig] = []
    /// Where the entry starts.
    public var location: SourceLocation?

    public init(jobName: String = "") { self.jobName = jobName }
}

/// The service-discovery blocks of a scrape config or Alertmanager config.
public struct ServiceDiscoveryConfigs: Sendable {
    public var staticConfigs: [StaticConfig] = []
    public var fileSDConfigs: [FileSDConfig] = []
    public var dockerSDConfigs: [DockerSDConfig] = []
    /// Other `*_sd_configs` blocks (Kubernetes, Consul, …): accepted, kept by name, not checked field by field.
    public var otherKinds: [String] = []
    public init() {}

    /// Whether no discovery of any kind is configured.
    public var isEmpty: Bool {
        staticConfigs.isEmpty && fileSDConfigs.isEmpty && dockerSDConfigs.isEmpty && otherKinds.isEmpty
    }
}

/// A `static_configs` entry (also the shape of file_sd files): targets and extra labels.
public struct StaticConfig: Sendable {
    public var targets: [Located<String>] = []
    public var labels: [LabelEntry] = []
    public init(targets: [Located<String>] = [], labels: [LabelEntry] = []) {
        self.targets = targets
        self.labels = labels
    }
}

/// A `file_sd_configs` entry.
public struct FileSDConfig: Sendable {
    public var files: [Located<String>] = []
    public var refreshInterval: Duration = Duration(milliseconds: 300_000)
    public init() {}
}

/// A `docker_sd_configs` entry.
public struct DockerSDConfig: Sendable {
    public var host: String = ""
    public var port: Int = 80
    public var hostNetworkingHost: String = "localhost"
    public var matchFirstNetwork: Bool = true
    public var refreshInterval: Duration = Duration(milliseconds: 60_000)
    public var filters: [(name: String, values: [String])] = []
    public var httpClient: HTTPClientConfig = HTTPClientConfig()
    public init() {}
}
