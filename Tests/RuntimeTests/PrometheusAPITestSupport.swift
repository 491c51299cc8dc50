import GoCompat
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// Builds ``PrometheusAPI`` instances over small stores and calls them as the server would.
enum APIFixture {
    /// The fixed "now" of the tests: 600 s after the epoch.
    static let now: Int64 = 600_000

    /// `up` for two instances of job `api` (1 and 0) and a counter, every 15 s from 0 to 600 s.
    static func storage() throws -> MemoryStorage {
        let storage = MemoryStorage()
        let app = storage.appender()
        for step in 0...40 {
            let t = Int64(step) * 15_000
            try app.append(["__name__": "up", "job": "api", "instance": "a:1"], t: t, v: 1)
            try app.append(["__name__": "up", "job": "api", "instance": "b:1"], t: t, v: 0)
            try app.append(["__name__": "http_requests_total", "job": "api", "code": "200"], t: t, v: Double(step) * 10)
        }
        try app.commit()
        return storage
    }

    static func api(_ storage: MemoryStorage, options: EngineOptions = .standard,
                    context: APIContext = APIContext(now: { APIFixture.now })) -> PrometheusAPI {
        PrometheusAPI(storage: storage, engineOptions: options, context: context)
    }

    static func get(_ api: PrometheusAPI, _ target: String) -> HTTPServerResponse {
        api.handle(HTTPServerRequest(method: "GET", target: target))
    }

    static func post(_ api: PrometheusAPI, _ path: String, form: [(String, String)]) -> HTTPServerResponse {
        api.handle(HTTPServerRequest(method: "POST", target: path,
                                     headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                     body: Array(FormURLEncoding.encode(form.map { (name: $0.0, value: $0.1) }).utf8)))
    }

    /// A GET target with its parameters encoded.
    static func target(_ path: String, _ params: [(String, String)]) -> String {
        params.isEmpty ? path : path + "?" + FormURLEncoding.encode(params.map { (name: $0.0, value: $0.1) })
    }

    /// The body decoded as a JSON object, failing the test when it is not one.
    static func json(_ response: HTTPServerResponse, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(text(response))", file: file, line: line)
    }

    static func text(_ response: HTTPServerResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    /// Asserts Prometheus's error shape: status, errorType and the exact error text.
    static func assertError(_ response: HTTPServerResponse, status: Int, type: String, _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(response.status, status, text(response), file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "application/json", file: file, line: line)
        let body = try json(response, file: file, line: line)
        XCTAssertEqual(body["status"] as? String, "error", file: file, line: line)
        XCTAssertEqual(body["errorType"] as? String, type, file: file, line: line)
        XCTAssertEqual(body["error"] as? String, message, file: file, line: line)
    }
}
