import Foundation
import PromModel
import Storage

/// What ``PrometheusAPI`` serves beside the storage and the engine: the scrape and rule managers
/// (optional: a server without them answers empty lists), the configuration, the flags, build and
/// runtime facts, lifecycle hooks and the optional receivers.
public struct APIContext: Sendable {
    /// The running scrape manager, for `/api/v1/targets`.
    public var scrapeManager: ScrapeManager?
    /// The running rule manager, for `/api/v1/rules` and `/api/v1/alerts`.
    public var ruleManager: RuleManager?
    /// The configuration file's text, for `/api/v1/status/config` (read at each request).
    public var configYAML: @Sendable () -> String
    /// `global.external_labels`, added by `/federate` (read at each request).
    public var externalLabels: @Sendable () -> Labels
    /// Command-line flags by name without dashes (`web.listen-address`), for `/api/v1/status/flags`.
    public var flags: [String: String]
    /// `/api/v1/status/buildinfo`.
    public var buildInfo: APIBuildInfo
    /// The storage retention shown by `/api/v1/status/runtimeinfo` (`15d`).
    public var storageRetention: String
    /// When the server started.
    public var startTime: Date
    /// The current time in milliseconds (the default `time` of instant queries, `/federate`'s "now").
    public var now: @Sendable () -> Int64
    /// Reloads the configuration (`POST /-/reload`, with lifecycle enabled); throws the reason it failed.
    public var reload: (@Sendable () throws -> Void)?
    /// The outcome and time of the last (re)load, for `/api/v1/status/runtimeinfo`.
    public var lastReload: @Sendable () -> (success: Bool, time: Date)
    /// Asks the server to stop (`POST /-/quit`, with lifecycle enabled).
    public var quit: (@Sendable () -> Void)?
    /// Whether the server is ready (`/-/ready`); before, `/-/ready` answers 503.
    public var isReady: @Sendable () -> Bool
    /// Prometheus's `--web.enable-lifecycle`: `/-/reload` and `/-/quit` answer instead of 403.
    public var enableLifecycle: Bool
    /// Prometheus's `--web.enable-remote-write-receiver`: `POST /api/v1/write` appends to the storage.
    public var enableRemoteWrite: Bool
    /// Limits on a remote-write body.
    public var remoteWriteLimits: RemoteWriteRequest.Limits
    /// Where remote-written samples go when not straight into the queried storage (a write-ahead
    /// logged store whose memory is the queried storage).
    public var remoteWriteTarget: (any Appendable)?
    /// Most queries evaluated at once (Prometheus's `--query.max-concurrency`, 20); later ones wait
    /// for a slot until their time-out, then fail with `query timed out in query queue`.
    public var maxConcurrentQueries: Int

    public init(scrapeManager: ScrapeManager? = nil, ruleManager: RuleManager? = nil,
                configYAML: @escaping @Sendable () -> String = { "" },
                externalLabels: @escaping @Sendable () -> Labels = { .empty },
                flags: [String: String] = [:], buildInfo: APIBuildInfo = APIBuildInfo(),
                storageRetention: String = "15d", startTime: Date = Date(),
                now: @escaping @Sendable () -> Int64 = { SystemClock().milliseconds },
                reload: (@Sendable () throws -> Void)? = nil,
                lastReload: (@Sendable () -> (success: Bool, time: Date))? = nil,
                quit: (@Sendable () -> Void)? = nil, isReady: @escaping @Sendable () -> Bool = { true },
                enableLifecycle: Bool = false, enableRemoteWrite: Bool = false,
                remoteWriteLimits: RemoteWriteRequest.Limits = .default, maxConcurrentQueries: Int = 20) {
        self.scrapeManager = scrapeManager
        self.ruleManager = ruleManager
        self.configYAML = configYAML
        self.externalLabels = externalLabels
        self.flags = flags
        self.buildInfo = buildInfo
        self.storageRetention = storageRetention
        self.startTime = startTime
        self.now = now
        self.reload = reload
        self.lastReload = lastReload ?? { [startTime] in (true, startTime) }
        self.quit = quit
        self.isReady = isReady
        self.enableLifecycle = enableLifecycle
        self.enableRemoteWrite = enableRemoteWrite
        self.remoteWriteLimits = remoteWriteLimits
        self.maxConcurrentQueries = max(1, maxConcurrentQueries)
    }
}
