import Foundation
import PromModel
import Storage

/// Pushes a run's own metrics to a Prometheus remote-write receiver (`labctl serve`, Prometheus
/// with `--web.enable-remote-write-receiver`, Mimir, …) as k6's `experimental-prometheus-rw`
/// output names them, so the seed's Lab 5 queries work: `k6_vus`, `k6_vus_max`,
/// `k6_http_reqs_total{status}`, `k6_http_req_failed_rate`, `k6_http_req_duration_p95` (and
/// `_p99`, `_avg`, `_max`, in seconds), `k6_data_sent_total`, `k6_data_received_total`,
/// `k6_dropped_iterations_total`. Pushes run on a background queue, one at a time; a push that
/// finds the previous one still running is skipped. Only loopback and allowed hosts are receivers.
public final class LoadRemoteWriter: @unchecked Sendable {
    public let url: String
    private let request: HTTPRequest
    private let client: HTTPClient
    private let queue = DispatchQueue(label: "labctl-load-remote-write")
    private let lock = NSLock()
    private var busy = false
    private var pushed = 0
    private var failures: [String] = []
    private let started = Date()

    /// A writer to `url`.
    /// - Throws: ``LoadError`` for a bad URL or a receiver that is neither loopback nor allowed.
    public init(url: String, allowedHosts: [String] = [], timeout: Double = 5) throws {
        do {
            request = try HTTPRequest(url: url, method: "POST")
        } catch {
            throw LoadError("--remote-write \(url): \(error)")
        }
        guard LoadTargetPolicy.isAllowed(host: request.host, extra: allowedHosts) else {
            throw LoadError("--remote-write \(url) is not a loopback address nor one of the scenario's hosts")
        }
        self.url = url
        client = HTTPClient(timeout: timeout, maxBodyBytes: 1 << 20)
    }

    /// Pushes completed so far and the first failures (at most 5).
    public var status: (pushes: Int, failures: [String]) { lock.withLock { (pushed, failures) } }

    /// Pushes `summary` (with `vus` active) in the background; skipped when a push is running.
    public func push(_ summary: LoadSummary, vus: Int) {
        let body = Self.request(summary, vus: vus, at: Self.millisecondsNow()).encodedSnappy()
        let proceed: Bool = lock.withLock {
            if busy { return false }
            busy = true
            return true
        }
        guard proceed else { return }
        queue.async { [self] in
            self.send(body)
            self.lock.withLock { self.busy = false }
        }
    }

    /// Waits for a running push, then pushes the final `summary` (VUs 0) and waits for it.
    public func finish(_ summary: LoadSummary) {
        queue.sync {}
        send(Self.request(summary, vus: 0, at: Self.millisecondsNow()).encodedSnappy())
    }

    private func send(_ body: [UInt8]) {
        var post = request
        post.body = body
        post.headers = [("Content-Type", "application/x-protobuf"), ("Content-Encoding", "snappy"),
                        ("X-Prometheus-Remote-Write-Version", "0.1.0")]
        let outcome: String?
        do {
            let response = try client.send(post)
            outcome = (200..<300).contains(response.status) ? nil : "HTTP \(response.status): \(response.text.prefix(200))"
        } catch {
            outcome = "\(error)"
        }
        lock.withLock {
            if let outcome {
                if failures.count < 5 { failures.append(outcome) }
            } else {
                pushed += 1
            }
        }
    }

    static func millisecondsNow() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// The write request for `summary` at `timestamp` (ms).
    public static func request(_ summary: LoadSummary, vus: Int, at timestamp: Int64) -> RemoteWriteRequest {
        var series: [RemoteWriteRequest.TimeSeries] = []
        func add(_ name: String, _ value: Double, _ labels: [String: String] = [:]) {
            var all = labels
            all[Label.metricName] = name
            series.append(.init(labels: Labels(all), samples: [Sample(t: timestamp, v: value)]))
        }
        add("k6_vus", Double(vus))
        add("k6_vus_max", Double(summary.maxVUs))
        for (status, count) in summary.statuses.sorted(by: { $0.key < $1.key }) {
            add("k6_http_reqs_total", Double(count), ["status": String(status)])
        }
        add("k6_http_req_failed_rate", summary.errorRate)
        let latency = summary.latency
        if latency.count > 0 {
            add("k6_http_req_duration_p95", latency.percentile(95) / 1_000_000)
            add("k6_http_req_duration_p99", latency.percentile(99) / 1_000_000)
            add("k6_http_req_duration_avg", latency.mean / 1_000_000)
            add("k6_http_req_duration_max", Double(latency.max) / 1_000_000)
        }
        add("k6_data_sent_total", Double(summary.bytesSent))
        add("k6_data_received_total", Double(summary.bytesReceived))
        add("k6_dropped_iterations_total", Double(summary.droppedIterations))
        return RemoteWriteRequest(timeseries: series)
    }
}
