import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Bad alerts are refused with Alertmanager's reasons; sizes are bounded.
final class AlertingBadInputTests: XCTestCase {
    typealias S = AlertingTestSupport

    private func dispatcher(limits: DispatcherLimits = DispatcherLimits()) throws -> Dispatcher {
        let cfg = try S.config("""
        route: {receiver: r, group_by: ['...'], group_wait: 1s}
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
        """)
        return try Dispatcher(config: cfg, clock: ManualClock(S.start), notifier: MemoryNotifier(), limits: limits)
    }

    func testEmptyLabelsAreRefused() throws {
        let d = try dispatcher()
        let rejected = d.receive([S.alert(.empty), S.alert(["a": ""]), S.alert(["a": "b"])])
        XCTAssertEqual(rejected.map(\.index), [0, 1])
        XCTAssertEqual(rejected.first?.message, "at least one label pair required")
        XCTAssertEqual(d.alerts.count, 1)
    }

    func testHugeLabelSetsAreRefused() throws {
        let d = try dispatcher()
        let many = Labels((0..<1000).map { Label("l\($0)", "v") })
        let big = Labels([Label("a", String(repeating: "x", count: 100_000))])
        let rejected = d.receive([S.alert(many), S.alert(big), S.alert(["bad-name": "x"])])
        XCTAssertEqual(rejected.count, 3)
        XCTAssertTrue(rejected[0].message.hasPrefix("too many labels"), rejected[0].message)
        XCTAssertTrue(rejected[1].message.hasPrefix("labels larger than"), rejected[1].message)
        XCTAssertEqual(rejected[2].message, "invalid label name \"bad-name\"")
        XCTAssertEqual(d.alerts.count, 0)
    }

    func testEndBeforeStartIsRefused() throws {
        let d = try dispatcher()
        let rejected = d.receive([S.alert(["a": "b"], endsAt: S.start.addingTimeInterval(-1))])
        XCTAssertEqual(rejected.first?.message, "start time must be before end time")
    }

    func testStoreAndGroupLimits() throws {
        var limits = DispatcherLimits()
        limits.maxAlerts = 10
        limits.maxGroups = 5
        let d = try dispatcher(limits: limits)
        let rejected = d.receive((0..<20).map { S.alert(["i": "\($0)"]) })
        XCTAssertEqual(rejected.count, 10)
        XCTAssertEqual(d.alerts.count, 10)
        XCTAssertEqual(d.alertGroups.count, 5)
    }
}
