import Foundation
import PromModel
@testable import Runtime
import XCTest

/// The demo app's endpoints and metrics, called through `handle(_:)` with a manual clock.
final class DemoAppTests: XCTestCase {
    func testRootAndHealthAnswerTheSeedsJSONAndAreCounted() throws {
        let clock = DemoAppTestTime()
        let app = DemoApp(configuration: clock.configuration())
        XCTAssertEqual(bodyText(app.get("/")), #"{"message":"BigData Lab API","version":"1.0"}"#)
        XCTAssertEqual(bodyText(app.get("/health")), #"{"status":"healthy"}"#)
        XCTAssertEqual(app.get("/health").header("Content-Type"), "application/json")
        let families = try app.scrape()
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "/health", "status": "200"]), 2)
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "/", "status": "200"]), 1)
        XCTAssertEqual(families.value("http_request_duration_seconds_count", ["method": "GET", "endpoint": "/health"]), 2)
        XCTAssertEqual(families.value("http_requests_active"), 0)
    }

    func testDoWorkSleepsTheDelayAndObservesWorkDuration() throws {
        let clock = DemoAppTestTime()
        let app = DemoApp(configuration: clock.configuration())
        let response = app.get("/do_work?delay_ms=250")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(bodyText(response), #"{"status":"completed","delay_ms":250,"actual_duration_ms":250.0}"#)
        XCTAssertEqual(clock.slept, [0.25])
        let families = try app.scrape()
        XCTAssertEqual(families.value("work_duration_seconds_bucket", ["le": "0.1"]), 0)
        XCTAssertEqual(families.value("work_duration_seconds_bucket", ["le": "0.25"]), 1)
        XCTAssertEqual(families.value("work_duration_seconds_count"), 1)
        XCTAssertEqual(families.value("work_duration_seconds_sum"), 0.25)
        // The request itself took 0.25 s on the manual clock: le="0.25" holds it, le="0.1" does not.
        XCTAssertEqual(families.value("http_request_duration_seconds_bucket", ["method": "GET", "endpoint": "/do_work", "le": "0.25"]), 1)
        XCTAssertEqual(families.value("http_request_duration_seconds_bucket", ["method": "GET", "endpoint": "/do_work", "le": "0.1"]), 0)
        // The default delay is 100 ms; a negative one does not sleep (as asyncio.sleep).
        _ = app.get("/do_work")
        _ = app.get("/do_work?delay_ms=-5")
        XCTAssertEqual(clock.slept, [0.25, 0.1, 0])
    }

    func testDoWorkFailsWithTheFailRate() throws {
        let clock = DemoAppTestTime()
        let app = DemoApp(configuration: clock.configuration())
        let failed = app.get("/do_work?fail_rate=1")
        XCTAssertEqual(failed.status, 500)
        XCTAssertEqual(bodyText(failed), #"{"detail":"Simulated error"}"#)
        var statuses: [Int: Int] = [:]
        for _ in 0..<400 { statuses[app.get("/do_work?delay_ms=0&fail_rate=0.25").status, default: 0] += 1 }
        XCTAssertEqual(statuses.values.reduce(0, +), 400)
        XCTAssert((60...140).contains(statuses[500] ?? 0), "about a quarter fail: \(statuses)")
        let families = try app.scrape()
        XCTAssertEqual(families.value("errors_total", ["type": "simulated_error"]), Double(1 + (statuses[500] ?? 0)))
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "/do_work", "status": "500"]),
                       Double(1 + (statuses[500] ?? 0)))
        XCTAssertEqual(families.value("work_duration_seconds_count"), Double(statuses[200] ?? 0))
    }

    func testBadParametersAre422WithFastAPIsValidationBody() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        let notInt = app.get("/do_work?delay_ms=abc&fail_rate=x")
        XCTAssertEqual(notInt.status, 422)
        let body = bodyText(notInt)
        XCTAssert(body.hasPrefix(#"{"detail":[{"type":"int_parsing","loc":["query","delay_ms"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}"#), body)
        XCTAssert(body.contains(#"{"type":"float_parsing","loc":["query","fail_rate"]"#), body)
        let tooSlow = app.get("/do_work?delay_ms=99999999")
        XCTAssertEqual(tooSlow.status, 422)
        XCTAssert(bodyText(tooSlow).contains(#""type":"less_than_equal""#))
        XCTAssertEqual(app.get("/cpu_intensive?iterations=1e99").status, 422)
        XCTAssertEqual(app.get("/cpu_intensive?iterations=999999999999999999999999").status, 422)
        let missing = app.get("/cached_work")
        XCTAssertEqual(missing.status, 422)
        XCTAssertEqual(bodyText(missing), #"{"detail":[{"type":"missing","loc":["query","key"],"msg":"Field required","input":null}]}"#)
        XCTAssertEqual(app.get("/cached_work?key=" + String(repeating: "k", count: 2000)).status, 422)
        XCTAssertEqual(app.get("/chaos?error_rate=2").status, 422)
        // pydantic reads "7.0" as an integer; the 422s are counted like any answer.
        XCTAssertEqual(app.get("/do_work?delay_ms=7.0").status, 200)
        XCTAssertEqual(try app.scrape().value("http_requests_total", ["method": "GET", "endpoint": "/do_work", "status": "422"]), 2)
    }

    func testCPUIntensiveReturnsTheExactSumOfSquares() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        XCTAssert(bodyText(app.get("/cpu_intensive?iterations=10")).hasPrefix(#"{"result":285,"#))
        XCTAssert(bodyText(app.get("/cpu_intensive?iterations=0")).hasPrefix(#"{"result":0,"#))
        XCTAssert(bodyText(app.get("/cpu_intensive?iterations=-3")).hasPrefix(#"{"result":0,"#))
        // Beyond 64 bits: (n-1)·n·(2n-1)/6 for n = 5 000 000.
        XCTAssertEqual(DemoApp.sumOfSquares(5_000_000), "41666654166667500000")
        XCTAssertEqual(DemoApp.decimal(high: 1, low: 0), "18446744073709551616")
        XCTAssertEqual(try app.scrape().value("work_duration_seconds_count"), 3)
    }

    func testCachedWorkHitsWithinTheTTLAndMissesAfterIt() throws {
        let clock = DemoAppTestTime()
        let app = DemoApp(configuration: clock.configuration())
        XCTAssertEqual(bodyText(app.get("/cached_work?key=test1&delay_ms=1000")),
                       #"{"status":"computed","result":{"key":"test1","computed":true,"delay_ms":1000}}"#)
        XCTAssertEqual(bodyText(app.get("/cached_work?key=test1&delay_ms=1000")),
                       #"{"status":"cached","result":{"key":"test1","computed":true,"delay_ms":1000}}"#)
        XCTAssertEqual(clock.slept, [1.0])
        clock.advance(61)
        XCTAssert(bodyText(app.get("/cached_work?key=test1")).hasPrefix(#"{"status":"computed""#))
        _ = app.get("/cached_work?key=other&delay_ms=0")
        let families = try app.scrape()
        XCTAssertEqual(families.value("cache_hits_total"), 1)
        XCTAssertEqual(families.value("cache_misses_total"), 3)
        XCTAssertEqual(families.family("cache_hits_total")?.type, .counter)
    }

    func testCacheIsBounded() {
        let clock = DemoAppTestTime()
        let cache = TTLCache<Int>(ttl: 60, capacity: 3, clock: clock.clock)
        for i in 0..<10 { cache.set("k\(i)", i) }
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(cache.get("k9"), 9)
        XCTAssertNil(cache.get("k0"))
    }

    func testChaosIsReproducibleWithASeedAndCoversEveryMode() throws {
        func run(seed: UInt64) -> [String] {
            let clock = DemoAppTestTime()
            var configuration = clock.configuration(seed: seed)
            configuration.chaosIterations = 1000
            let app = DemoApp(configuration: configuration)
            return (0..<60).map { _ in
                let response = app.get("/chaos?error_rate=0.25&slow_rate=0.25&cpu_rate=0.25&slow_ms=6000")
                if response.status == 500 { return "500" }
                let body = bodyText(response)
                return ["slow", "cpu", "ok"].first { body.contains(#""status":"\#($0)""#) } ?? body
            }
        }
        let first = run(seed: 42)
        XCTAssertEqual(first, run(seed: 42))
        XCTAssertNotEqual(first, run(seed: 43))
        XCTAssertEqual(Set(first), ["500", "slow", "cpu", "ok"])
        let clock = DemoAppTestTime()
        let app = DemoApp(configuration: clock.configuration(seed: 1))
        XCTAssertEqual(app.get("/chaos?error_rate=1").status, 500)
        XCTAssert(bodyText(app.get("/chaos?error_rate=0&slow_rate=1&slow_ms=5500")).contains(#""status":"slow","duration_ms":5500.0"#))
        XCTAssertEqual(clock.slept, [5.5])
        let families = try app.scrape()
        XCTAssertEqual(families.value("errors_total", ["type": "chaos_error"]), 1)
        XCTAssertEqual(families.value("work_duration_seconds_bucket", ["le": "10.0"]), 1)
        XCTAssertEqual(families.value("work_duration_seconds_bucket", ["le": "5.0"]), 0)
    }

    func testUnknownPathsAreOneOtherLabelAndWrongMethods405() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        for i in 0..<50 { XCTAssertEqual(app.get("/random/\(i)").status, 404) }
        XCTAssertEqual(app.handle(HTTPServerRequest(method: "POST", target: "/health")).status, 405)
        XCTAssertEqual(app.handle(HTTPServerRequest(method: "DELETE", target: "/metrics")).status, 405)
        let families = try app.scrape()
        XCTAssertEqual(families.value("http_requests_total", ["method": "GET", "endpoint": "other", "status": "404"]), 50)
        XCTAssertEqual(families.value("http_requests_total", ["method": "POST", "endpoint": "/health", "status": "405"]), 1)
        // /metrics itself is not counted.
        XCTAssertNil(families.value("http_requests_total", ["method": "GET", "endpoint": "other", "status": "200"]))
        XCTAssertEqual(families.family("http_requests_total")?.samples.count, 2)
    }
}

/// Lab 8's `POST /order`.
final class DemoAppOrderTests: XCTestCase {
    private func post(_ app: DemoApp, _ body: String) -> HTTPServerResponse {
        app.handle(HTTPServerRequest(method: "POST", target: "/order", headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
    }

    func testOrdersAreCountedByPaymentMethod() throws {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        XCTAssertEqual(bodyText(post(app, #"{"id":"A1","total_amount":42.5,"payment":"paypal"}"#)), #"{"order_id":"A1"}"#)
        XCTAssertEqual(post(app, #"{"id":"A2","total_amount":7}"#).status, 200)
        XCTAssertEqual(post(app, #"{"id":"A3","total_amount":1,"payment":"bitcoin"}"#).status, 200)
        let families = try app.scrape()
        XCTAssertEqual(families.value("orders_total", ["status": "completed", "payment_method": "paypal"]), 1)
        XCTAssertEqual(families.value("orders_total", ["status": "completed", "payment_method": "card"]), 1)
        XCTAssertEqual(families.value("orders_total", ["status": "completed", "payment_method": "other"]), 1)
        XCTAssertEqual(families.value("revenue_euros_total"), 50.5)
        XCTAssertEqual(families.value("order_value_euros_bucket", ["le": "5.0"]), 1)
        XCTAssertEqual(families.value("order_value_euros_bucket", ["le": "50.0"]), 3)
        XCTAssertEqual(families.value("active_users"), 0)
        XCTAssertEqual(families.value("http_requests_total", ["method": "POST", "endpoint": "/order", "status": "200"]), 3)
    }

    func testBadOrdersAre422() {
        let app = DemoApp(configuration: DemoAppTestTime().configuration())
        XCTAssertEqual(post(app, "nope").status, 422)
        XCTAssertEqual(post(app, "[1]").status, 422)
        let missing = post(app, #"{"total_amount":-1}"#)
        XCTAssertEqual(missing.status, 422)
        XCTAssert(bodyText(missing).contains(#""loc":["body","id"]"#), bodyText(missing))
        XCTAssert(bodyText(missing).contains(#""loc":["body","total_amount"]"#), bodyText(missing))
        XCTAssertEqual(post(app, #"{"id":"","total_amount":1}"#).status, 422)
        XCTAssertEqual(post(app, #"{"id":"x","total_amount":"a lot"}"#).status, 422)
        XCTAssertEqual(app.get("/order").status, 405)
        XCTAssertEqual(post(DemoApp(configuration: DemoAppConfiguration(prefix: "p")), #"{"id":"A","total_amount":1}"#).status, 404)
    }
}
