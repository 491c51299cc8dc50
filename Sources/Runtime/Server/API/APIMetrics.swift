import GoCompat
import Foundation

/// Counters and latency histograms of ``PrometheusAPI``'s requests, written at `/metrics` under
/// Prometheus's own names (`prometheus_http_requests_total{code,handler}`,
/// `prometheus_http_request_duration_seconds{handler}`), so dashboards made for Prometheus work.
///
/// Handler names come from the fixed route table (unknown paths share one name), so the number of
/// series stays bounded whatever clients send.
public final class APIMetrics: @unchecked Sendable {
    /// Prometheus's bucket bounds for HTTP latencies, in seconds.
    public static let buckets: [Double] = [0.1, 0.2, 0.4, 1, 3, 8, 20, 60, 120]

    struct Histogram {
        var counts = [Int](repeating: 0, count: APIMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var requests: [String: [Int: Int]] = [:]
    private var durations: [String: Histogram] = [:]
    private var remoteWriteSamples = 0
    private let extra: (@Sendable () -> String)?
    private let started = Date()

    /// - Parameter extra: more exposition text appended to ``exposition()`` (the server's own counters).
    public init(extra: (@Sendable () -> String)? = nil) {
        self.extra = extra
    }

    /// Counts one request of `handler` answered with `code` in `seconds`.
    public func observe(handler: String, code: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        requests[handler, default: [:]][code, default: 0] += 1
        var h = durations[handler] ?? Histogram()
        for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
        if seconds.isFinite { h.sum += seconds }
        h.count += 1
        durations[handler] = h
    }

    /// Counts samples appended through remote write.
    public func countRemoteWrite(samples: Int) {
        lock.lock()
        remoteWriteSamples &+= samples
        lock.unlock()
    }

    /// How many requests of `handler` were answered with `code`.
    public func requestCount(handler: String, code: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return requests[handler]?[code] ?? 0
    }

    /// The metrics in the text format 0.0.4.
    public func exposition() -> String {
        lock.lock()
        let requests = self.requests
        let durations = self.durations
        let samples = remoteWriteSamples
        lock.unlock()
        var out = "# HELP prometheus_http_requests_total Counter of HTTP requests.\n"
        out += "# TYPE prometheus_http_requests_total counter\n"
        for handler in requests.keys.sorted() {
            for (code, n) in (requests[handler] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out += "prometheus_http_requests_total{code=\"\(code)\",handler=\"\(handler)\"} \(n)\n"
            }
        }
        out += "# HELP prometheus_http_request_duration_seconds Histogram of latencies for HTTP requests.\n"
        out += "# TYPE prometheus_http_request_duration_seconds histogram\n"
        for handler in durations.keys.sorted() {
            guard let h = durations[handler] else { continue }
            for (i, bound) in Self.buckets.enumerated() {
                out += "prometheus_http_request_duration_seconds_bucket{handler=\"\(handler)\",le=\"\(GoFloatFormat.g(bound))\"} \(h.counts[i])\n"
            }
            out += "prometheus_http_request_duration_seconds_bucket{handler=\"\(handler)\",le=\"+Inf\"} \(h.count)\n"
            out += "prometheus_http_request_duration_seconds_sum{handler=\"\(handler)\"} \(GoFloatFormat.g(h.sum))\n"
            out += "prometheus_http_request_duration_seconds_count{handler=\"\(handler)\"} \(h.count)\n"
        }
        out += "# HELP labctl_remote_write_samples_received_total Samples appended through /api/v1/write.\n"
        out += "# TYPE labctl_remote_write_samples_received_total counter\n"
        out += "labctl_remote_write_samples_received_total \(samples)\n"
        out += "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
        out += "# TYPE process_start_time_seconds gauge\n"
        out += "process_start_time_seconds \(GoFloatFormat.g(started.timeIntervalSince1970.rounded(.down)))\n"
        if let extra {
            let text = extra()
            out += text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        }
        return out
    }
}
