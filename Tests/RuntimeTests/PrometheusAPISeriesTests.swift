import Foundation
import PromModel
import XCTest
@testable import Runtime

/// `/api/v1/series`, `/api/v1/labels`, `/api/v1/label/NAME/values` and the metadata endpoints.
final class PrometheusAPISeriesTests: XCTestCase {
    private func api() throws -> PrometheusAPI {
        let storage = try APIFixture.storage()
        try storage.append(["__name__": "old_metric", "job": "batch"], t: -1_000_000, v: 1)
        return APIFixture.api(storage)
    }

    private func data(_ response: HTTPServerResponse) throws -> Any? {
        XCTAssertEqual(response.status, 200, APIFixture.text(response))
        return try APIFixture.json(response)["data"]
    }

    func testSeriesRequiresMatch() throws {
        try APIFixture.assertError(APIFixture.get(try api(), "/api/v1/series"), status: 400, type: "bad_data",
                                   "no match[] parameter provided")
    }

    func testSeriesListsMatchingLabelSets() throws {
        let api = try api()
        let list = try XCTUnwrap(try data(APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", "up")]))) as? [[String: String]])
        XCTAssertEqual(list, [["__name__": "up", "instance": "a:1", "job": "api"],
                              ["__name__": "up", "instance": "b:1", "job": "api"]])
        let union = APIFixture.post(api, "/api/v1/series", form: [("match[]", #"up{instance="a:1"}"#),
                                                                 ("match[]", "http_requests_total")])
        XCTAssertEqual((try data(union) as? [[String: String]])?.count, 2)
        let recent = APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", #"{job=~".+"}"#), ("start", "0")]))
        XCTAssertFalse((try data(recent) as? [[String: String]] ?? []).contains { $0["__name__"] == "old_metric" })
        let limited = try APIFixture.json(APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", "up"), ("limit", "1")])))
        XCTAssertEqual((limited["data"] as? [Any])?.count, 1)
        XCTAssertEqual(limited["warnings"] as? [String], ["results truncated due to limit"])
    }

    func testSeriesBadMatchers() throws {
        let api = try api()
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", #"{job=~".*"}"#)])),
                                   status: 400, type: "bad_data",
                                   "invalid parameter \"match[]\": match[] must contain at least one non-empty matcher")
        let broken = APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", "up{")]))
        XCTAssertEqual(broken.status, 400)
        let message = try XCTUnwrap(try APIFixture.json(broken)["error"] as? String)
        XCTAssertTrue(message.hasPrefix("invalid parameter \"match[]\": 1:"), message)
        let expected = ["rate(up[5m])": "1:5: parse error: unexpected \"(\"", "up[5m]": "1:3: parse error: unexpected \"[\"",
                        "up offset 5m": "1:4: parse error: unexpected <offset>",
                        #"up{job="a"} + 1"#: "1:13: parse error: unexpected <op:+>",
                        "up foo": "1:4: parse error: unexpected identifier \"foo\"", "up and x": "1:4: parse error: unexpected <op:and>",
                        "5": "1:1: parse error: unexpected number \"5\""]
        for (selector, message) in expected {
            try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", selector)])),
                                       status: 400, type: "bad_data", "invalid parameter \"match[]\": " + message)
        }
        try APIFixture.assertError(APIFixture.get(api, APIFixture.target("/api/v1/series", [("match[]", "up"), ("start", "x")])),
                                   status: 400, type: "bad_data",
                                   "invalid parameter \"start\": Invalid time value for 'start': cannot parse \"x\" to a valid timestamp")
    }

    func testLabelNames() throws {
        let api = try api()
        XCTAssertEqual(try data(APIFixture.get(api, "/api/v1/labels")) as? [String], ["__name__", "code", "instance", "job"])
        XCTAssertEqual(try data(APIFixture.get(api, APIFixture.target("/api/v1/labels", [("match[]", "http_requests_total")]))) as? [String],
                       ["__name__", "code", "job"])
        XCTAssertEqual(try data(APIFixture.get(api, APIFixture.target("/api/v1/labels", [("start", "-2000"), ("end", "-500")]))) as? [String],
                       ["__name__", "job"])
        let limited = try APIFixture.json(APIFixture.get(api, "/api/v1/labels?limit=2"))
        XCTAssertEqual(limited["data"] as? [String], ["__name__", "code"])
        XCTAssertEqual(limited["warnings"] as? [String], ["results truncated due to limit"])
    }

    func testLabelValues() throws {
        let api = try api()
        XCTAssertEqual(try data(APIFixture.get(api, "/api/v1/label/job/values")) as? [String], ["api", "batch"])
        XCTAssertEqual(try data(APIFixture.get(api, "/api/v1/label/__name__/values")) as? [String],
                       ["http_requests_total", "old_metric", "up"])
        XCTAssertEqual(try data(APIFixture.get(api, APIFixture.target("/api/v1/label/instance/values", [("match[]", "up")]))) as? [String],
                       ["a:1", "b:1"])
        XCTAssertEqual(try data(APIFixture.get(api, APIFixture.target("/api/v1/label/job/values", [("start", "0")]))) as? [String],
                       ["api"])
        XCTAssertEqual(try data(APIFixture.get(api, "/api/v1/label/nothing/values")) as? [String], [])
        XCTAssertEqual(APIFixture.post(api, "/api/v1/label/job/values", form: []).status, 405)
    }

    func testMetadataEndpointsAreEmptyNotErrors() throws {
        let api = try api()
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/metadata")), #"{"status":"success","data":{}}"#)
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/targets/metadata")), #"{"status":"success","data":[]}"#)
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/metadata?limit=x"), status: 400, type: "bad_data",
                                   "limit must be a number")
        try APIFixture.assertError(APIFixture.get(api, "/api/v1/targets/metadata?limit=x"), status: 400, type: "bad_data",
                                   "limit must be a number")
    }
}
