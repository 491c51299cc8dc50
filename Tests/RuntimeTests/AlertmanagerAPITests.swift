import GoCompat
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Alertmanager's API v2 over the embedded dispatcher, called without sockets.
final class AlertmanagerAPITests: XCTestCase {
    private let yaml = """
        route:
          receiver: team
          group_by: [alertname]
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
        receivers:
          - name: team
          - name: pager
        inhibit_rules:
          - source_matchers: ['severity="critical"']
            target_matchers: ['severity="warning"']
            equal: [service]
        """

    private func makeAPI() throws -> (AlertmanagerAPI, ManualClock) {
        let clock = ManualClock(AlertingTestSupport.start)
        let config = try AlertingTestSupport.config(yaml)
        let dispatcher = try Dispatcher(config: config, clock: clock, notifier: MemoryNotifier())
        return (AlertmanagerAPI(dispatcher: dispatcher, configText: yaml, startTime: AlertingTestSupport.start), clock)
    }

    private func request(_ method: String, _ target: String, _ body: String = "") -> HTTPServerRequest {
        HTTPServerRequest(method: method, target: target, headers: [("Content-Type", "application/json")],
                          body: Array(body.utf8))
    }

    private func json(_ response: HTTPServerResponse, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    }

    func testStatusShowsConfigAndCluster() throws {
        let (api, _) = try makeAPI()
        let response = api.handle(request("GET", "/api/v2/status"))
        XCTAssertEqual(response.status, 200)
        let body = try XCTUnwrap(try json(response) as? [String: Any])
        XCTAssertEqual((body["config"] as? [String: Any])?["original"] as? String, yaml)
        XCTAssertEqual((body["cluster"] as? [String: Any])?["status"] as? String, "disabled")
        XCTAssertEqual(body["uptime"] as? String, "2024-01-01T00:00:00Z")
        XCTAssertNotNil((body["versionInfo"] as? [String: Any])?["version"])
    }

    func testPostedAlertsAreListedWithReceiversAndInhibition() throws {
        let (api, _) = try makeAPI()
        let post = api.handle(request("POST", "/api/v2/alerts", """
            [{"labels":{"alertname":"Down","severity":"critical","service":"api"},"annotations":{"summary":"api down"},
              "startsAt":"2024-01-01T00:00:00Z","generatorURL":"http://x/graph"},
             {"labels":{"alertname":"Slow","severity":"warning","service":"api"}}]
            """))
        XCTAssertEqual(post.status, 200, String(decoding: post.body, as: UTF8.self))
        let list = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/alerts"))) as? [[String: Any]])
        XCTAssertEqual(list.count, 2)
        let down = try XCTUnwrap(list.first { ($0["labels"] as? [String: String])?["alertname"] == "Down" })
        XCTAssertEqual((down["receivers"] as? [[String: String]])?.map { $0["name"] }, ["pager"])
        XCTAssertEqual((down["status"] as? [String: Any])?["state"] as? String, "active")
        XCTAssertEqual((down["annotations"] as? [String: String])?["summary"], "api down")
        XCTAssertEqual((down["fingerprint"] as? String)?.count, 16)
        let slow = try XCTUnwrap(list.first { ($0["labels"] as? [String: String])?["alertname"] == "Slow" })
        let slowStatus = try XCTUnwrap(slow["status"] as? [String: Any])
        XCTAssertEqual(slowStatus["state"] as? String, "suppressed")
        XCTAssertEqual(slowStatus["inhibitedBy"] as? [String], [down["fingerprint"] as? String].compactMap { $0 })

        let filtered = try XCTUnwrap(try json(api.handle(request(
            "GET", "/api/v2/alerts?filter=" + FormURLEncoding.encode("alertname=\"Slow\"")))) as? [[String: Any]])
        XCTAssertEqual(filtered.count, 1)
        let unmuted = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/alerts?inhibited=false"))) as? [Any])
        XCTAssertEqual(unmuted.count, 1)
        let groups = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/alerts/groups"))) as? [[String: Any]])
        XCTAssertEqual(Set(groups.compactMap { ($0["receiver"] as? [String: String])?["name"] }), ["pager", "team"])
    }

