import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// ``PrometheusAPI/handle(_:)`` called from many threads at once, as the server's workers do:
/// queries, listings and remote writes interleave without losing samples or failing requests.
final class PrometheusAPIConcurrencyTests: XCTestCase {
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
    }

    func testConcurrentQueriesAndWrites() throws {
        let storage = try APIFixture.storage()
        let api = APIFixture.api(storage, context: APIContext(now: { APIFixture.now }, enableRemoteWrite: true))
        let failures = Failures()
        let writers = 4, writesEach = 25
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            if worker < writers {
                for i in 0..<writesEach {
                    let labels: Labels = ["__name__": "pushed", "worker": "\(worker)"]
                    let body = RemoteWriteRequest(timeseries: [.init(labels: labels, samples: [Sample(t: Int64(i) * 1000, v: 1)])])
                        .encodedSnappy()
                    let response = api.handle(HTTPServerRequest(method: "POST", target: "/api/v1/write",
                                                                headers: [("Content-Type", "application/x-protobuf")], body: body))
                    if response.status != 204 { failures.add("write \(worker)/\(i): \(response.status)") }
                }
            } else {
                let targets = ["/api/v1/query?query=sum(up)", "/api/v1/query_range?query=up&start=0&end=600&step=15",
                               "/api/v1/series?match[]=up", "/api/v1/labels", "/federate?match[]=up", "/metrics"]
                for i in 0..<30 {
                    let target = targets[(worker + i) % targets.count]
                    let response = APIFixture.get(api, target)
                    if response.status != 200 { failures.add("\(target): \(response.status)") }
                }
            }
        }
        XCTAssertEqual(failures.all, [])
        let body = try APIFixture.json(APIFixture.get(api, "/api/v1/query?query=count_over_time(pushed[1h])&time=100"))
        let result = try XCTUnwrap((body["data"] as? [String: Any])?["result"] as? [[String: Any]])
        XCTAssertEqual(result.count, writers)
        XCTAssertTrue(result.allSatisfy { (($0["value"] as? [Any])?.last as? String) == "\(writesEach)" })
        XCTAssertEqual(api.metrics.requestCount(handler: "/api/v1/write", code: 204), writers * writesEach)
    }

    func testCORSHeadersForBrowsers() throws {
        let api = APIFixture.api(MemoryStorage())
        let response = api.handle(HTTPServerRequest(method: "GET", target: "/api/v1/query?query=1",
                                                     headers: [("Origin", "http://localhost:3000")]))
        XCTAssertEqual(response.header("Access-Control-Allow-Origin"), "http://localhost:3000")
        XCTAssertNil(APIFixture.get(api, "/api/v1/query?query=1").header("Access-Control-Allow-Origin"))
        XCTAssertEqual(APIFixture.text(APIFixture.get(api, "/api/v1/status/walreplay")),
                       #"{"status":"success","data":{"min":0,"max":0,"current":0}}"#)
    }
}
