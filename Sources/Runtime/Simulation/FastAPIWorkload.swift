import Storage

/// The whole monitoring stack of the seed course, ready to simulate: the FastAPI service of Labs 2–8
/// (`job="fastapi"`), node_exporter, Redis and nginx exporters (Lab 6), a k6 load test pushing
/// through remote write (Lab 5), and Práctica 26's API with prefixed metric names.
///
/// Every part but the FastAPI service can be turned off (`nil`). The defaults give about 11 requests
/// per second with 2–3% errors on the FastAPI service.
public struct FastAPIWorkload: Sendable {
    public var seed: UInt64
    /// First scrape, in milliseconds since the epoch.
    public var start: Int64
    /// Length, in milliseconds (2 hours by default).
    public var duration: Int64
    /// Milliseconds between scrapes (15 s, the seed's `scrape_interval`).
    public var scrapeInterval: Int64
    public var api: ServiceProfile
    public var node: NodeProfile?
    public var redis: RedisExporter.Profile?
    public var nginx: NginxExporter.Profile?
    public var k6: K6Exporter.Profile?
    /// Práctica 26's API: its metric prefix and profile.
    public var practice: PracticeAPI?
    public var downtimes: [Downtime] = []
    public var restarts: [Restart] = []

    /// Práctica 26's API and the prefix of its metric names.
    public struct PracticeAPI: Hashable, Sendable {
        public var prefix: String
        public var profile: ServiceProfile

        public init(prefix: String = "tu_prefijo", profile: ServiceProfile = .practice26) {
            self.prefix = prefix
            self.profile = profile
        }
    }

    public init(seed: UInt64 = 1, start: Int64 = 1_700_000_000_000, duration: Int64 = 2 * 3_600_000,
                scrapeInterval: Int64 = 15_000, api: ServiceProfile = .seedFastAPI,
                node: NodeProfile? = NodeProfile(), redis: RedisExporter.Profile? = RedisExporter.Profile(),
                nginx: NginxExporter.Profile? = NginxExporter.Profile(), k6: K6Exporter.Profile? = K6Exporter.Profile(),
                practice: PracticeAPI? = PracticeAPI()) {
        self.seed = seed
        self.start = start
        self.duration = duration
        self.scrapeInterval = scrapeInterval
        self.api = api
        self.node = node
        self.redis = redis
        self.nginx = nginx
        self.k6 = k6
        self.practice = practice
    }

    /// The end of the simulation, in milliseconds since the epoch.
    public var end: Int64 { start + duration }

    /// A simulator with one target per configured part.
    public func simulator() -> WorkloadSimulator {
        var sim = WorkloadSimulator(start: start, duration: duration, scrapeInterval: scrapeInterval, seed: seed)
        sim.add(FastAPIExporter(profile: api, startTime: start))
        if let node { sim.add(NodeExporter(profile: node, startTime: start)) }
        if let redis { sim.add(RedisExporter(profile: redis, startTime: start)) }
        if let nginx { sim.add(NginxExporter(profile: nginx, startTime: start)) }
        if let k6 { sim.add(K6Exporter(profile: k6, startTime: start)) }
        if let practice { sim.add(PrefixedAPIExporter(prefix: practice.prefix, profile: practice.profile, startTime: start)) }
        sim.downtimes = downtimes
        sim.restarts = restarts
        return sim
    }

    /// Runs the simulation into `storage`.
    @discardableResult
    public func run(into storage: any Appendable) throws -> SimulationSummary {
        try simulator().run(into: storage)
    }
}

// MARK: - Seed profiles

extension ServiceProfile {
    /// The seed's FastAPI app (`services/fastapi_app/main.py`) under a steady load: `/do_work` with its
    /// default 100 ms delay and 5% failures, `/cpu_intensive`, `/cached_work`, `/`, `/health`, and
    /// Prometheus's own scrapes of `/metrics`.
    public static let seedFastAPI = ServiceProfile(job: "fastapi", instance: "api:8000", endpoints: [
        EndpointProfile("GET", "/", requestsPerSecond: 2, latency: LatencyProfile(median: 0.003, p95: 0.008)),
        EndpointProfile("GET", "/health", requestsPerSecond: 1, latency: LatencyProfile(median: 0.002, p95: 0.004)),
        EndpointProfile("GET", "/do_work", requestsPerSecond: 5, errorRatio: 0.05,
                        latency: LatencyProfile(median: 0.105, p95: 0.16)),
        EndpointProfile("GET", "/cpu_intensive", requestsPerSecond: 1, latency: LatencyProfile(median: 0.4, p95: 1.1)),
        EndpointProfile("GET", "/cached_work", requestsPerSecond: 2, latency: LatencyProfile(median: 0.02, p95: 0.12)),
        EndpointProfile("GET", "/metrics", requestsPerSecond: 1.0 / 15, latency: LatencyProfile(median: 0.004, p95: 0.009)),
    ])

    /// Práctica 26's API for an entity (`/libros/`) scraped as `fastapi-tu-prefijo`.
    public static let practice26 = ServiceProfile(job: "fastapi-tu-prefijo", instance: "host.docker.internal:8000", endpoints: [
        EndpointProfile("POST", "/libros/", requestsPerSecond: 2, errorRatio: 0.02, latency: LatencyProfile(median: 0.08, p95: 0.3)),
        EndpointProfile("GET", "/libros/", requestsPerSecond: 5, latency: LatencyProfile(median: 0.03, p95: 0.2)),
        EndpointProfile("PUT", "/libros/", requestsPerSecond: 1, errorRatio: 0.01, latency: LatencyProfile(median: 0.06, p95: 0.25)),
        EndpointProfile("GET", "/metrics-dashboard", requestsPerSecond: 0.5, latency: LatencyProfile(median: 0.01, p95: 0.05)),
    ], buckets: PrefixedAPIExporter.practiceBuckets)
}
