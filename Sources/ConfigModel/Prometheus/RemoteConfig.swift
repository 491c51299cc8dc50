import Diagnostics
import PromModel

/// A `remote_write` entry.
public struct RemoteWriteConfig: Sendable {
    public var url: String = ""
    public var name: String?
    public var remoteTimeout: Duration = Duration(milliseconds: 30_000)
    public var headers: [LabelEntry] = []
    public var writeRelabelConfigs: [RelabelConfig] = []
    public var sendExemplars: Bool = false
    public var queue: QueueConfig = QueueConfig()
    public var httpClient: HTTPClientConfig = HTTPClientConfig()
    public var location: SourceLocation?
    public init() {}
}

/// `remote_write.queue_config`, with Prometheus's defaults.
public struct QueueConfig: Hashable, Sendable {
    public var capacity: Int = 10_000
    public var maxShards: Int = 50
    public var minShards: Int = 1
    public var maxSamplesPerSend: Int = 2_000
    public var batchSendDeadline: Duration = Duration(milliseconds: 5_000)
    public var minBackoff: Duration = Duration(milliseconds: 30)
    public var maxBackoff: Duration = Duration(milliseconds: 5_000)
    public var retryOnHTTP429: Bool = true
    public var sampleAgeLimit: Duration = .zero
    public init() {}
}

/// A `remote_read` entry.
public struct RemoteReadConfig: Sendable {
    public var url: String = ""
    public var name: String?
    public var remoteTimeout: Duration = Duration(milliseconds: 60_000)
    public var headers: [LabelEntry] = []
    public var readRecent: Bool = false
    public var requiredMatchers: [LabelEntry] = []
    public var filterExternalLabels: Bool = true
    public var httpClient: HTTPClientConfig = HTTPClientConfig()
    public var location: SourceLocation?
    public init() {}
}
