/// How `labctl serve` runs: the configuration, where it listens, what it keeps and what it accepts.
/// Flag names follow Prometheus's where it has the setting (`--web.listen-address`,
/// `--storage.tsdb.path`, `--storage.tsdb.retention.time`, `--web.enable-lifecycle`,
/// `--web.enable-remote-write-receiver`, `--query.timeout`, `--query.max-samples`).
public struct ServeOptions: Sendable {
    /// The prometheus.yml to run.
    public var configPath: String
    /// `host:port` to listen on (loopback by default).
    public var listenAddress = "127.0.0.1:9090"
    /// Where the write-ahead log lives; nil keeps everything in memory only.
    public var storagePath: String?
    /// Seconds between checkpoints of the write-ahead log (Prometheus compacts every 2 h; 30 min here).
    public var checkpointInterval = 1800.0
    /// How long samples are kept, in milliseconds (Prometheus's default: 15 days).
    public var retention: Int64 = 15 * 24 * 3600 * 1000
    /// OpenMetrics or test-script files loaded at start.
    public var dataFiles: [String] = []
    /// `NAME=HOST:PORT` pairs for the addresses the configuration names (compose service names).
    public var resolve: [String] = []
    /// A lab directory whose compose file's published ports resolve service names.
    public var labDirectory: String?
    /// `POST /-/reload` and `/-/quit` are allowed.
    public var enableLifecycle = false
    /// `POST /api/v1/write` accepts remote-write requests.
    public var enableRemoteWriteReceiver = false
    /// An alertmanager.yml for the embedded Alertmanager (its API v2 is served on the same port).
    public var alertmanagerConfigPath: String?
    /// Where the embedded Alertmanager writes email (`.eml`) and other notifications it cannot send.
    public var outboxPath = "outbox"
    /// Query time-out in seconds.
    public var queryTimeout = 120.0
    /// Most samples one query may hold.
    public var queryMaxSamples = 50_000_000
    /// Most queries evaluated at once (more wait; Prometheus's `--query.max-concurrency`).
    public var queryMaxConcurrency = 20
    /// The URL users reach this server at (alerts' generator URLs); default from the listen address.
    public var externalURL: String?
    /// Seconds between two evaluations checks of the rule groups and the dispatcher (100 ms).
    public var tickInterval = 0.1

    public init(configPath: String) {
        self.configPath = configPath
    }
}
