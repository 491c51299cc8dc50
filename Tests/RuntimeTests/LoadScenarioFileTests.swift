import Diagnostics
import Foundation
@testable import Runtime
import XCTest

/// Scenario files of `labctl load`: what they give, and every bad one reported at file:line:col.
final class LoadScenarioFileTests: XCTestCase {
    func testAFullScenarioFile() throws {
        let text = """
        targets:
          - {url: "http://127.0.0.1:8000/do_work?delay_ms=100", weight: 3}
          - url: http://api:8000/health
            method: get
            headers: {X-Lab: "5"}
        hosts: [api]
        stages:
          - {duration: 30s, target: 20}
          - {duration: 1m, target: 20}
          - {duration: 30s, target: 0}
        think_time: {min: 500ms, max: 1s}
        timeout: 2s
        max_requests: 5000
        seed: 9
        thresholds:
          http_req_duration: ["p(95)<500"]
          errors: ["rate<0.1"]
        """
        let (scenario, diagnostics) = LoadScenario.parse(text, file: "lab5.yml")
        XCTAssertEqual(diagnostics, [])
        let s = try XCTUnwrap(scenario)
        XCTAssertEqual(s.targets.map(\.weight), [3, 1])
        XCTAssertEqual(s.targets[1].method, "GET")
        XCTAssertEqual(s.targets[1].headers, ["X-Lab": "5"])
        XCTAssertEqual(s.executor, .rampingVUs(startVUs: 0, stages: [.init(duration: 30, target: 20), .init(duration: 60, target: 20),
                                                                       .init(duration: 30, target: 0)]))
        XCTAssertEqual(s.duration, 120)
        XCTAssertEqual(s.thinkTime, 0.5...1)
        XCTAssertEqual(s.timeout, 2)
        XCTAssertEqual(s.maxRequests, 5000)
        XCTAssertEqual(s.seed, 9)
        XCTAssertEqual(s.thresholds.map(\.text), ["http_req_duration:p(95)<500", "errors:rate<0.1"])
    }

    func testShortFormsAndArrivalRate() throws {
        let flat = try XCTUnwrap(LoadScenario.parse("url: http://localhost:8000/\nvus: 10\nduration: 30s\nthink_time: 1s\n", file: "f").scenario)
        XCTAssertEqual(flat.executor, .rampingVUs(startVUs: 10, stages: [.init(duration: 30, target: 10)]))
        XCTAssertEqual(flat.thinkTime, 1...1)
        let rate = try XCTUnwrap(LoadScenario.parse("""
        url: http://127.0.0.1:8000/
        arrival_rate: {rate: 100, time_unit: 1s, duration: 1m, pre_allocated_vus: 50, max_vus: 100}
        thresholds: ["http_req_failed:rate<0.01"]
        """, file: "f").scenario)
        XCTAssertEqual(rate.executor, .constantArrivalRate(rate: 100, timeUnit: 1, duration: 60, preAllocatedVUs: 50, maxVUs: 100))
        XCTAssertEqual(rate.thresholds.first?.metric, .httpReqFailed)
    }

    private func firstError(_ text: String) -> Diagnostic? {
        let (scenario, diagnostics) = LoadScenario.parse(text, file: "bad.yml")
        XCTAssertNil(scenario, text)
        return diagnostics.first { $0.severity == .error }
    }

    private func position(_ d: Diagnostic?) -> String {
        guard let location = d?.location else { return "none" }
        return "\(location.file):\(location.line):\(location.column)"
    }

    func testBadFilesAreReportedAtLineAndColumn() {
        let unknown = firstError("url: http://127.0.0.1/\nduration: 1s\nvu: 3\n")
        XCTAssertEqual(position(unknown), "bad.yml:3:1")
        XCTAssert(unknown?.message.contains("did you mean") == true, unknown?.message ?? "")

        let duration = firstError("url: http://127.0.0.1/\nstages:\n  - {duration: 3 parsecs, target: 1}\n")
        XCTAssertEqual(position(duration), "bad.yml:3:16")
        XCTAssertEqual(duration?.code, "load/duration")

        let threshold = firstError("url: http://127.0.0.1/\nduration: 1s\nthresholds:\n  errors: [\"rate<x\"]\n")
        XCTAssertEqual(position(threshold), "bad.yml:4:18")
        XCTAssertEqual(threshold?.code, "load/threshold")

        let refused = firstError("targets:\n  - http://127.0.0.1/\n  - url: http://example.com/\nduration: 1s\n")
        XCTAssertEqual(position(refused), "bad.yml:3:5")
        XCTAssert(refused?.message.contains("not a loopback address") == true)

        let vus = firstError("url: http://127.0.0.1/\nvus: 100000\nduration: 1s\n")
        XCTAssertEqual(position(vus), "bad.yml:2:6")

        let both = firstError("url: http://127.0.0.1/\nvus: 1\nduration: 1s\nstages: [{duration: 1s, target: 1}]\n")
        XCTAssertEqual(both?.code, "load/executor")

        let syntax = firstError("url: [http://127.0.0.1/\n")
        XCTAssertEqual(syntax?.location?.file, "bad.yml")

        XCTAssertEqual(firstError("duration: 1s\n")?.code, "load/no-target")
        XCTAssertEqual(firstError("url: http://127.0.0.1/\n")?.code, "load/duration")
        XCTAssertNotNil(firstError("- 1\n- 2\n"))
        XCTAssertNotNil(firstError(""))
    }
}
