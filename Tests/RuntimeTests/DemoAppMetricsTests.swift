import Exposition
import Foundation
import PromModel
@testable import Runtime
import XCTest

/// `/metrics` of the demo app: the seed's families, types, label names and buckets, as the Python
/// client renders them, parsed back with the exposition parser.
final class DemoAppMetricsTests: XCTestCase {
    private func labelNames(_ family: MetricFamily?) -> Set<String> {
        Set(family?.samples.flatMap { $0.labels.map(\.name) } ?? [])
    }

    private func bounds(_ family: MetricFamily?) -> [String] {
        var seen: [String] = []
        for sample in family?.samples ?? [] where sample.name.hasSuffix("_bucket") {
            if let le = sample.labels.first(where: { $0.name == "le" })?.value, !seen.contains(le) { seen.append(le) }
        }
        return seen
    }

    func testLabFamiliesHaveTheSeedsTypesLabelsAndBuckets() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        _ = app.get("/do_work?delay_ms=1&fail_rate=1")
        _ = app.get("/do_work?delay_ms=1")
        let response = app.get("/metrics")
        XCTAssertEqual(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8")
        let families = try app.scrape()
        let expected: [(String, MetricType)] = [
            ("http_requests_total", .counter), ("http_request_duration_seconds", .histogram),
            ("http_requests_active", .gauge), ("work_duration_seconds", .histogram), ("errors_total", .counter),
            ("cache_hits_total", .counter), ("cache_misses_total", .counter),
        ]
        for (name, type) in expected { XCTAssertEqual(families.family(name)?.type, type, name) }
        XCTAssertEqual(labelNames(families.family("http_requests_total")), ["method", "endpoint", "status"])
        XCTAssertEqual(labelNames(families.family("http_request_duration_seconds")), ["method", "endpoint", "le"])
        XCTAssertEqual(labelNames(families.family("errors_total")), ["type"])
        XCTAssertEqual(bounds(families.family("http_request_duration_seconds")),
                       ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf"])
        XCTAssertEqual(bounds(families.family("work_duration_seconds")),
                       ["0.01", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"])
        // The Python client's _created gauges, one per counter/histogram child.
        XCTAssertEqual(families.family("http_requests_created")?.type, .gauge)
        XCTAssertEqual(families.family("http_requests_created")?.samples.count, 2)
        XCTAssertEqual(families.family("work_duration_seconds_created")?.samples.count, 1)
        XCTAssertNil(families.family("http_requests_active_created"))
    }

    func testProcessMetricsComeFromProcSelf() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/stat") else { throw XCTSkip("no /proc") }
        let families = try DemoApp().scrape()
        for name in ["process_virtual_memory_bytes", "process_resident_memory_bytes", "process_start_time_seconds",
                     "process_open_fds", "process_max_fds"] {
            XCTAssertEqual(families.family(name)?.type, .gauge, name)
            XCTAssertGreaterThan(families.value(name) ?? 0, 0, name)
        }
        XCTAssertEqual(families.family("process_cpu_seconds_total")?.type, .counter)
        let start = families.value("process_start_time_seconds") ?? 0
        XCTAssertLessThan(abs(start - Date().timeIntervalSince1970), 7 * 24 * 3600, "a start time near now")
    }

    func testPrefixGivesPractica26Names() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration(prefix: "tienda_ana"))
        _ = app.get("/health")
        _ = app.get("/chaos?error_rate=1")
        let families = try app.scrape()
        XCTAssertEqual(families.value("tienda_ana_requests_total", ["method": "GET", "endpoint": "/health", "status": "200"]), 1)
        XCTAssertEqual(bounds(families.family("tienda_ana_response_duration_seconds")),
                       ["0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"])
        XCTAssertEqual(families.family("tienda_ana_active_connections")?.type, .gauge)
        XCTAssertEqual(families.value("tienda_ana_api_errors_total", ["error_type": "chaos_error"]), 1)
        for name in ["tienda_ana_cpu_usage_percent", "tienda_ana_memory_usage_bytes", "tienda_ana_disk_usage_percent"] {
            XCTAssertEqual(families.family(name)?.type, .gauge, name)
        }
        XCTAssertEqual(families.value("tienda_ana_entities_created_total"), 0)
        XCTAssertNil(families.family("http_requests_total"))
        XCTAssertNil(families.family("errors_total"))
        XCTAssertEqual(families.family("work_duration_seconds")?.type, .histogram)
        XCTAssertTrue(DemoAppConfiguration.isValidPrefix("tienda_ana"))
        XCTAssertFalse(DemoAppConfiguration.isValidPrefix("9x"))
        XCTAssertFalse(DemoAppConfiguration.isValidPrefix("a-b"))
        XCTAssertFalse(DemoAppConfiguration.isValidPrefix(""))
    }

    func testRegistryBoundsChildrenAndFormatsBoundsLikePython() {
        let registry = MetricsRegistry(maxChildren: 3)
        let counter = registry.register("x_total", help: "x", kind: .counter, labelNames: ["k"])
        for i in 0..<10 { registry.add(counter, ["v\(i)"]) }
        registry.add(counter, ["v0"], 2)
        registry.add(counter, ["too", "many"])
        XCTAssertEqual(registry.value(counter, ["v0"]), 3)
        XCTAssertNil(registry.value(counter, ["v5"]))
        XCTAssertEqual(registry.droppedChildren, 7)
        XCTAssertEqual(registry.families().first?.samples.count, 3)
        XCTAssertEqual(MetricsRegistry.formatBound(1), "1.0")
        XCTAssertEqual(MetricsRegistry.formatBound(0.005), "0.005")
        XCTAssertEqual(MetricsRegistry.formatBound(.infinity), "+Inf")
    }

    func testConcurrentRequestsAreAllCounted() throws {
        let app = DemoApp(configuration: DemoAppConfiguration(seed: 3))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<50 { _ = app.get(worker % 2 == 0 ? "/health" : "/do_work?delay_ms=0") }
        }
        let families = try app.scrape()
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "/health", "status": "200"]), 200)
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "/do_work", "status": "200"]), 200)
        XCTAssertEqual(families.value("http_requests_active"), 0)
    }
}