    func testSilenceLifecycle() throws {
        let (api, clock) = try makeAPI()
        _ = api.handle(request("POST", "/api/v2/alerts", #"[{"labels":{"alertname":"Down","service":"api"}}]"#))
        let created = api.handle(request("POST", "/api/v2/silences", """
            {"matchers":[{"name":"alertname","value":"Down","isRegex":false,"isEqual":true}],
             "startsAt":"2024-01-01T00:00:00Z","endsAt":"2024-01-01T02:00:00.000Z","createdBy":"ana","comment":"maintenance"}
            """))
        XCTAssertEqual(created.status, 200, String(decoding: created.body, as: UTF8.self))
        let id = try XCTUnwrap((try json(created) as? [String: String])?["silenceID"])
        let alerts = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/alerts"))) as? [[String: Any]])
        XCTAssertEqual((alerts.first?["status"] as? [String: Any])?["silencedBy"] as? [String], [id])
        let silences = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/silences"))) as? [[String: Any]])
        XCTAssertEqual(silences.first?["createdBy"] as? String, "ana")
        XCTAssertEqual((silences.first?["status"] as? [String: String])?["state"], "active")
        XCTAssertEqual(api.handle(request("GET", "/api/v2/silence/\(id)")).status, 200)

        clock.advance(by: 60)
        XCTAssertEqual(api.handle(request("DELETE", "/api/v2/silence/\(id)")).status, 200)
        let after = try XCTUnwrap(try json(api.handle(request("GET", "/api/v2/silence/\(id)"))) as? [String: Any])
        XCTAssertEqual((after["status"] as? [String: String])?["state"], "expired")
        XCTAssertEqual(api.handle(request("DELETE", "/api/v2/silence/nope")).status, 404)
    }

    func testBadRequestsAre400WithAReason() throws {
        let (api, _) = try makeAPI()
        let cases: [(String, String, String, String)] = [
            ("POST", "/api/v2/alerts", "", "no body"),
            ("POST", "/api/v2/alerts", "{", "request body"),
            ("POST", "/api/v2/alerts", #"{"labels":{}}"#, "JSON array"),
            ("POST", "/api/v2/alerts", #"[{"annotations":{}}]"#, "labels in body is required"),
            ("POST", "/api/v2/alerts", #"[{"labels":{"a":"b"},"startsAt":"yesterday"}]"#, "date-time"),
            ("POST", "/api/v2/alerts", #"[{"labels":{"a":"b"},"startsAt":"2024-01-02T00:00:00Z","endsAt":"2024-01-01T00:00:00Z"}]"#,
             "start time must be before end time"),
            ("POST", "/api/v2/alerts", #"[{"labels":{"a":{"b":"c"}}}]"#, "object of strings"),
            ("POST", "/api/v2/silences", #"{"matchers":[],"startsAt":"2024-01-01T00:00:00Z","endsAt":"2024-01-01T01:00:00Z"}"#,
             "at least one matcher"),
            ("POST", "/api/v2/silences", #"{"matchers":[{"name":"a","value":"(","isRegex":true}],"startsAt":"2024-01-01T00:00:00Z","endsAt":"2024-01-01T01:00:00Z"}"#,
             "invalid matcher"),
            ("GET", "/api/v2/alerts?active=maybe", "", "boolean"),
            ("GET", "/api/v2/alerts?filter=%7B%7B", "", "bad matcher"),
        ]
        for (method, target, body, reason) in cases {
            let response = api.handle(request(method, target, body))
            let text = String(decoding: response.body, as: UTF8.self)
            XCTAssertEqual(response.status, 400, "\(target) \(body): \(text)")
            XCTAssertTrue(text.contains(reason), "\(body): \(text)")
        }
        XCTAssertEqual(api.handle(request("PUT", "/api/v2/alerts")).status, 405)
        XCTAssertEqual(api.handle(request("GET", "/api/v2/nothing")).status, 404)
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(api.handle(request("POST", "/api/v2/alerts", deep)).status, 400)
    }
}
