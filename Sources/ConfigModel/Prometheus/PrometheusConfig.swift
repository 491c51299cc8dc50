import Diagnostics
import PromModel

/// A `prometheus.yml`, decoded with Prometheus's defaults applied.
///
/// ```swift
/// let result = PrometheusConfig.load(path: "prometheus/prometheus.yml")
/// for d in result.diagnostics { print(d) }
/// if let config = result.value { print(config.scrapeConfigs.map(\.jobName)) }
/// ```
public struct PrometheusConfig: Sendable {
    public var global: GlobalConfig = GlobalConfig()
    /// `rule_files` patterns as written (relative to the config file's directory).
    public var ruleFiles: [Located<String>] = []
    /// `scrape_config_files` patterns as written.
    public var scrapeConfigFiles: [Located<String>] = []
    public var scrapeConfigs: [ScrapeConfig] = []
    public var alerting: AlertingConfig = AlertingConfig()
    public var remoteWrite: [RemoteWriteConfig] = []
    public var remoteRead: [RemoteReadConfig] = []
    /// The file the config came from, as named by the caller.
    public var file: String = "<generated>"

    public init() {}
}

/// The `global` block.
public struct GlobalConfig: Hashable, Sendable {
    public static let defaultScrapeInterval = Duration(milliseconds: 60_000)
    public static let defaultScrapeTimeout = Duration(milliseconds: 10_000)
    public static let defaultEvaluationInterval = Duration(milliseconds: 60_000)

    public var scrapeInterval: Duration = GlobalConfig.defaultScrapeInterval
    public var scrapeTimeout: Duration = GlobalConfig.defaultScrapeTimeout
    public var evaluationInterval: Duration = GlobalConfig.defaultEvaluationInterval
    public var ruleQueryOffset: Duration = .zero
    /// Where `scrape_interval` was written, if it was.
    public var scrapeIntervalLocation: SourceLocation?
    public var externalLabels: [LabelEntry] = []
    public var queryLogFile: String?
    public var scrapeFailureLogFile: String?
    public var limits: ScrapeLimits = ScrapeLimits()
    /// `scrape_protocols`, in order of preference (empty: Prometheus's default negotiation).
    public var scrapeProtocols: [String] = []

    public init() {}
}

/// Per-scrape limits (`sample_limit`, `label_limit`, …); 0 means no limit.
public struct ScrapeLimits: Hashable, Sendable {
    public var bodySizeLimit: Int64 = 0
    public var sampleLimit: Int = 0
    public var targetLimit: Int = 0
    public var labelLimit: Int = 0
    public var labelNameLengthLimit: Int = 0
    public var labelValueLengthLimit: Int = 0
    public var keepDroppedTargets: Int = 0
    public var nativeHistogramBucketLimit: Int = 0

    public init() {}

    static var intKeys: [(String, WritableKeyPath<ScrapeLimits, Int>)] { [
        ("sample_limit", \.sampleLimit), ("target_limit", \.targetLimit), ("label_limit", \.labelLimit),
        ("label_name_length_limit", \.labelNameLengthLimit), ("label_value_length_limit", \.labelValueLengthLimit),
        ("keep_dropped_targets", \.keepDroppedTargets), ("native_histogram_bucket_limit", \.nativeHistogramBucketLimit),
    ] }
    static let keys = ["sample_limit", "target_limit", "label_limit", "label_name_length_limit",
                       "label_value_length_limit", "keep_dropped_targets", "native_histogram_bucket_limit",
                       "body_size_limit"]
}

/// `alerting`: where alerts are sent.
public struct AlertingConfig: Sendable {
    public var alertRelabelConfigs: [RelabelConfig] = []
    public var alertmanagers: [AlertmanagerEndpointConfig] = []
    public init() {}
}

/// One entry of `alerting.alertmanagers`.
public struct AlertmanagerEndpointConfig: Sendable {
    public var scheme: String = "http"
    public var pathPrefix: String = "/"
    public var timeout: Duration = Duration(milliseconds: 10_000)
    public var apiVersion: String = "v2"
    public var httpClient: HTTPClientConfig = HTTPClientConfig()
    public var serviceDiscovery: ServiceDiscoveryConfigs = ServiceDiscoveryConfigs()
    public var relabelConfigs: [RelabelConfig] = []
    public var alertRelabelConfigs: [RelabelConfig] = []
    public var location: SourceLocation?
    public init() {}
}

// MARK: - File kind

extension PrometheusConfig {
    /// Top-level keys only a Prometheus configuration (`global` is shared with Alertmanager) has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["scrape_configs", "rule_files", "alerting", "scrape_config_files", "remote_write",
                                                                  "remote_read", "storage", "tracing", "otlp", "runtime"]
}
