import Foundation
import YAML

// MARK: - The end-of-test summary, as k6 prints it, and its JSON

extension LoadSummary {
    /// The k6-like summary: one dotted line per metric, thresholds marked ✓/✗ under their metric.
    public func text() -> String {
        var lines: [String] = []
        func row(_ name: String, _ value: String, metrics: [LoadThreshold.Metric] = []) {
            let results = thresholds.filter { metrics.contains($0.threshold.metric) }
            let mark = results.isEmpty ? "  " : (results.allSatisfy(\.passed) ? "✓ " : "✗ ")
            let dots = String(repeating: ".", count: max(2, 32 - name.count))
            lines.append("   \(mark)\(name)\(dots): \(value)")
            for result in results {
                let verdict = result.passed ? "✓" : "✗"
                lines.append("       \(verdict) \(result.threshold.aggregationText)\(result.threshold.comparison.rawValue)\(Self.number(result.threshold.value))"
                             + "  (observed \(Self.number(result.observed)))")
            }
        }
        let seconds = max(self.seconds, 1e-9)
        row("data_received", "\(Self.bytes(Double(bytesReceived))) \(Self.bytes(Double(bytesReceived) / seconds))/s", metrics: [.dataReceived])
        row("data_sent", "\(Self.bytes(Double(bytesSent))) \(Self.bytes(Double(bytesSent) / seconds))/s", metrics: [.dataSent])
        if droppedIterations > 0 || thresholds.contains(where: { $0.threshold.metric == .droppedIterations }) {
            row("dropped_iterations", "\(droppedIterations)", metrics: [.droppedIterations])
        }
        row("errors", "\(Self.percent(errorRate)) ✓ \(failed) ✗ \(requests - failed)", metrics: [.errors])
        let l = latency
        let duration = l.count == 0 ? "avg=0s min=0s med=0s max=0s p(90)=0s p(95)=0s p(99)=0s" :
            "avg=\(Self.ms(l.mean)) min=\(Self.ms(Double(l.min))) med=\(Self.ms(l.percentile(50))) max=\(Self.ms(Double(l.max))) "
            + "p(90)=\(Self.ms(l.percentile(90))) p(95)=\(Self.ms(l.percentile(95))) p(99)=\(Self.ms(l.percentile(99)))"
        row("http_req_duration", duration, metrics: [.httpReqDuration])
        row("http_req_failed", "\(Self.percent(errorRate)) ✓ \(failed) ✗ \(requests - failed)", metrics: [.httpReqFailed])
        row("http_reqs", "\(requests) \(String(format: "%.1f", requestRate))/s", metrics: [.httpReqs])
        row("vus_max", "\(maxVUs)")
        var out = lines.joined(separator: "\n") + "\n"
        let statusText = statuses.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "no response" : String($0.key)): \($0.value)" }
        out += "\n   statuses: \(statusText.joined(separator: ", "))"
        if timeouts > 0 { out += " (\(timeouts) timed out)" }
        out += "\n   connections: \(connections), duration: \(String(format: "%.1f", seconds)) s\n"
        for message in transportErrors { out += "   error: \(message)\n" }
        if let stoppedEarly { out += "   stopped early: \(stoppedEarly)\n" }
        if !thresholds.isEmpty {
            let failedCount = thresholds.filter { !$0.passed }.count
            out += failedCount == 0 ? "\n   all \(thresholds.count) thresholds passed\n"
                                    : "\n   \(failedCount) of \(thresholds.count) thresholds failed\n"
        }
        return out
    }

    /// The summary as one JSON object (`--out json=FILE`): `requests` first, then the rest.
    public func json() -> String {
        let l = latency
        var fields: [(String, String)] = [
            ("requests", "\(requests)"),
            ("failed", "\(failed)"),
            ("error_rate", Self.jsonNumber(errorRate)),
            ("duration_seconds", Self.jsonNumber(seconds)),
            ("rate", Self.jsonNumber(requestRate)),
            ("latency_ms", "{" + [("avg", l.mean), ("min", l.count == 0 ? 0 : Double(l.min)), ("p50", l.percentile(50)),
                                  ("p90", l.percentile(90)), ("p95", l.percentile(95)), ("p99", l.percentile(99)),
                                  ("max", Double(l.max))]
                .map { "\"\($0.0)\":\(Self.jsonNumber($0.1 / 1000))" }.joined(separator: ",") + "}"),
            ("data_sent", "\(bytesSent)"),
            ("data_received", "\(bytesReceived)"),
            ("statuses", "{" + statuses.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"),
            ("targets", "{" + perTarget.sorted { $0.key < $1.key }.map { "\(JSONWriter.quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"),
            ("timeouts", "\(timeouts)"),
            ("dropped_iterations", "\(droppedIterations)"),
            ("vus_max", "\(maxVUs)"),
            ("connections", "\(connections)"),
            ("thresholds", "[" + thresholds.map {
                "{\"threshold\":\(JSONWriter.quote($0.threshold.text)),\"observed\":\(Self.jsonNumber($0.observed)),\"passed\":\($0.passed)}"
            }.joined(separator: ",") + "]"),
            ("thresholds_passed", "\(thresholdsPassed)"),
        ]
        if let stoppedEarly { fields.append(("stopped_early", JSONWriter.quote(stoppedEarly))) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    static func jsonNumber(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        let rounded = (v * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.4g", v)
    }

    static func percent(_ rate: Double) -> String { String(format: "%.2f%%", rate * 100) }

    /// Microseconds as k6 prints durations: `812µs`, `12.34ms`, `1.2s`.
    static func ms(_ micros: Double) -> String {
        if micros < 1000 { return String(format: "%.0fµs", micros) }
        if micros < 1_000_000 { return String(format: "%.2fms", micros / 1000) }
        return String(format: "%.2fs", micros / 1_000_000)
    }

    /// Bytes in SI units as k6 prints them: `487 kB`, `1.4 MB`.
    static func bytes(_ n: Double) -> String {
        if n < 1000 { return String(format: "%.0f B", n) }
        if n < 1_000_000 { return String(format: "%.0f kB", n / 1000) }
        if n < 1_000_000_000 { return String(format: "%.1f MB", n / 1_000_000) }
        return String(format: "%.1f GB", n / 1_000_000_000)
    }
}

extension LoadRunner.Progress {
    /// The live line: `running (12.3s/30.0s), 10 VUs, 1234 reqs, 410.2 req/s, p95=2.31ms, errors 0.00%`.
    public var line: String {
        String(format: "running (%.1fs/%.1fs), %d VUs, %d reqs, %.1f req/s, ", elapsed, duration, vus, requests, recentRate)
            + "p95=\(LoadSummary.ms(p95 * 1000)), errors \(LoadSummary.percent(errorRate))"
    }
}
