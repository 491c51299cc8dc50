import Foundation
@testable import Runtime
import XCTest

/// `labctl load`'s runner against a keep-alive server on 127.0.0.1 (short runs, bounded).
final class LoadRunnerTests: XCTestCase {
    private func scenario(_ urls: [(String, Int)], vus: Int = 2, seconds: Double = 0.6) -> LoadScenario {
        LoadScenario(targets: urls.map { LoadScenario.Target(url: $0.0, weight: $0.1) },
                     executor: .rampingVUs(startVUs: vus, stages: [.init(duration: seconds, target: vus)]))
    }

    func testCountsEveryRequestTheServerAnsweredOverKeptAliveConnections() throws {
        let server = try LoadTestServer { _ in .plain(200, "ok") }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/", 1)], vus: 3)
        s.thresholds = [try .parse("http_req_duration:p(95)<500"), try .parse("errors:rate<0.1")]
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertGreaterThan(summary.requests, 10)
        XCTAssertEqual(summary.requests, server.counts.requests)
        XCTAssertEqual(summary.statuses[200], summary.requests)
        XCTAssertEqual(summary.failed, 0)
        XCTAssertLessThanOrEqual(summary.connections, 3, "one connection per VU")
        XCTAssertEqual(server.counts.connections, summary.connections)
        XCTAssertTrue(summary.thresholdsPassed)
        XCTAssertGreaterThan(summary.bytesSent, summary.requests * 40)
        XCTAssertGreaterThan(summary.bytesReceived, summary.requests * 40)
        XCTAssertEqual(summary.maxVUs, 3)
    }

    func testErrorRateThresholdFails() throws {
        let counter = LoadTestCounter()
        let server = try LoadTestServer { _ in counter.next() % 2 == 0 ? .plain(500, "no") : .plain(200, "ok") }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/", 1)])
        s.thresholds = [try .parse("errors:rate<0.1"), try .parse("http_req_duration:p(95)<500")]
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertEqual(summary.errorRate, 0.5, accuracy: 0.05)
        XCTAssertEqual(summary.thresholds.map(\.passed), [false, true])
        XCTAssertFalse(summary.thresholdsPassed)
    }

    func testWeightsSplitTheRequests() throws {
        let server = try LoadTestServer { _ in .plain(200, "ok") }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/a", 3), (server.baseURL + "/b", 1)], vus: 2, seconds: 0.8)
        s.seed = 11
        let summary = try LoadRunner(scenario: s).run()
        let a = summary.perTarget[server.baseURL + "/a"] ?? 0
        let b = summary.perTarget[server.baseURL + "/b"] ?? 0
        XCTAssertEqual(a + b, summary.requests)
        XCTAssertGreaterThan(summary.requests, 100)
        XCTAssertEqual(Double(a) / Double(a + b), 0.75, accuracy: 0.07)
    }

    func testSlowAnswersTimeOutAndCountAsFailures() throws {
        let server = try LoadTestServer { request in
            if request.path == "/slow" { Thread.sleep(forTimeInterval: 0.4) }
            return .plain(200, "ok")
        }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/slow", 1)], vus: 2, seconds: 0.5)
        s.timeout = 0.1
        s.thresholds = [try .parse("http_req_duration:max<150")]
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertGreaterThan(summary.timeouts, 0)
        XCTAssertEqual(summary.timeouts, summary.requests)
        XCTAssertEqual(summary.statuses[0], summary.requests)
        XCTAssertEqual(summary.errorRate, 1)
        XCTAssertTrue(summary.thresholdsPassed, "timed-out requests last about the timeout: \(Double(summary.latency.max) / 1000) ms")
        XCTAssert(summary.transportErrors.first?.contains("deadline") == true, "\(summary.transportErrors)")
    }

