import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Grouping and timing with the manual clock: exact notification times.
final class AlertingDispatcherTests: XCTestCase {
    typealias S = AlertingTestSupport

    private func dispatcher(_ yaml: String) throws -> (Dispatcher, ManualClock, MemoryNotifier) {
        let clock = ManualClock(S.start)
        let memory = MemoryNotifier()
        let d = try Dispatcher(config: try S.config(yaml), clock: clock, notifier: memory)
        return (d, clock, memory)
    }

    private let timingYAML = """
    route:
      receiver: hook
      group_by: [alertname]
      group_wait: 30s
      group_interval: 5m
      repeat_interval: 1h
    receivers:
      - name: hook
        webhook_configs: [{url: "http://127.0.0.1:9/hook"}]
    """

    private func times(_ m: MemoryNotifier) -> [TimeInterval] { m.notifications.map { S.offset($0.time) } }

    func testGroupWaitIntervalRepeatAndResolve() throws {
        let (d, clock, memory) = try dispatcher(timingYAML)
        let far = S.start.addingTimeInterval(86_400) // Prometheus sends an endsAt ahead of now
        let a = S.alert(["alertname": "Down", "instance": "a"], endsAt: far)
        d.receive([a])
        XCTAssertEqual(d.nextFlush.map(S.offset), 30)
        d.advance(to: S.start.addingTimeInterval(60))
        XCTAssertEqual(times(memory), [30])
        XCTAssertEqual(memory.notifications.first?.alerts.map(\.status), ["firing"])
        XCTAssertEqual(memory.notifications.first?.groupKey, "{}:{alertname=\"Down\"}")
        XCTAssertEqual(memory.notifications.first?.groupLabels, ["alertname": "Down"])
        let b = S.alert(["alertname": "Down", "instance": "b"], at: clock.now, endsAt: far)
        d.receive([a, b])
        d.advance(to: S.start.addingTimeInterval(3900))
        XCTAssertEqual(times(memory), [30, 330], "nothing new until the repeat interval")
        XCTAssertEqual(memory.notifications.last?.alerts.map { $0.labels["instance"] ?? "" }, ["a", "b"])
        // Keep them firing (Prometheus re-sends), then the repeat at 330 + 3600.
        clock.set(S.start.addingTimeInterval(3900))
        d.receive([a, b])
        d.advance(to: S.start.addingTimeInterval(3999))
        XCTAssertEqual(times(memory), [30, 330, 3930])
        // b resolves at 4000: notified (send_resolved defaults to true for webhooks) at the next flush.
        clock.set(S.start.addingTimeInterval(4000))
        d.receive([S.alert(["alertname": "Down", "instance": "b"], at: b.startsAt, endsAt: clock.now), a])
        d.advance(to: S.start.addingTimeInterval(4300))
        XCTAssertEqual(times(memory), [30, 330, 3930, 4230])
        XCTAssertEqual(memory.notifications.last?.alerts.map(\.status), ["firing", "resolved"])
        XCTAssertEqual(memory.notifications.last?.status, "firing")
        // a resolves: one "resolved" notification, then the group is gone.
        d.receive([S.alert(["alertname": "Down", "instance": "a"], at: a.startsAt, endsAt: clock.now)])
        d.advance(to: S.start.addingTimeInterval(9000))
        XCTAssertEqual(times(memory), [30, 330, 3930, 4230, 4530])
        XCTAssertEqual(memory.notifications.last?.status, "resolved")
        XCTAssertEqual(memory.notifications.last?.alerts.map { $0.labels["instance"] ?? "" }, ["a"])
        XCTAssertNil(d.nextFlush)
        XCTAssertEqual(d.alerts.count, 0)
        XCTAssertEqual(clock.now, S.start.addingTimeInterval(9000))
    }

    func testAlertsWithoutEndsAtResolveAfterResolveTimeout() throws {
        let (d, _, memory) = try dispatcher(timingYAML)
        d.receive([S.alert(["alertname": "Down"])])
        d.advance(to: S.start.addingTimeInterval(1000))
        // Fired at 30; resolve_timeout 5m → resolved at 300, notified at the flush at 330.
        XCTAssertEqual(times(memory), [30, 330])
        XCTAssertEqual(memory.notifications.last?.status, "resolved")
        XCTAssertEqual(memory.notifications.last?.alerts.first?.endsAt, S.start.addingTimeInterval(300))
        XCTAssertNil(memory.notifications.first?.alerts.first?.endsAt, "firing alerts carry Go's zero endsAt")
    }

