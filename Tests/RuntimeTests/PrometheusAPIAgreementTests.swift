import GoCompat
import Foundation
import ConfigModel
import PromModel
import Storage
import XCTest
@testable import Runtime

/// The same remote-write body sent to Debian's Prometheus and to ``PrometheusAPI``; then the same
/// requests to both give the same answers (decoded JSON, federation text, error bodies).
/// Skipped without prometheus.
final class PrometheusAPIAgreementTests: XCTestCase {
    private static let config = "global:\n  scrape_interval: 15s\n  external_labels:\n    region: eu\n"

    func testSameAnswersAsPrometheus() throws {
        let peer = try PrometheusAPIPeer(config: Self.config)
        defer { peer.stop() }
        // Samples every 15 s over the last 10 minutes, ending a little before now (wall clock:
        // Prometheus's head accepts recent samples only).
        let now = Int64(Date().timeIntervalSince1970) * 1000
        let end = now - now % 15_000 - 15_000
        let start = end - 600_000
        var series: [RemoteWriteRequest.TimeSeries] = []
        for (i, code) in ["200", "404", "500"].enumerated() {
            series.append(.init(labels: ["__name__": "http_requests_total", "job": "api", "instance": "a:8000", "code": code],
                                samples: stride(from: start, through: end, by: 15_000).map {
                                    Sample(t: $0, v: Double(($0 - start) / 15_000) * Double(i + 1) * 1.5)
                                }))
        }
        series.append(.init(labels: ["__name__": "up", "job": "api", "instance": "a:8000"],
                            samples: stride(from: start, through: end, by: 15_000).map { Sample(t: $0, v: 1) }))
        series.append(.init(labels: ["__name__": "temperature_celsius", "room": "<lab & co>"],
                            samples: [Sample(t: end - 30_000, v: 21.25), Sample(t: end, v: 1.5e-7)]))
        let body = RemoteWriteRequest(timeseries: series).encodedSnappy()
        let headers: [(name: String, value: String)] = [("Content-Type", "application/x-protobuf"),
                                                        ("Content-Encoding", "snappy"),
                                                        ("X-Prometheus-Remote-Write-Version", "0.1.0")]
        let api = PrometheusAPI(storage: MemoryStorage(), context: APIContext(
            externalLabels: { ["region": "eu"] }, now: { end }, enableRemoteWrite: true))
        XCTAssertEqual(try peer.send("POST", "/api/v1/write", headers: headers, body: body).status, 204)
        XCTAssertEqual(api.handle(HTTPServerRequest(method: "POST", target: "/api/v1/write", headers: headers, body: body)).status, 204)

        let t = "\(Double(end) / 1000)"
        let s = "\(Double(start) / 1000)"
        let targets = [
            "/api/v1/query?query=" + FormURLEncoding.encode("sum by (code) (rate(http_requests_total[5m]))") + "&time=" + t,
            "/api/v1/query?query=" + FormURLEncoding.encode("http_requests_total / 3") + "&time=" + t,
            "/api/v1/query?query=temperature_celsius&time=" + t,
            "/api/v1/query?query=" + FormURLEncoding.encode("scalar(up) * 2.5") + "&time=" + t,
            "/api/v1/query?query=" + FormURLEncoding.encode("http_requests_total[50s]") + "&time=" + t,
            "/api/v1/query_range?query=" + FormURLEncoding.encode("increase(http_requests_total[2m])")
                + "&start=" + s + "&end=" + t + "&step=60",
            "/api/v1/query_range?query=" + FormURLEncoding.encode("rate(up[5m])") + "&start=" + s + "&end=" + t + "&step=1m",
            "/api/v1/series?match[]=" + FormURLEncoding.encode(#"{job="api"}"#),
            "/api/v1/labels",
            "/api/v1/label/code/values",
            "/api/v1/label/room/values",
            "/api/v1/query",
            "/api/v1/query?query=" + FormURLEncoding.encode("sum(up"),
            "/api/v1/query_range?query=up&start=10&end=5&step=1",
            "/api/v1/query_range?query=up&start=0&end=100000&step=1",
            "/api/v1/query_range?query=up&start=0&end=100&step=0",
            "/api/v1/series",
            "/api/v1/series?match[]=" + FormURLEncoding.encode("rate(up[5m])"),
            "/api/v1/format_query?query=" + FormURLEncoding.encode("sum(rate(x[5m]))by(job)"),
            "/api/v1/query?query=up&time=yesterday",
            "/api/v1/labels?match[]=" + FormURLEncoding.encode("up{"),
            "/api/v1/label/code/values?match[]=" + FormURLEncoding.encode(#"{x=~".*"}"#),
        ]
        for target in targets {
            let theirs = try peer.send("GET", target)
            let ours = api.handle(HTTPServerRequest(method: "GET", target: target))
            XCTAssertEqual(ours.status, theirs.status, target)
            let a = try normalized(ours.body), b = try normalized(theirs.body)
            XCTAssertTrue(same(a, b), "\(target)\nours:   \(String(decoding: ours.body, as: UTF8.self))\ntheirs: \(String(decoding: theirs.body, as: UTF8.self))")
        }

        // Federation: byte for byte (the time is Prometheus's "now", so only series near it).
        let federate = "/federate?match[]=" + FormURLEncoding.encode(#"{__name__=~"up|temperature_celsius"}"#)
        let live = PrometheusAPI(storage: api.storage, context: APIContext(externalLabels: { ["region": "eu"] }))
        let theirs = String(decoding: try peer.send("GET", federate).body, as: UTF8.self)
        let ours = String(decoding: live.handle(HTTPServerRequest(method: "GET", target: federate)).body, as: UTF8.self)
        XCTAssertEqual(ours, theirs)

        // A body that is not snappy: the same 400 text.
        let garbage = Array("garbagegarbage".utf8)
        let theirGarbage = try peer.send("POST", "/api/v1/write", headers: headers, body: garbage)
        let ourGarbage = api.handle(HTTPServerRequest(method: "POST", target: "/api/v1/write", headers: headers, body: garbage))
        XCTAssertEqual(ourGarbage.status, theirGarbage.status)
        XCTAssertEqual(String(decoding: ourGarbage.body, as: UTF8.self), String(decoding: theirGarbage.body, as: UTF8.self))

        // Out-of-order samples: both refuse the request with the same text.
        let late = RemoteWriteRequest(timeseries: [.init(labels: ["__name__": "up", "job": "api", "instance": "a:8000"],
                                                         samples: [Sample(t: start + 1, v: 0)])]).encodedSnappy()
        let theirLate = try peer.send("POST", "/api/v1/write", headers: headers, body: late)
        let ourLate = api.handle(HTTPServerRequest(method: "POST", target: "/api/v1/write", headers: headers, body: late))
        XCTAssertEqual(ourLate.status, theirLate.status)
        XCTAssertEqual(String(decoding: ourLate.body, as: UTF8.self), String(decoding: theirLate.body, as: UTF8.self))
    }

    /// The body as a JSON value with the `result` arrays sorted, so that order-free answers compare,
    /// and without `infos` (Prometheus 3's info annotations, which Debian's 2.x does not send).
    private func normalized(_ body: [UInt8]) throws -> Any {
        sortResults(try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]))
    }

    private func sortResults(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, inner) in dictionary where key != "infos" {
                if key == "result", let list = inner as? [Any] {
                    out[key] = list.map(sortResults).sorted { sortKey($0) < sortKey($1) }
                } else {
                    out[key] = sortResults(inner)
                }
            }
            return out
        }
        if let list = value as? [Any] { return list.map(sortResults) }
        return value
    }

    /// A stable sort key: the element's `metric` as JSON with sorted keys.
    private func sortKey(_ element: Any) -> String {
        let metric = (element as? [String: Any])?["metric"] ?? element
        guard let data = try? JSONSerialization.data(withJSONObject: metric, options: [.sortedKeys, .fragmentsAllowed]) else {
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Structural equality; sample values (numeric strings) within 1e-9 relative, as the two engines
    /// may differ in the last bits of float arithmetic.
    private func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x as String, y as String):
            if x == y { return true }
            guard let p = Double(x), let q = Double(y) else { return false }
            return abs(p - q) <= 1e-9 * max(abs(p), abs(q))
        case let (x as Bool, y as Bool):
            return x == y
        case (is NSNull, is NSNull):
            return true
        default:
            guard let p = number(a), let q = number(b) else { return false }
            return p == q
        }
    }

    private func number(_ value: Any) -> Double? {
        switch value {
        case let v as Int: return Double(v)
        case let v as Double: return v
        case let v as NSNumber: return v.doubleValue
        default: return nil
        }
    }
}

