import Foundation
@testable import Runtime
import XCTest

/// Thresholds, the latency histogram, the VU schedule and the target policy of `labctl load`.
final class LoadModelTests: XCTestCase {
    func testThresholdsParseAsK6WritesThem() throws {
        let p95 = try LoadThreshold.parse("http_req_duration:p(95)<500")
        XCTAssertEqual(p95.metric, .httpReqDuration)
        XCTAssertEqual(p95.aggregation, .percentile(95))
        XCTAssertEqual(p95.comparison, .less)
        XCTAssertEqual(p95.value, 500)
        XCTAssertEqual(p95.aggregationText, "p(95)")
        let errors = try LoadThreshold.parse("errors: rate <= 0.1")
        XCTAssertEqual(errors.comparison, .lessOrEqual)
        XCTAssertEqual(errors.aggregation, .rate)
        XCTAssertEqual(try LoadThreshold.parse("http_reqs:count>=100").comparison, .greaterOrEqual)
        XCTAssertEqual(try LoadThreshold.parse("http_req_duration:p(99.9)!=3").aggregation, .percentile(99.9))
    }

    func testBadThresholdsSayWhereAndWhy() {
        func failure(_ text: String) -> LoadThreshold.ParseError? {
            do { _ = try LoadThreshold.parse(text); return nil } catch { return error as? LoadThreshold.ParseError }
        }
        XCTAssertEqual(failure("p(95)<500")?.column, 1)
        XCTAssert(failure("http_req_time:p(95)<500")?.message.contains("unknown threshold metric") == true)
        XCTAssertEqual(failure("errors:rate<x")?.column, 13)
        XCTAssertEqual(failure("errors:p(95)<0.1")?.column, 8)
        XCTAssert(failure("errors:p(95)<0.1")?.message.contains("rate") == true)
        XCTAssertNotNil(failure("http_req_duration:p(101)<5"))
        XCTAssertNotNil(failure("http_req_duration:avg"))
    }

    func testThresholdsEvaluateOnASummary() throws {
        var summary = LoadSummary()
        for ms in 1...100 { summary.latency.record(UInt64(ms * 1000)) }
        summary.requests = 100
        summary.failed = 20
        summary.seconds = 10
        summary.evaluate([try .parse("http_req_duration:p(95)<500"), try .parse("errors:rate<0.1"),
                          try .parse("http_reqs:rate>=10"), try .parse("http_req_duration:avg<50")])
        XCTAssertEqual(summary.thresholds.map(\.passed), [true, false, true, false])
        XCTAssertEqual(summary.thresholds[0].observed, 95, accuracy: 1)
        XCTAssertEqual(summary.thresholds[1].observed, 0.2, accuracy: 1e-9)
        XCTAssertFalse(summary.thresholdsPassed)
        let text = summary.text()
        XCTAssert(text.contains("✗ errors"), text)
        XCTAssert(text.contains("✓ http_req_duration") == false, "one of two duration thresholds failed: \(text)")
        XCTAssert(text.contains("2 of 4 thresholds failed"), text)
        XCTAssert(summary.json().hasPrefix(#"{"requests":100,"#))
    }

    func testHistogramPercentilesAreWithinOnePercentInBoundedMemory() {
        var histogram = LatencyHistogram()
        var values: [UInt64] = []
        let random = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            let v = UInt64(50 + random.unit() * random.unit() * 2_000_000)
            values.append(v)
            histogram.record(v)
        }
        values.sort()
        for p in [50.0, 90, 95, 99, 99.9] {
            let exact = Double(values[max(0, Int((p / 100 * Double(values.count)).rounded(.up)) - 1)])
            XCTAssertEqual(histogram.percentile(p), exact, accuracy: exact * 0.01, "p\(p)")
        }
        XCTAssertEqual(histogram.min, values.first)
        XCTAssertEqual(histogram.max, values.last)
        XCTAssertEqual(histogram.percentile(100), Double(values.last ?? 0))
        var merged = LatencyHistogram()
        merged.merge(histogram)
        merged.merge(histogram)
        XCTAssertEqual(merged.count, 40_000)
        XCTAssertEqual(merged.percentile(50), histogram.percentile(50))
        // Out-of-range values are clamped, not stored.
        histogram.record(.max)
        XCTAssertEqual(histogram.max, LatencyHistogram.maxValue)
        for value: UInt64 in [0, 1, 255, 256, 257, 511, 512, 1 << 20, LatencyHistogram.maxValue] {
            let range = LatencyHistogram.range(of: LatencyHistogram.index(of: value))
            XCTAssert(range.low <= value && value <= range.high, "\(value) in \(range)")
        }
        _ = random
    }

    func testScheduleRampsHoldsAndRampsDownLinearly() {
        let schedule = VUSchedule(startVUs: 0, stages: [.init(duration: 10, target: 20), .init(duration: 10, target: 20),
                                                        .init(duration: 5, target: 0)])
        XCTAssertEqual(schedule.duration, 25)
        XCTAssertEqual(schedule.target(at: 0), 0)
        XCTAssertEqual(schedule.target(at: 5), 10)
        XCTAssertEqual(schedule.target(at: 9.99), 19)
        XCTAssertEqual(schedule.target(at: 10), 20)
        XCTAssertEqual(schedule.target(at: 15), 20)
        XCTAssertEqual(schedule.target(at: 22.5), 10)
        XCTAssertEqual(schedule.target(at: 25), 0)
        XCTAssertEqual(schedule.target(at: 99), 0)
        let flat = VUSchedule(startVUs: 7, stages: [.init(duration: 30, target: 7)])
        XCTAssertEqual((0..<30).map { flat.target(at: Double($0)) }, Array(repeating: 7, count: 30))
    }

    func testOnlyLoopbackAndTheScenariosHostsAreTargets() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "api.localhost"] {
            XCTAssertTrue(LoadTargetPolicy.isLoopback(host), host)
        }
        for host in ["128.0.0.1", "10.0.0.1", "example.com", "127.0.0.1.example.com", "1270.0.0.1", "0.0.0.0", "api"] {
            XCTAssertFalse(LoadTargetPolicy.isLoopback(host), host)
        }
        XCTAssertTrue(LoadTargetPolicy.isAllowed(host: "api", extra: ["API"]))
        var scenario = LoadScenario(targets: [.init(url: "http://example.com/")],
                                    executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 1, target: 1)]))
        XCTAssertThrowsError(try LoadRunner(scenario: scenario)) { error in
            XCTAssert("\(error)".contains("not a loopback address"), "\(error)")
        }
        scenario.allowedHosts = ["example.com"]
        XCTAssertTrue(scenario.problems().isEmpty, "\(scenario.problems())")
        scenario.targets = [.init(url: "https://127.0.0.1/")]
        XCTAssertFalse(scenario.problems().isEmpty)
    }

    func testScenarioBoundsAreChecked() {
        let target = LoadScenario.Target(url: "http://127.0.0.1:1/")
        XCTAssertFalse(LoadScenario(targets: [target], executor: .rampingVUs(startVUs: 5000, stages: [.init(duration: 1, target: 1)])).problems().isEmpty)
        XCTAssertFalse(LoadScenario(targets: [target], executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 90_000, target: 1)])).problems().isEmpty)
        XCTAssertFalse(LoadScenario(targets: [target], executor: .constantArrivalRate(rate: 0, timeUnit: 1, duration: 1, preAllocatedVUs: 1, maxVUs: 1)).problems().isEmpty)
        XCTAssertFalse(LoadScenario(targets: [], executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 1, target: 1)])).problems().isEmpty)
        var scenario = LoadScenario(targets: [target], executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 1, target: 1)]))
        scenario.maxRequests = 0
        XCTAssertFalse(scenario.problems().isEmpty)
    }
}

