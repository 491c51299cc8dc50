import GoCompat
import ConfigModel
import PromModel

/// One target of a scrape pool after `relabel_configs`: what is scraped and the labels its
/// samples get.
public struct ScrapeTarget: Sendable, Hashable {
    /// The job (scrape pool) name.
    public var job: String
    /// Labels attached to every sample (`job`, `instance`, the group's labels…), without `__` labels.
    public var labels: Labels
    /// The labels service discovery gave, before relabelling (with `__address__`, `__scheme__`…).
    public var discoveredLabels: Labels
    /// `host:port` as the configuration names it (`api:8000`).
    public var address: String
    public var scheme: String
    public var metricsPath: String
    /// Query parameters (`params` and `__param_*` labels), in order.
    public var params: [(name: String, value: String)]
    /// Milliseconds between scrapes and before a scrape times out.
    public var intervalMilliseconds: Int64
    public var timeoutMilliseconds: Int64

    public init(job: String, labels: Labels, discoveredLabels: Labels = .empty, address: String, scheme: String = "http",
                metricsPath: String = "/metrics", params: [(name: String, value: String)] = [],
                intervalMilliseconds: Int64 = 60_000, timeoutMilliseconds: Int64 = 10_000) {
        self.job = job
        self.labels = labels
        self.discoveredLabels = discoveredLabels
        self.address = address
        self.scheme = scheme
        self.metricsPath = metricsPath
        self.params = params
        self.intervalMilliseconds = intervalMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The path with its query string, percent-encoded.
    public var target: String {
        guard !params.isEmpty else { return metricsPath }
        let query = params.map { Self.percentEncode($0.name) + "=" + Self.percentEncode($0.value) }.joined(separator: "&")
        return metricsPath + (metricsPath.contains("?") ? "&" : "?") + query
    }

    /// `scheme://address/path?query`, as Prometheus's `scrapeUrl`.
    public var url: String { "\(scheme)://\(address)\(target)" }

    /// A stable identity: job + labels + URL (two targets equal here share one scrape loop).
    public var identity: String { "\(job)|\(labels)|\(url)" }

    static func percentEncode(_ s: String) -> String { FormURLEncoding.encode(s, spaceAsPlus: false) }

    public static func == (a: ScrapeTarget, b: ScrapeTarget) -> Bool { a.identity == b.identity }
    public func hash(into hasher: inout Hasher) { hasher.combine(identity) }
}
