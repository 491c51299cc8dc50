import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// `/api/v1/query`, `/api/v1/query_range` and `/api/v1/format_query` through ``PrometheusAPI/handle(_:)``.
final class PrometheusAPIQueryTests: XCTestCase {
    private func api(_ options: EngineOptions = .standard) throws -> PrometheusAPI {
        APIFixture.api(try APIFixture.storage(), options: options)
    }

    // MARK: - Instant queries

    func testInstantVectorAtDefaultTime() throws {
        let response = APIFixture.get(try api(), APIFixture.target("/api/v1/query", [("query", "up")]))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        let body = try APIFixture.json(response)
        XCTAssertEqual(body["status"] as? String, "success")
        let data = try XCTUnwrap(body["data"] as? [String: Any])
        XCTAssertEqual(data["resultType"] as? String, "vector")
        let result = try XCTUnwrap(data["result"] as? [[String: Any]])
        XCTAssertEqual(result.count, 2)
        let byInstance = Dictionary(uniqueKeysWithValues: result.map {
            (($0["metric"] as? [String: String])?["instance"] ?? "", $0["value"] as? [Any] ?? [])
        })
        XCTAssertEqual(byInstance["a:1"]?.first as? Double, 600)
        XCTAssertEqual(byInstance["a:1"]?.last as? String, "1")
        XCTAssertEqual(byInstance["b:1"]?.last as? String, "0")
        XCTAssertNil(body["warnings"])
    }