/// `{rand:LOW-HIGH}` in target URLs.
final class LoadURLTemplateTests: XCTestCase {
    func testPlaceholdersAreDrawnWithinTheirRange() throws {
        let template = try LoadURLTemplate("http://127.0.0.1:8000/do_work?delay_ms={rand:50-250}&k={rand:1-1}")
        XCTAssertTrue(template.isTemplate)
        XCTAssertEqual(template.lowest, "http://127.0.0.1:8000/do_work?delay_ms=50&k=1")
        XCTAssertEqual(template.render { 0.999999 }, "http://127.0.0.1:8000/do_work?delay_ms=250&k=1")
        XCTAssertFalse(try LoadURLTemplate("http://127.0.0.1/").isTemplate)
        for bad in ["http://127.0.0.1/{rand:5-1}", "http://127.0.0.1/{rand:1-", "http://127.0.0.1/{rand:x-2}", "http://127.0.0.1/{rand:-3-2}"] {
            XCTAssertThrowsError(try LoadURLTemplate(bad), bad)
        }
        let scenario = LoadScenario(targets: [.init(url: "http://127.0.0.{rand:1-9}/")],
                                    executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 1, target: 1)]))
        XCTAssert(scenario.problems().contains { $0.contains("path or query") }, "\(scenario.problems())")
    }

    func testEachRequestDrawsItsOwnValue() throws {
        let seen = LoadTestValues()
        let server = try LoadTestServer { request in
            if let value = request.formValue("delay_ms").flatMap(Int.init) { seen.add(value) }
            return .plain(200, "ok")
        }
        defer { server.stop() }
        var scenario = LoadScenario(targets: [.init(url: server.baseURL + "/do_work?delay_ms={rand:50-250}")],
                                    executor: .rampingVUs(startVUs: 2, stages: [.init(duration: 0.5, target: 2)]))
        scenario.seed = 3
        let summary = try LoadRunner(scenario: scenario).run()
        let values = seen.values
        XCTAssertEqual(values.count, summary.requests)
        XCTAssert(values.allSatisfy { (50...250).contains($0) })
        XCTAssertGreaterThan(Set(values).count, 50, "many different delays")
        XCTAssertEqual(summary.perTarget.keys.sorted(), [server.baseURL + "/do_work?delay_ms={rand:50-250}"])
    }
}

/// Values recorded by a test handler.
final class LoadTestValues: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []
    func add(_ value: Int) { lock.withLock { recorded.append(value) } }
    var values: [Int] { lock.withLock { recorded } }
}