    func testStagesRampUpHoldAndDown() throws {
        let server = try LoadTestServer { _ in
            Thread.sleep(forTimeInterval: 0.005)
            return .plain(200, "ok")
        }
        defer { server.stop() }
        let s = LoadScenario(targets: [.init(url: server.baseURL + "/")],
                             executor: .rampingVUs(startVUs: 0, stages: [.init(duration: 0.8, target: 4), .init(duration: 0.6, target: 4),
                                                                         .init(duration: 0.8, target: 0)]))
        let summary = try LoadRunner(scenario: s).run()
        let timeline = summary.timeline
        XCTAssertEqual(summary.maxVUs, 4)
        let peak = timeline.firstIndex { $0.vus == 4 } ?? timeline.count
        let rampUp = timeline[..<peak].map(\.vus)
        XCTAssertEqual(rampUp, rampUp.sorted(), "VUs only grow while ramping up: \(timeline)")
        XCTAssert(rampUp.contains(2), "an intermediate count while ramping up: \(timeline)")
        let hold = timeline.filter { $0.time > 0.85 && $0.time < 1.35 }
        XCTAssert(hold.allSatisfy { $0.vus == 4 }, "4 VUs while holding: \(hold)")
        let down = timeline.filter { $0.time >= 1.45 }.map(\.vus)
        XCTAssertEqual(down, down.sorted(by: >), "VUs only shrink while ramping down: \(timeline)")
        XCTAssertEqual(timeline.last?.vus, 0)
        XCTAssertEqual(summary.requests, server.counts.requests, "\(summary.statuses) \(summary.transportErrors)")
    }

    func testMaxRequestsStopsTheRunAtExactlyThatCount() throws {
        let server = try LoadTestServer { _ in .plain(200, "ok") }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/", 1)], vus: 4, seconds: 30)
        s.maxRequests = 57
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertEqual(summary.requests, 57)
        XCTAssertEqual(server.counts.requests, 57)
        XCTAssertLessThan(summary.seconds, 20)
        XCTAssertEqual(summary.stoppedEarly, "max requests (57) reached")
    }

    func testConstantArrivalRateStartsIterationsAtTheRate() throws {
        let server = try LoadTestServer { _ in .plain(200, "ok") }
        defer { server.stop() }
        let s = LoadScenario(targets: [.init(url: server.baseURL + "/")],
                             executor: .constantArrivalRate(rate: 40, timeUnit: 1, duration: 1.5, preAllocatedVUs: 2, maxVUs: 4))
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertEqual(Double(summary.requests), 60, accuracy: 6)
        XCTAssertEqual(summary.droppedIterations, 0)
        XCTAssertLessThanOrEqual(summary.maxVUs, 4)
    }

    func testArrivalRateDropsIterationsWhenNoVUIsFree() throws {
        let server = try LoadTestServer { _ in
            Thread.sleep(forTimeInterval: 0.3)
            return .plain(200, "ok")
        }
        defer { server.stop() }
        let s = LoadScenario(targets: [.init(url: server.baseURL + "/")],
                             executor: .constantArrivalRate(rate: 50, timeUnit: 1, duration: 0.6, preAllocatedVUs: 1, maxVUs: 2))
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertGreaterThan(summary.droppedIterations, 10)
        XCTAssertEqual(summary.maxVUs, 2)
        XCTAssertLessThanOrEqual(summary.requests, 6)
    }

    func testThinkTimePacesTheVirtualUsers() throws {
        let server = try LoadTestServer { _ in .plain(200, "ok") }
        defer { server.stop() }
        var s = scenario([(server.baseURL + "/", 1)], vus: 2, seconds: 1)
        s.thinkTime = 0.2...0.2
        let summary = try LoadRunner(scenario: s).run()
        XCTAssert((6...12).contains(summary.requests), "2 VUs × about 5 iterations: \(summary.requests)")
    }

    func testRequestCountEqualsTheDemoAppsCounterIncrease() throws {
        let app = DemoApp(configuration: DemoAppConfiguration(seed: 1))
        let server = try LoadTestServer(handler: app)
        defer { server.stop() }
        func total() throws -> Double {
            try app.scrape().filter { $0.name == "http_requests_total" }.flatMap(\.samples).reduce(0) { $0 + $1.value }
        }
        let before = try total()
        var s = scenario([(server.baseURL + "/do_work?delay_ms=2&fail_rate=0.2", 3), (server.baseURL + "/health", 1)], vus: 3, seconds: 0.8)
        s.thresholds = [try .parse("errors:rate<0.1")]
        let summary = try LoadRunner(scenario: s).run()
        XCTAssertEqual(try total() - before, Double(summary.requests))
        let failures = try app.scrape().value("http_requests_total", ["method": "GET", "endpoint": "/do_work", "status": "500"]) ?? 0
        XCTAssertEqual(Double(summary.failed), failures)
        XCTAssertEqual(summary.thresholds.first?.passed, false, "20 % of 3/4 of the requests fail")
    }
}

/// A thread-safe counter for test handlers.
final class LoadTestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