    func testSendResolvedFalseSendsNoResolvedNotification() throws {
        let (d, clock, memory) = try dispatcher("""
        route: {receiver: r, group_wait: 10s, group_interval: 1m}
        receivers:
          - name: r
            webhook_configs: [{url: "http://127.0.0.1:9/", send_resolved: false}]
        """)
        d.receive([S.alert(["alertname": "X"])])
        d.advance(to: S.start.addingTimeInterval(20))
        clock.set(S.start.addingTimeInterval(30))
        d.receive([S.alert(["alertname": "X"], endsAt: clock.now)])
        d.advance(to: S.start.addingTimeInterval(600))
        XCTAssertEqual(times(memory), [10])
        XCTAssertNil(d.nextFlush)
    }

    func testOldAlertFlushesImmediatelyAndGroupsAreSeparate() throws {
        let (d, clock, memory) = try dispatcher(timingYAML)
        d.receive([S.alert(["alertname": "Old"], at: S.start.addingTimeInterval(-120)),
                   S.alert(["alertname": "New"])])
        d.advance(to: clock.now)
        XCTAssertEqual(memory.notifications.map { $0.groupLabels["alertname"] ?? "" }, ["Old"])
        d.advance(to: S.start.addingTimeInterval(30))
        XCTAssertEqual(memory.notifications.map { $0.groupLabels["alertname"] ?? "" }, ["Old", "New"])
        XCTAssertEqual(times(memory), [0, 30])
    }

    func testContinueSendsToEveryMatchingRouteWithItsOwnTiming() throws {
        let (d, _, memory) = try dispatcher("""
        route:
          receiver: default
          group_wait: 30s
          routes:
            - matchers: [severity=critical]
              receiver: pager
              group_wait: 5s
              continue: true
            - matchers: [team=db]
              receiver: dba
              group_wait: 1m
        receivers:
          - {name: default, webhook_configs: [{url: "http://127.0.0.1:9/d"}]}
          - {name: pager, webhook_configs: [{url: "http://127.0.0.1:9/p"}], email_configs: [{to: a@b.c, from: x@y.z, smarthost: "localhost:25"}]}
          - {name: dba, webhook_configs: [{url: "http://127.0.0.1:9/db"}]}
        """)
        d.receive([S.alert(["alertname": "Down", "severity": "critical", "team": "db"])])
        d.advance(to: S.start.addingTimeInterval(100))
        XCTAssertEqual(memory.notifications.map { "\($0.receiver)/\($0.integration.kind.name)@\(Int(S.offset($0.time)))" },
                       ["pager/email@5", "pager/webhook@5", "dba/webhook@60"])
    }

    func testFailedNotificationsAreRetriedAtTheNextFlush() throws {
        let (d, _, memory) = try dispatcher(timingYAML)
        memory.setFailing("hook")
        d.receive([S.alert(["alertname": "Down"], endsAt: S.start.addingTimeInterval(7200))])
        d.advance(to: S.start.addingTimeInterval(100))
        XCTAssertEqual(d.failures.count, 1)
        XCTAssertEqual(d.failures.first?.message, "receiver hook is set to fail")
        memory.setFailing("hook", false)
        d.advance(to: S.start.addingTimeInterval(400))
        XCTAssertEqual(times(memory), [330])
    }

    func testMaxAlertsTruncatesWebhookNotifications() throws {
        let (d, _, memory) = try dispatcher("""
        route: {receiver: r, group_by: [alertname], group_wait: 1s}
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/", max_alerts: 2}]}]
        """)
        d.receive((1...5).map { S.alert(["alertname": "X", "instance": "i\($0)"]) })
        d.advance(to: S.start.addingTimeInterval(2))
        XCTAssertEqual(memory.notifications.first?.alerts.count, 2)
        XCTAssertEqual(memory.notifications.first?.truncatedAlerts, 3)
    }
}
