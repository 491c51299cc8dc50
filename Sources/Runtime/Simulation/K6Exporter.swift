import PromModel

/// A k6 load test pushing its metrics through Prometheus remote write (Lab 5): virtual users,
/// requests by status and the p95 of request durations. It is not scraped, so it has no `up`
/// series and no staleness markers.
public struct K6Exporter: SimulatedTarget {
    /// The load test.
    public struct Profile: Hashable, Sendable {
        public var job: String
        public var instance: String
        public var virtualUsers: Double
        public var requestsPerSecond: Double
        public var errorRatio: Double
        public var latency: LatencyProfile

        public init(job: String = "k6", instance: String = "k6", virtualUsers: Double = 20, requestsPerSecond: Double = 100,
                    errorRatio: Double = 0.01, latency: LatencyProfile = LatencyProfile(median: 0.1, p95: 0.3)) {
            self.job = job
            self.instance = instance
            self.virtualUsers = max(0, virtualUsers)
            self.requestsPerSecond = max(0, requestsPerSecond)
            self.errorRatio = min(1, max(0, errorRatio))
            self.latency = latency
        }
    }

    public let profile: Profile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { false }

    private var ok = 0.0, failed = 0.0

    public init(profile: Profile, startTime: Int64) {
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        table.add("k6_vus")
        table.add("k6_http_reqs_total", ["method": "GET", "status": "200", "url": "http://api:8000/do_work"])
        table.add("k6_http_reqs_total", ["method": "GET", "status": "500", "url": "http://api:8000/do_work"])
        table.add("k6_http_req_duration_p95")
        series = table
    }

    public mutating func restart(at time: Int64) {
        ok = 0
        failed = 0
    }

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        let n = rng.nextCount(mean: profile.requestsPerSecond * context.elapsed)
        let bad = rng.nextBinomial(trials: n, p: profile.errorRatio)
        ok += n - bad
        failed += bad
        let p95 = profile.latency.p95 * (1 + 0.05 * rng.nextSigned())
        return [profile.virtualUsers, ok, failed, (p95 * 1e6).rounded() / 1e6]
    }
}
