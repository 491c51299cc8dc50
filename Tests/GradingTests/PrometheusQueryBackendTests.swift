import LabCatalog
import PromModel
import LabctlTestSupport
import XCTest
@testable import Grading

/// Parsing of Prometheus's query API bodies: every result type, special values, the error shape and
/// malformed bodies (which must throw, never crash).
final class PrometheusQueryBackendTests: XCTestCase {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testVectorWithSpecialValues() throws {
        let body = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"up","job":"a"},"value":[1600000000.5,"1"]},
          {"metric":{"job":"b"},"value":[1600000000.5,"NaN"]},
          {"metric":{"job":"c"},"value":[1600000000.5,"+Inf"]},
          {"metric":{"job":"d"},"value":[1600000000.5,"-Inf"]}]}}
        """
        let set = try PrometheusQueryBackend.parseInstant(bytes(body))
        XCTAssertEqual(set.count, 4)
        XCTAssertEqual(set.values[Labels(["__name__": "up", "job": "a"])], 1)
        XCTAssertEqual(set.values[Labels(["job": "b"])].map { $0.isNaN }, true)
        XCTAssertEqual(set.values[Labels(["job": "c"])], .infinity)
        XCTAssertEqual(set.values[Labels(["job": "d"])], -.infinity)
        XCTAssertFalse(set.isScalar)
    }

    func testScalar() throws {
        let set = try PrometheusQueryBackend.parseInstant(bytes(#"{"status":"success","data":{"resultType":"scalar","result":[12.25,"3.5"]}}"#))
        XCTAssertTrue(set.isScalar)
        XCTAssertEqual(set.values[Labels()], 3.5)
    }

    func testRangeTakesTheOffsetAway() throws {
        let body = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"a"},"values":[[1600000000,"1"],[1600000015.25,"2"]]}]}}"#
        let range = try PrometheusQueryBackend.parseRange(bytes(body), offset: 1_600_000_000_000)
        let points = try XCTUnwrap(range[Labels(["job": "a"])])
        XCTAssertEqual(points.map(\.t), [0, 15_250])
        XCTAssertEqual(points.map(\.v), [1, 2])
    }

    func testErrorShapeBecomesAClearError() {
        let body = #"{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}"#
        XCTAssertThrowsError(try PrometheusQueryBackend.parseInstant(bytes(body))) { error in
            let e = error as? PrometheusAPIError
            XCTAssertEqual(e?.kind, .badData)
            XCTAssertTrue(e?.message.contains("parse error") ?? false, "\(error)")
        }
    }

    func testMalformedBodiesThrow() {
        let bodies = [
            "", "not json", "[]", "42", #"{"status":"success"}"#,
            #"{"status":"success","data":{"resultType":"vector"}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":{}}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1]}]}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":["x","1"]}]}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}"#,
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1e300,"1"]}]}}"#,
            #"{"status":"success","data":{"resultType":"matrix","result":[7]}}"#,
            #"{"status":"success","data":{"resultType":"string","result":[1,"x"]}}"#,
            #"{"status":"success","data":{"resultType":"weird","result":[]}}"#,
            #"{"status":"error"}"#,
            String(repeating: "[", count: 100_000),
        ]
        for body in bodies {
            XCTAssertThrowsError(try PrometheusQueryBackend.parseInstant(bytes(body)), body.prefix(80).description)
        }
        XCTAssertThrowsError(try PrometheusQueryBackend.parseRange(bytes(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#), offset: 0))
    }

    func testTimesAndFormEncoding() {
        XCTAssertEqual(PrometheusQueryBackend.seconds(15_250, 1_600_000_000_000), "1600000015.250")
        XCTAssertEqual(PrometheusQueryBackend.seconds(60_000, 0), "60")
        XCTAssertEqual(PrometheusQueryBackend.formEncode("sum by (a) (x{b=\"c\"}) > 0.5 + 1&y"),
                       "sum%20by%20%28a%29%20%28x%7Bb%3D%22c%22%7D%29%20%3E%200.5%20%2B%201%26y")
    }

    func testUnreachableServerIsAClearError() throws {
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        XCTAssertThrowsError(try PrometheusQueryBackend(baseURL: "http://127.0.0.1:\(port)/", timeout: 2).probe()) { error in
            XCTAssertEqual((error as? PrometheusAPIError)?.kind, .unreachable)
        }
        XCTAssertThrowsError(try PrometheusQueryBackend(baseURL: "ftp://x").probe())
    }

    func testTimelineKeepsScenariosApartAndExportsOpenMetrics() throws {
        let spec = try Catalog.installed(environment: [:]).requireLab("lab7")
        let timeline = ScenarioTimeline(spec)
        let offsets = spec.scenarios.map { timeline.offset($0.name) }
        XCTAssertEqual(Set(offsets).count, spec.scenarios.count)
        for (s, o) in zip(spec.scenarios, offsets) {
            XCTAssertTrue(offsets.allSatisfy { $0 <= o || $0 >= o + s.duration.milliseconds + 86_400_000 })
        }
        let text = try timeline.openMetrics(spec)
        XCTAssertTrue(text.hasSuffix("# EOF\n"))
        XCTAssertTrue(text.contains(" 1600000000\n"), "the first scenario starts at the base time")
    }
}
