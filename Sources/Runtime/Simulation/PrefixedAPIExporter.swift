import Foundation
import PromModel

/// Práctica 26's instrumented API (`monitoring/metrics.py`): every metric name starts with the
/// student's prefix (`tu_prefijo_requests_total`, `tu_prefijo_response_duration_seconds`, …).
///
/// Exposes `{prefix}_requests_total{method,endpoint,status}`, the histogram
/// `{prefix}_response_duration_seconds{method,endpoint}` (buckets 0.1…10 s), the gauges
/// `{prefix}_active_connections`, `{prefix}_cpu_usage_percent`, `{prefix}_memory_usage_bytes`,
/// `{prefix}_disk_usage_percent`, and the business counters `{prefix}_entities_created_total`,
/// `{prefix}_entities_updated_total`, `{prefix}_api_errors_total{error_type}`.
public struct PrefixedAPIExporter: SimulatedTarget {
    /// The histogram buckets of the Práctica's `response_time`.
    public static let practiceBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public let prefix: String
    public let profile: ServiceProfile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { true }

    private var slots: [(success: Int, error: Int, histogram: Int)] = []
    private let gauges: Int
    private let business: Int
    private var traffic: [EndpointTraffic]
    private var created = 0.0, updated = 0.0, apiErrors = 0.0
    private var disk = 35.0

    /// The API with metric names starting `prefix_` (e.g. `tu_prefijo`).
    public init(prefix: String, profile: ServiceProfile, startTime: Int64) {
        self.prefix = prefix
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        for e in profile.endpoints {
            let ok = table.add("\(prefix)_requests_total", ["method": e.method, "endpoint": e.path, "status": e.successStatus])
            let bad = table.add("\(prefix)_requests_total", ["method": e.method, "endpoint": e.path, "status": e.errorStatus])
            let h = table.addHistogram("\(prefix)_response_duration_seconds", buckets: profile.buckets,
                                       [("method", e.method), ("endpoint", e.path)])
            slots.append((ok, bad, h))
        }
        gauges = table.add("\(prefix)_active_connections")
        table.add("\(prefix)_cpu_usage_percent")
        table.add("\(prefix)_memory_usage_bytes")
        table.add("\(prefix)_disk_usage_percent")
        business = table.add("\(prefix)_entities_created_total")
        table.add("\(prefix)_entities_updated_total")
        table.add("\(prefix)_api_errors_total", ["error_type": "HTTPException"])
        series = table
        traffic = profile.endpoints.map { _ in EndpointTraffic(bucketCount: profile.buckets.count) }
    }

    public mutating func restart(at time: Int64) {
        traffic = profile.endpoints.map { _ in EndpointTraffic(bucketCount: profile.buckets.count) }
        created = 0
        updated = 0
        apiErrors = 0
    }

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        var values = [Double](repeating: 0, count: series.count)
        var inFlight = 0.0, load = 0.0
        for (i, e) in profile.endpoints(at: context.offset).enumerated() where i < traffic.count && i < slots.count {
            let (requests, failed, _) = traffic[i].advance(seconds: context.elapsed, endpoint: e,
                                                           buckets: profile.buckets, rng: &rng)
            inFlight += traffic[i].inFlight
            load += requests
            apiErrors += failed
            if e.method == "POST" { created += requests - failed }
            if e.method == "PUT" || e.method == "PATCH" { updated += requests - failed }
            values[slots[i].success] = traffic[i].successes
            values[slots[i].error] = traffic[i].errors
            FastAPIExporter.fill(&values, at: slots[i].histogram, traffic[i])
        }
        let rps = context.elapsed > 0 ? load / context.elapsed : 0
        disk = min(100, disk + 0.001 * context.elapsed / 60)
        values[gauges] = inFlight
        values[gauges + 1] = (min(100, 5 + rps * 0.8 + 3 * rng.nextUnit()) * 10).rounded() / 10
        values[gauges + 2] = (profile.baseMemoryBytes * (1 + 0.05 * rng.nextSigned()) + rps * 1_048_576).rounded()
        values[gauges + 3] = (disk * 10).rounded() / 10
        values[business] = created
        values[business + 1] = updated
        values[business + 2] = apiErrors
        return values
    }
}