    func testScalarAndPostForm() throws {
        let response = APIFixture.post(try api(), "/api/v1/query", form: [("query", "1 + 1"), ("time", "12.5")])
        XCTAssertEqual(APIFixture.text(response),
                       #"{"status":"success","data":{"resultType":"scalar","result":[12.5,"2"]}}"#)
    }

    func testValueAndTimestampDigitsAsPrometheus() throws {
        let api = try api()
        // Vectors: millisecond digits and 'e' form for tiny and huge values; scalars: Go floats.
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/query?query=vector(1.5e-7)&time=12.5")),
                       #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[12.500,"1.5e-07"]}]}}"#)
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/query?query=1.5e-7&time=1700000000.001")),
                       #"{"status":"success","data":{"resultType":"scalar","result":[1700000000.001,"0.00000015"]}}"#)
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/query?query=%22%3Cb%3E%22&time=12.25")),
                       #"{"status":"success","data":{"resultType":"string","result":[12.25,"\u003cb\u003e"]}}"#)
    }

    func testTimeAsRFC3339WithFractionAndOffset() throws {
        let target = APIFixture.target("/api/v1/query", [("query", "time()"), ("time", "1970-01-01T01:01:30.250+01:00")])
        let body = try APIFixture.json(APIFixture.get(try api(), target))
        let result = try XCTUnwrap((body["data"] as? [String: Any])?["result"] as? [Any])
        XCTAssertEqual(result.first as? Double, 90.25)
        XCTAssertEqual(result.last as? String, "90.25")
    }

    func testMissingQueryIsBadData() throws {
        try APIFixture.assertError(APIFixture.get(try api(), "/api/v1/query"), status: 400, type: "bad_data",
                                   "invalid parameter \"query\": 1:1: parse error: no expression found in input")
    }

    func testParseErrorCarriesPosition() throws {
        let response = APIFixture.get(try api(), APIFixture.target("/api/v1/query", [("query", "sum(up) by (job")]))
        let body = try APIFixture.json(response)
        XCTAssertEqual(response.status, 400)
        let message = try XCTUnwrap(body["error"] as? String)
        XCTAssertTrue(message.hasPrefix("invalid parameter \"query\": 1:"), message)
        XCTAssertTrue(message.contains(": parse error: "), message)
    }

    func testBadTimes() throws {
        let api = try api()
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("time", "yesterday")])),
                                   status: 400, type: "bad_data",
                                   "invalid parameter \"time\": Invalid time value for 'time': cannot parse \"yesterday\" to a valid timestamp")
        for bad in ["NaN", "Inf", "-Inf", "1e300", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-01-01T00:00:00"] {
            let response = APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("time", bad)]))
            XCTAssertEqual(response.status, 400, bad)
        }
    }

    func testBadTimeoutAndLimit() throws {
        let api = try api()
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("timeout", "soon")])),
                                   status: 400, type: "bad_data", "invalid parameter \"timeout\": cannot parse \"soon\" to a valid duration")
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("timeout", "1e300")])),
                                   status: 400, type: "bad_data",
                                   "invalid parameter \"timeout\": cannot parse \"1e300\" to a valid duration. It overflows int64")
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("limit", "-1")])),
                                   status: 400, type: "bad_data", "invalid parameter \"limit\": limit must be non-negative")
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/query", [("query", "up"), ("limit", "ten")])),
                                   status: 400, type: "bad_data",
                                   "invalid parameter \"limit\": strconv.Atoi: parsing \"ten\": invalid syntax")
    }

    func testLimitTruncatesWithWarning() throws {
        let body = try APIFixture.json(APIFixture.get(try api(), APIFixture.target("/api/v1/query", [("query", "up"), ("limit", "1")])))
        let result = try XCTUnwrap((body["data"] as? [String: Any])?["result"] as? [Any])
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(body["warnings"] as? [String], ["results truncated due to limit"])
    }

    func testInfoAnnotationWithPosition() throws {
        let body = try APIFixture.json(APIFixture.get(try api(), APIFixture.target("/api/v1/query", [("query", "rate(up[5m])")])))
        let infos = try XCTUnwrap(body["infos"] as? [String])
        XCTAssertEqual(infos.count, 1)
        XCTAssertTrue(infos[0].hasPrefix("PromQL info: metric might not be a counter"), infos[0])
        XCTAssertTrue(infos[0].hasSuffix("(1:6)"), infos[0])
    }

    func testTimeoutAndMaxSamplesGivePrometheusShapes() throws {
        var quick = EngineOptions.standard
        quick.timeout = 0
        try APIFixture.assertError(APIFixture.get(try api(quick), APIFixture.target("/api/v1/query", [("query", "up")])),
                                   status: 503, type: "timeout", "query timed out in query execution")
        try APIFixture.assertError(APIFixture.get(try api(), APIFixture.target("/api/v1/query", [("query", "up"), ("timeout", "0")])),
                                   status: 503, type: "timeout", "query timed out in query execution")
        var small = EngineOptions.standard
        small.maxSamples = 10
        try APIFixture.assertError(APIFixture.get(try api(small), APIFixture.target("/api/v1/query", [("query", "up[10m]")])),
                                   status: 422, type: "execution",
                                   "query processing would load too many samples into memory in query execution")
    }

    func testBusyQuerySlotsTimeOutInTheQueue() throws {
        let api = APIFixture.api(try APIFixture.storage(),
                                 context: APIContext(now: { APIFixture.now }, maxConcurrentQueries: 1))
        api.querySlots.wait()
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/query?query=up&timeout=0.05"), status: 503, type: "timeout",
                                   "query timed out in query queue")
        api.querySlots.signal()
        XCTAssertEqual(APIFixture.get(api, "/api/v1/query?query=up&timeout=0.05").status, 200)
    }

    func testExecutionErrorIs422() throws {
        let target = APIFixture.target("/api/v1/query", [("query", "up + on(job) up")])
        let response = APIFixture.get(try api(), target)
        XCTAssertEqual(response.status, 422, APIFixture.text(response))
        XCTAssertEqual(try APIFixture.json(response)["errorType"] as? String, "execution")
    }

    // MARK: - Range queries

    func testRangeQueryWithDurationAndFloatSteps() throws {
        let api = try api()
        for step in ["1m", "60", "60.0"] {
            let target = APIFixture.target("/api/v1/query_range",
                                           [("query", "up"), ("start", "0"), ("end", "300"), ("step", step)])
            let body = try APIFixture.json(APIFixture.get(api, target))
            let data = try XCTUnwrap(body["data"] as? [String: Any])
            XCTAssertEqual(data["resultType"] as? String, "matrix")
            let series = try XCTUnwrap(data["result"] as? [[String: Any]])
            XCTAssertEqual(series.count, 2, step)
            let values = try XCTUnwrap(series.first?["values"] as? [[Any]])
            XCTAssertEqual(values.map { $0.first as? Double }, [0, 60, 120, 180, 240, 300], step)
            XCTAssertEqual((series.first?["metric"] as? [String: String])?["instance"], "a:1")
        }
    }

    func testRangeQueryBadParameters() throws {
        let api = try api()
        func range(_ params: [(String, String)]) -> HTTPServerResponse {
            APIFixture.get(api, APIFixture.target("/api/v1/query_range", [("query", "up")] + params))
        }
        try APIFixture.assertError(range([("end", "10"), ("step", "1")]), status: 400, type: "bad_data",
                                   "invalid parameter \"start\": cannot parse \"\" to a valid timestamp")
        try APIFixture.assertError(range([("start", "10"), ("end", "5"), ("step", "1")]), status: 400, type: "bad_data",
                                   "invalid parameter \"end\": end timestamp must not be before start time")
        try APIFixture.assertError(range([("start", "0"), ("end", "5"), ("step", "0")]), status: 400, type: "bad_data",
                                   "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer")
        try APIFixture.assertError(range([("start", "0"), ("end", "5"), ("step", "fast")]), status: 400, type: "bad_data",
                                   "invalid parameter \"step\": cannot parse \"fast\" to a valid duration")
        try APIFixture.assertError(range([("start", "0"), ("end", "5"), ("step", "NaN")]), status: 400, type: "bad_data",
                                   "invalid parameter \"step\": cannot parse \"NaN\" to a valid duration")
        try APIFixture.assertError(range([("start", "0"), ("end", "11001"), ("step", "1")]), status: 400, type: "bad_data",
                                   "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
        XCTAssertEqual(range([("start", "0"), ("end", "11000"), ("step", "1")]).status, 200)
        try APIFixture.assertError(
            APIFixture.get(api, APIFixture.target("/api/v1/query_range",
                                                  [("query", "up[5m]"), ("start", "0"), ("end", "5"), ("step", "1")])),
            status: 400, type: "bad_data",
            "invalid parameter \"query\": invalid expression type \"range vector\" for range query, must be Scalar or instant Vector")
    }

    // MARK: - Formatting and routing

    func testFormatQuery() throws {
        let response = APIFixture.get(try api(), APIFixture.target("/api/v1/format_query", [("query", "sum(rate(x[5m]))by(job)")]))
        XCTAssertEqual(APIFixture.text(response), #"{"status":"success","data":"sum by (job) (rate(x[5m]))"}"#)
        try APIFixture.assertError(APIFixture.get(try api(), "/api/v1/format_query?query=sum("), status: 400, type: "bad_data",
                                   "invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis")
    }

    func testUnknownPathMethodsAndOptions() throws {
        let api = try api()
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/nope"), status: 404, type: "not_found", "404 page not found")
        let wrong = api.handle(HTTPServerRequest(method: "DELETE", target: "/api/v1/query?query=up"))
        XCTAssertEqual(wrong.status, 405)
        XCTAssertEqual(wrong.header("Allow"), "GET, OPTIONS, POST")
        XCTAssertEqual(APIFixture.text(wrong), "Method Not Allowed\n")
        XCTAssertEqual(api.handle(HTTPServerRequest(method: "OPTIONS", target: "/api/v1/query")).status, 204)
        let head = api.handle(HTTPServerRequest(method: "HEAD", target: "/api/v1/query?query=up"))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(APIFixture.get(api, "/nowhere").status, 404)
    }

    func testExemplarsAreEmpty() throws {
        let api = try api()
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/query_exemplars?query=up")),
                       #"{"status":"success","data":[]}"#)
        XCTAssertEqual(APIFixture.get(api, "/api/v1/query_exemplars?query=up&start=10&end=5").status, 400)
    }
}

/// `/api/v1/parse_query`.
final class PrometheusAPIParseQueryTests: XCTestCase {
    func testTreeShape() throws {
        let api = APIFixture.api(MemoryStorage())
        let query = #"sum by (job) (rate(http_requests_total{code=~"5.."}[5m] offset 1m)) > bool 2"#
        let body = try APIFixture.json(APIFixture.get(api, APIFixture.target("/api/v1/parse_query", [("query", query)])))
        let root = try XCTUnwrap(body["data"] as? [String: Any])
        XCTAssertEqual(root["type"] as? String, "binaryExpr")
        XCTAssertEqual(root["op"] as? String, ">")
        XCTAssertEqual(root["bool"] as? Bool, true)
        XCTAssertEqual((root["rhs"] as? [String: Any])?["val"] as? String, "2")
        let sum = try XCTUnwrap(root["lhs"] as? [String: Any])
        XCTAssertEqual(sum["type"] as? String, "aggregation")
        XCTAssertEqual(sum["grouping"] as? [String], ["job"])
        XCTAssertTrue(sum["param"] is NSNull)
        let call = try XCTUnwrap(sum["expr"] as? [String: Any])
        XCTAssertEqual((call["func"] as? [String: Any])?["name"] as? String, "rate")
        XCTAssertEqual((call["func"] as? [String: Any])?["argTypes"] as? [String], ["matrix"])
        let selector = try XCTUnwrap((call["args"] as? [[String: Any]])?.first)
        XCTAssertEqual(selector["type"] as? String, "matrixSelector")
        XCTAssertEqual(selector["range"] as? Int, 300_000)
        XCTAssertEqual(selector["offset"] as? Int, 60_000)
        let matchers = try XCTUnwrap(selector["matchers"] as? [[String: String]])
        XCTAssertTrue(matchers.contains(["name": "code", "type": "=~", "value": "5.."]))
        XCTAssertEqual(APIFixture.get(api, "/api/v1/parse_query?query=sum(").status, 400)
    }
}
