import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Fixtures (Fixtures/pipeline: the seed's Lab 7 files) and simulated FastAPI/node data for the
/// pipeline tests. Times in the tests are seconds after ``start`` (2024-01-01T00:00:00Z, a Monday).
enum AlertPipelineTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pipeline")
    static let start: Int64 = 1_704_067_200_000

    /// Milliseconds `seconds` after ``start``.
    static func at(_ seconds: Int64) -> Int64 { start + seconds * 1000 }

    /// Seconds after ``start`` of a date or a millisecond time.
    static func seconds(_ date: Date) -> Double { date.timeIntervalSince1970 - Double(start) / 1000 }
    static func seconds(_ ms: Int64) -> Int64 { (ms - start) / 1000 }

    static func ruleFile(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> RuleFile {
        let loaded = RuleFile.load(path: fixtures.appendingPathComponent(name).path)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return try XCTUnwrap(loaded.value, file: file, line: line)
    }

    static func alertmanager(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> AlertmanagerConfig {
        let (config, diagnostics) = AlertmanagerConfig.load(path: fixtures.appendingPathComponent(name).path).parts
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return try XCTUnwrap(config, file: file, line: line)
    }

    static func prometheus(file: StaticString = #filePath, line: UInt = #line) throws -> PrometheusConfig {
        let loaded = PrometheusConfig.load(path: fixtures.appendingPathComponent("prometheus.yml").path)
        XCTAssertEqual(loaded.diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        return try XCTUnwrap(loaded.value, file: file, line: line)
    }

    /// The Lab 7 stack: prometheus.yml's global and alerting settings, the given rule files and
    /// Alertmanager config, starting at ``start``.
    static func pipeline(rules: [String] = ["alert_rules.yml", "recording_rules.yml"],
                         alertmanager name: String = "alertmanager.yml", notifier: Notifier) throws -> AlertPipeline {
        let options = AlertPipelineOptions(prometheus: try prometheus(), ruleFiles: try rules.map { try ruleFile($0) },
                                           alertmanager: try alertmanager(name), start: start)
        return try AlertPipeline(options: options, notifier: notifier)
    }

    // MARK: - Simulated data (every 15s, like the lab's scrape interval)

    /// `up` of the FastAPI target: 0 when `down(seconds)`.
    static func fastapiUp(down: @escaping @Sendable (Int64) -> Bool) -> SampleSource {
        SampleSource(name: "fastapi-up", interval: 15_000) { t in
            [(["__name__": "up", "job": "fastapi", "instance": "api:8000"], down(seconds(t)) ? 0 : 1)]
        }
    }

    /// `http_requests_total` at 1 request/s, `errorPercent` of them answered with 500.
    static func fastapiRequests(errorPercent: Int64) -> SampleSource {
        SampleSource(name: "fastapi-requests", interval: 15_000) { t in
            let n = Double(seconds(t) / 15)
            let base: Labels = ["__name__": "http_requests_total", "job": "fastapi", "instance": "api:8000",
                                "endpoint": "/do_work"]
            return [(base.setting("status", to: "200"), n * Double(15 * (100 - errorPercent)) / 100),
                    (base.setting("status", to: "500"), n * Double(15 * errorPercent) / 100)]
        }
    }

    /// Request-duration buckets where every request takes between 1s and 2.5s (p95 = 2.425s).
    static func fastapiSlowRequests() -> SampleSource {
        SampleSource(name: "fastapi-latency", interval: 15_000) { t in
            let n = Double(seconds(t) / 15) * 10
            func bucket(_ le: String) -> Labels {
                ["__name__": "http_request_duration_seconds_bucket", "job": "fastapi", "instance": "api:8000", "le": le]
            }
            return [(bucket("0.5"), 0), (bucket("1"), 0), (bucket("2.5"), n), (bucket("+Inf"), n)]
        }
    }

    /// `node_cpu_seconds_total{mode="idle"}` of one CPU per instance, busy `busyPercent(instance, seconds)`.
    static func nodeCPU(_ instances: [String], busyPercent: @escaping @Sendable (String, Int64) -> Double) -> SampleSource {
        final class Counters: @unchecked Sendable {
            var idle: [String: Double] = [:]
        }
        let counters = Counters()
        return SampleSource(name: "node-cpu", interval: 15_000) { t in
            instances.map { instance in
                let busy = busyPercent(instance, seconds(t))
                let value = (counters.idle[instance] ?? 0) + 15 * (100 - busy) / 100
                counters.idle[instance] = value
                return (["__name__": "node_cpu_seconds_total", "job": "node_exporter", "instance": instance,
                         "cpu": "0", "mode": "idle"], value)
            }
        }
    }

    /// A fresh temporary directory, removed by the test case's teardown.
    static func temporaryDirectory(_ test: XCTestCase) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-pipeline-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