/// `/api/v1/targets`, `/api/v1/rules` and `/api/v1/alerts`: the same keys as Debian's Prometheus
/// for the same configuration (values that depend on timing are not compared). Skipped without prometheus.
final class PrometheusAPIShapeAgreementTests: XCTestCase {
    private static let rules = """
        groups:
          - name: lab
            interval: 1s
            rules:
              - record: job:up:count
                expr: count(up)
              - alert: AlwaysFiring
                expr: vector(1)
                labels:
                  severity: info
                annotations:
                  summary: "always {{ $value }}"
        """

    private static let config = """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: ["{dir}/rules.yml"]
        scrape_configs:
          - job_name: dead
            static_configs:
              - targets: ["127.0.0.1:1"]
                labels:
                  team: lab
          - job_name: dropped
            static_configs:
              - targets: ["127.0.0.1:2"]
            relabel_configs:
              - action: drop
                source_labels: [__address__]
                regex: "127\\\\.0\\\\.0\\\\.1:2"
        """

    func testSameKeys() throws {
        let peer = try PrometheusAPIPeer(config: Self.config, files: ["rules.yml": Self.rules])
        defer { peer.stop() }
        // Wait (bounded) until Prometheus has scraped and evaluated once.
        let deadline = Date().addingTimeInterval(20)
        var ready = false
        while Date() < deadline, !ready {
            let alerts = try? JSONSerialization.jsonObject(with: Data(try peer.send("GET", "/api/v1/alerts").body)) as? [String: Any]
            let list = (alerts?["data"] as? [String: Any])?["alerts"] as? [Any]
            let targets = String(decoding: try peer.send("GET", "/api/v1/targets").body, as: UTF8.self)
            ready = !(list ?? []).isEmpty && targets.contains("\"down\"")
            if !ready { Thread.sleep(forTimeInterval: 0.3) }
        }
        try XCTSkipUnless(ready, "prometheus did not evaluate within 20 s")

        let storage = MemoryStorage()
        let text = Self.config.replacingOccurrences(of: "{dir}", with: peer.path)
        let parsed = PrometheusConfig.parse(text, file: "prometheus.yml")
        let prometheus = try XCTUnwrap(parsed.validValue, "\(parsed.diagnostics)")
        let scrapes = ScrapeManager(storage: storage)
        try scrapes.apply(prometheus, baseDirectory: peer.path)
        scrapes.scrapeAllOnce()
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let rules = RuleManager(options: RuleManagerOptions(query: Engine().ruleQuery(over: storage), storage: storage,
                                                            clock: ManualClock(milliseconds: now)))
        try rules.load([try RuleFixtures.ruleFile(Self.rules, file: peer.path + "/rules.yml")])
        rules.evaluateAll(at: now)
        let api = PrometheusAPI(storage: storage, context: APIContext(scrapeManager: scrapes, ruleManager: rules))

        for target in ["/api/v1/targets", "/api/v1/rules", "/api/v1/alerts"] {
            let theirs = try JSONSerialization.jsonObject(with: Data(try peer.send("GET", target).body))
            let ours = try JSONSerialization.jsonObject(with: Data(api.handle(HTTPServerRequest(method: "GET", target: target)).body))
            // Keys Prometheus 3 added after Debian's 2.x.
            let newer: Set<String> = ["droppedTargetCounts", "keepFiringFor"]
            let laterPaths: Set<String> = [".data.droppedTargets[].scrapePool"]  // added after 2.x as well
            XCTAssertEqual(keys(ours, skipping: newer).filter { !laterPaths.contains($0) },
                           keys(theirs, skipping: newer).filter { !laterPaths.contains($0) }, target)
        }
        // Values that do not depend on timing agree.
        let theirRules = String(decoding: try peer.send("GET", "/api/v1/rules").body, as: UTF8.self)
        let ourRules = String(decoding: api.handle(HTTPServerRequest(method: "GET", target: "/api/v1/rules")).body, as: UTF8.self)
        for fragment in [#""query":"count(up)""#, #""query":"vector(1)""#, #""state":"firing""#, #""value":"1e+00""#,
                         #""annotations":{"summary":"always {{ $value }}"}"#, #""health":"ok""#, #""interval":1"#] {
            XCTAssertTrue(theirRules.contains(fragment), "prometheus: \(fragment)")
            XCTAssertTrue(ourRules.contains(fragment), "labctl: \(fragment)")
        }
    }

    /// Every key path (`data.groups[].rules[].name`) in the JSON value, sorted.
    private func keys(_ value: Any, prefix: String = "", skipping: Set<String>) -> [String] {
        if let dictionary = value as? [String: Any] {
            return dictionary.flatMap { key, inner -> [String] in
                guard !skipping.contains(key) else { return [] }
                // Label maps hold data, not schema.
                if ["labels", "discoveredLabels", "annotations"].contains(key) { return [prefix + "." + key] }
                return [prefix + "." + key] + keys(inner, prefix: prefix + "." + key, skipping: skipping)
            }.reduce(into: Set<String>()) { $0.insert($1) }.sorted()
        }
        if let list = value as? [Any] {
            return Set(list.flatMap { keys($0, prefix: prefix + "[]", skipping: skipping) }).sorted()
        }
        return []
    }
}
