import PromModel

/// nginx-prometheus-exporter in front of the seed lab's nginx (Lab 6), from `stub_status`:
/// connection gauges and the `accepted` / `handled` / `requests` counters (named as the exporter
/// names them: the connection counters have no `_total` suffix).
public struct NginxExporter: SimulatedTarget {
    /// How the simulated nginx is loaded.
    public struct Profile: Hashable, Sendable {
        public var job: String
        public var instance: String
        public var requestsPerSecond: Double
        /// Requests per connection (keep-alive).
        public var requestsPerConnection: Double
        /// Fraction of accepted connections dropped (not handled), in `0...1`.
        public var droppedRatio: Double

        public init(job: String = "nginx", instance: String = "nginx_exporter:9114", requestsPerSecond: Double = 30,
                    requestsPerConnection: Double = 3, droppedRatio: Double = 0) {
            self.job = job
            self.instance = instance
            self.requestsPerSecond = max(0, requestsPerSecond)
            self.requestsPerConnection = max(1, requestsPerConnection)
            self.droppedRatio = min(1, max(0, droppedRatio))
        }
    }

    public let profile: Profile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { true }

    private var accepted = 0.0, handled = 0.0, requests = 0.0

    public init(profile: Profile, startTime: Int64) {
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        for name in ["nginx_up", "nginx_connections_active", "nginx_connections_accepted", "nginx_connections_handled",
                     "nginx_http_requests_total", "nginx_connections_reading", "nginx_connections_writing",
                     "nginx_connections_waiting"] {
            table.add(name)
        }
        series = table
    }

    public mutating func restart(at time: Int64) {
        accepted = 0
        handled = 0
        requests = 0
    }

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        let r = rng.nextCount(mean: profile.requestsPerSecond * context.elapsed)
        let conns = (r / profile.requestsPerConnection).rounded(.up)
        let dropped = rng.nextBinomial(trials: conns, p: profile.droppedRatio)
        requests += r
        accepted += conns
        handled += conns - dropped
        let reading = rng.nextCount(mean: 0.5), writing = rng.nextCount(mean: 1) + 1
        let waiting = rng.nextCount(mean: max(1, profile.requestsPerSecond / 5))
        return [1, reading + writing + waiting, accepted, handled, requests, reading, writing, waiting]
    }
}
