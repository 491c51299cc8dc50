import Foundation
import PromModel

/// The seed lab's FastAPI service (`services/fastapi_app/main.py`) as Prometheus scrapes it:
///
/// - `http_requests_total{method,endpoint,status}` (counter),
/// - `http_request_duration_seconds{method,endpoint}` (histogram, the client's default buckets),
/// - `http_requests_active` (gauge), `work_duration_seconds` (histogram of `/do_work` and
///   `/cpu_intensive`), `errors_total{type="simulated_error"}` (failures of `/do_work`),
/// - `cache_hits_total` / `cache_misses_total` when a `/cached_work` endpoint exists (Lab 6),
/// - the Python client's `process_*` metrics.
///
/// Requests to `/metrics` are counted like any endpoint when the profile lists it.
public struct FastAPIExporter: SimulatedTarget {
    public let profile: ServiceProfile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { true }

    /// Buckets of `work_duration_seconds` in the seed.
    public static let workBuckets: [Double] = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Fraction of `/cached_work` requests answered from Redis.
    public var cacheHitRatio: Double = 0.8

    // MARK: - Series positions

    private struct EndpointSlots: Sendable {
        var success: Int
        var error: Int
        var histogram: Int
    }

    private var slots: [EndpointSlots] = []
    private let active: Int
    private let workHistogram: Int
    private let simulatedErrors: Int
    private let cacheSlots: (hits: Int, misses: Int)?
    private let process: Int

    // MARK: - State

    private var traffic: [EndpointTraffic]
    private var work: EndpointTraffic
    private var cacheHits = 0.0
    private var cacheMisses = 0.0
    private var cpuSeconds = 0.0
    private var startTime: Double
    private var openFDs = 12.0

    /// A service started at `startTime` (milliseconds).
    public init(profile: ServiceProfile, startTime: Int64) {
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        for e in profile.endpoints {
            let ok = table.add("http_requests_total", ["method": e.method, "endpoint": e.path, "status": e.successStatus])
            let bad = table.add("http_requests_total", ["method": e.method, "endpoint": e.path, "status": e.errorStatus])
            let h = table.addHistogram("http_request_duration_seconds", buckets: profile.buckets,
                                       [("method", e.method), ("endpoint", e.path)])
            slots.append(EndpointSlots(success: ok, error: bad, histogram: h))
        }
        active = table.add("http_requests_active")
        workHistogram = table.addHistogram("work_duration_seconds", buckets: Self.workBuckets)
        simulatedErrors = table.add("errors_total", ["type": "simulated_error"])
        if profile.endpoints.contains(where: { $0.path == "/cached_work" }) {
            cacheSlots = (table.add("cache_hits_total"), table.add("cache_misses_total"))
        } else {
            cacheSlots = nil
        }
        process = table.add("process_cpu_seconds_total")
        table.add("process_resident_memory_bytes")
        table.add("process_virtual_memory_bytes")
        table.add("process_start_time_seconds")
        table.add("process_open_fds")
        table.add("process_max_fds")
        series = table
        traffic = profile.endpoints.map { _ in EndpointTraffic(bucketCount: profile.buckets.count) }
        work = EndpointTraffic(bucketCount: Self.workBuckets.count)
        self.startTime = Double(startTime) / 1000
    }

    // MARK: - SimulatedTarget

    public mutating func restart(at time: Int64) {
        traffic = profile.endpoints.map { _ in EndpointTraffic(bucketCount: profile.buckets.count) }
        work = EndpointTraffic(bucketCount: Self.workBuckets.count)
        cacheHits = 0
        cacheMisses = 0
        cpuSeconds = 0
        openFDs = 12
        startTime = Double(time) / 1000
    }

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        var values = [Double](repeating: 0, count: series.count)
        let endpoints = profile.endpoints(at: context.offset)
        var inFlight = 0.0, busySeconds = 0.0, simulated = 0.0
        for (i, e) in endpoints.enumerated() where i < traffic.count && i < slots.count {
            let (requests, failed, latency) = traffic[i].advance(seconds: context.elapsed, endpoint: e,
                                                                 buckets: profile.buckets, rng: &rng)
            inFlight += traffic[i].inFlight
            busySeconds += (requests - failed) * latency.mean * (e.path == "/cpu_intensive" ? 1 : 0.05)
            if e.path == "/do_work" || e.path == "/cpu_intensive" {
                work.observe(requests - failed, latency: latency, buckets: Self.workBuckets)
            }
            if e.path == "/do_work" { simulated = traffic[i].errors }
            if e.path == "/cached_work" {
                let hits = rng.nextBinomial(trials: requests, p: cacheHitRatio)
                cacheHits += hits
                cacheMisses += requests - hits
            }
            let t = traffic[i], s = slots[i]
            values[s.success] = t.successes
            values[s.error] = t.errors
            Self.fill(&values, at: s.histogram, t)
        }
        values[active] = inFlight
        Self.fill(&values, at: workHistogram, work)
        values[simulatedErrors] = simulated
        if let cacheSlots {
            values[cacheSlots.hits] = cacheHits
            values[cacheSlots.misses] = cacheMisses
        }
        cpuSeconds += busySeconds + 0.002 * context.elapsed
        openFDs = max(8, min(1024, openFDs + (rng.nextUnit() < 0.5 ? -1 : 1)))
        let uptime = max(0, Double(context.time) / 1000 - startTime)
        values[process] = (cpuSeconds * 100).rounded() / 100
        values[process + 1] = profile.baseMemoryBytes + min(40, uptime / 600) * 1_048_576 + inFlight * 65_536
        values[process + 2] = profile.baseMemoryBytes * 4
        values[process + 3] = startTime
        values[process + 4] = openFDs
        values[process + 5] = 1_048_576
        return values
    }

    // MARK: - Helpers

    /// Writes a histogram's buckets, `+Inf`, `_sum` and `_count` starting at `first`.
    static func fill(_ values: inout [Double], at first: Int, _ t: EndpointTraffic) {
        var i = first
        for c in t.bucketCounts {
            values[i] = c
            i += 1
        }
        values[i] = t.count
        values[i + 1] = (t.sum * 1e6).rounded() / 1e6
        values[i + 2] = t.count
    }
}
