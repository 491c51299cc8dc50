import ConfigModel
import PromModel
import XCTest
@testable import Runtime

final class AlertRouteTests: XCTestCase {
    private let yaml = """
    route:
      receiver: default
      group_by: [alertname]
      group_wait: 10s
      routes:
        - matchers: ['severity="critical"']
          receiver: pager
          continue: true
          group_interval: 1m
          routes:
            - match: {team: db}
              receiver: dba
              repeat_interval: 1h
            - matchers: ['team!~"db|web"', 'env!="dev"']
        - match_re: {service: "api|web"}
          receiver: web
          group_by: ['...']
          mute_time_intervals: [nights]
        - matchers: ['{alertname=~"Disk.*", severity!="info"}']
          receiver: disks
    receivers: [{name: default}, {name: pager}, {name: dba}, {name: web}, {name: disks}]
    time_intervals:
      - name: nights
        time_intervals: [{times: [{start_time: "00:00", end_time: "06:00"}]}]
    """

    func testMatchingTable() throws {
        let root = try AlertingTestSupport.route(yaml)
        let table: [(Labels, [String])] = [
            ([:], ["default"]),
            (["severity": "critical"], ["pager"]),
            (["severity": "critical", "team": "db"], ["dba"]),
            (["severity": "critical", "team": "web"], ["pager"]),
            (["severity": "critical", "team": "ops", "env": "dev"], ["pager"]),
            (["severity": "critical", "team": "ops", "env": "prod"], ["pager"]),
            (["severity": "critical", "service": "api"], ["pager", "web"]),
            (["service": "web"], ["web"]),
            (["service": "webs"], ["default"]),
            (["alertname": "DiskFull"], ["disks"]),
            (["alertname": "DiskFull", "severity": "info"], ["default"]),
            (["alertname": "DiskFull", "severity": "critical", "team": "db"], ["dba", "disks"]),
        ]
        for (labels, expected) in table {
            XCTAssertEqual(root.receivers(for: labels), expected, "\(labels)")
        }
    }

    func testInheritance() throws {
        let root = try AlertingTestSupport.route(yaml)
        let critical = try XCTUnwrap(root.routes.first)
        let dba = try XCTUnwrap(critical.routes.first)
        let unnamed = try XCTUnwrap(critical.routes.last)
        XCTAssertEqual(root.groupWait, 10)
        XCTAssertEqual(root.groupInterval, 300)
        XCTAssertEqual(root.repeatInterval, 4 * 3600)
        XCTAssertEqual(critical.groupBy, ["alertname"])
        XCTAssertEqual(critical.groupWait, 10)
        XCTAssertEqual(critical.groupInterval, 60)
        XCTAssertEqual(dba.groupInterval, 60)
        XCTAssertEqual(dba.repeatInterval, 3600)
        XCTAssertEqual(unnamed.receiver, "pager")
        XCTAssertEqual(unnamed.repeatInterval, 4 * 3600)
        let web = root.routes[1]
        XCTAssertTrue(web.groupByAll)
        XCTAssertEqual(web.muteTimeIntervals, ["nights"])
        XCTAssertEqual(web.groupLabels(of: ["a": "1", "b": "2"]), ["a": "1", "b": "2"])
        XCTAssertEqual(critical.groupLabels(of: ["alertname": "X", "b": "2"]), ["alertname": "X"])
    }

    func testKeysAndSlugs() throws {
        let root = try AlertingTestSupport.route(yaml)
        XCTAssertEqual(root.key, "{}")
        XCTAssertEqual(root.slug, "default-route")
        XCTAssertEqual(root.routes[0].key, "{}/{severity=\"critical\"}")
        XCTAssertEqual(root.routes[0].id, "{}/{severity=\"critical\"}/0")
        XCTAssertEqual(root.routes[0].routes[1].slug, "{env!=\"dev\",team!~\"db|web\"}")
        XCTAssertEqual(root.routes[1].slug, "{service=~\"^(?:api|web)$\"}")
        XCTAssertEqual(root.routes[2].slug, "{alertname=~\"Disk.*\",severity!=\"info\"}")
    }

    func testNoMatchWhenRootMatchersFail() throws {
        let cfg = try AlertingTestSupport.config("route: {receiver: a}\nreceivers: [{name: a}]")
        var route = try XCTUnwrap(cfg.route)
        route.matchers.all = [try LabelMatcher(.equal, "x", "y")]
        let root = AlertRoute(config: route)
        XCTAssertEqual(root.match(["x": "z"]).count, 0)
        XCTAssertEqual(root.receivers(for: ["x": "y"]), ["a"])
    }

    func testDeepTreesAreBounded() throws {
        var leaf = AlertmanagerRoute(receiver: "a")
        for _ in 0..<200 {
            var parent = AlertmanagerRoute()
            parent.routes = [leaf]
            leaf = parent
        }
        leaf.receiver = "a"
        let root = AlertRoute(config: leaf)
        XCTAssertEqual(root.allRoutes.count, AlertRoute.maxDepth + 1)
        XCTAssertEqual(root.receivers(for: ["x": "y"]), ["a"])
    }

    func testFingerprintMatchesPrometheus() {
        // Prometheus's model.LabelSet fingerprints (FNV-1a over sorted pairs with 0xff separators).
        XCTAssertEqual(AlertFingerprint(Labels.empty).description, "cbf29ce484222325")
        // Golden value from an independent FNV-1a computation over "alertname\xffDown\xff".
        XCTAssertEqual(AlertFingerprint(["alertname": "Down"]).description, "6accfd3d0992a914")
        XCTAssertNotEqual(AlertFingerprint(["a": "bc"]), AlertFingerprint(["ab": "c"]))
        XCTAssertEqual(AlertFingerprint(["a": "b"]).description.count, 16)
    }
}
