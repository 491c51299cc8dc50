import ConfigModel
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// Inhibition, silences and time intervals.
final class AlertingMutingTests: XCTestCase {
    typealias S = AlertingTestSupport

    // MARK: - Inhibition

    func testCriticalInhibitsWarningWithSameAlertnameAndInstance() throws {
        let cfg = try S.config("""
        route: {receiver: r, group_by: [alertname, instance, severity], group_wait: 10s}
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
        inhibit_rules:
          - source_matchers: [severity="critical"]
            target_matchers: [severity="warning"]
            equal: [alertname, instance]
        """)
        let clock = ManualClock(S.start)
        let memory = MemoryNotifier()
        let d = try Dispatcher(config: cfg, clock: clock, notifier: memory)
        d.receive([S.alert(["alertname": "Load", "instance": "a", "severity": "critical"]),
                   S.alert(["alertname": "Load", "instance": "a", "severity": "warning"]),
                   S.alert(["alertname": "Load", "instance": "b", "severity": "warning"])])
        d.advance(to: S.start.addingTimeInterval(15))
        let sent = memory.notifications.map { "\($0.groupLabels["instance"] ?? "")/\($0.groupLabels["severity"] ?? "")" }
        XCTAssertEqual(sent.sorted(), ["a/critical", "b/warning"])
        XCTAssertTrue(d.isMuted(["alertname": "Load", "instance": "a", "severity": "warning"], at: clock.now))
    }

    func testAnAlertDoesNotInhibitItself() throws {
        let rule = InhibitionRule(source: [try LabelMatcher(.equal, "alertname", "X")],
                                  target: [try LabelMatcher(.equal, "alertname", "X")], equal: ["instance"])
        let inhibitor = Inhibitor(rules: [rule])
        let a = S.alert(["alertname": "X", "instance": "1"])
        XCTAssertFalse(inhibitor.mutes(a.labels, alerts: [a], at: S.start))
        // Two alerts matching both sides do not inhibit each other either.
        let b = S.alert(["alertname": "X", "instance": "1", "extra": "y"])
        XCTAssertFalse(inhibitor.mutes(a.labels, alerts: [a, b], at: S.start))
        XCTAssertFalse(inhibitor.mutes(b.labels, alerts: [a, b], at: S.start))
    }

    func testInhibitionNeedsFiringSourceAndEqualLabels() throws {
        let rule = InhibitionRule(source: [try LabelMatcher(.equal, "severity", "critical")],
                                  target: [try LabelMatcher(.regexMatch, "severity", "warning|info")],
                                  equal: ["cluster"])
        let inhibitor = Inhibitor(rules: [rule])
        let source = S.alert(["alertname": "A", "severity": "critical", "cluster": "eu"], endsAt: S.start.addingTimeInterval(60))
        XCTAssertTrue(inhibitor.mutes(["severity": "info", "cluster": "eu"], alerts: [source], at: S.start))
        XCTAssertFalse(inhibitor.mutes(["severity": "info", "cluster": "us"], alerts: [source], at: S.start))
        XCTAssertFalse(inhibitor.mutes(["severity": "info"], alerts: [source], at: S.start), "absent ≠ eu")
        XCTAssertFalse(inhibitor.mutes(["severity": "info", "cluster": "eu"], alerts: [source],
                                       at: S.start.addingTimeInterval(60)), "resolved sources do not inhibit")
        let noCluster = S.alert(["severity": "critical"])
        XCTAssertTrue(inhibitor.mutes(["severity": "warning"], alerts: [noCluster], at: S.start), "absent = absent")
    }

    // MARK: - Silences

    func testSilenceMutesUntilItEnds() throws {
        let cfg = try S.config("""
        route: {receiver: r, group_by: [team], group_wait: 10s, group_interval: 1m, repeat_interval: 1m}
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
        """)
        let clock = ManualClock(S.start)
        let memory = MemoryNotifier()
        let d = try Dispatcher(config: cfg, clock: clock, notifier: memory)
        let id = try d.silences.add(Silence(matchers: [try LabelMatcher(.equal, "team", "db")], startsAt: S.start,
                                            endsAt: S.start.addingTimeInterval(150), comment: "maintenance"))
        XCTAssertEqual(id, "silence-1")
        d.receive([S.alert(["team": "db"], endsAt: S.start.addingTimeInterval(3600)),
                   S.alert(["team": "web"], endsAt: S.start.addingTimeInterval(3600))])
        d.advance(to: S.start.addingTimeInterval(200))
        let db = memory.notifications.filter { $0.groupLabels["team"] == "db" }.map { S.offset($0.time) }
        XCTAssertEqual(db, [190], "flushes at 10, 70, 130 are silenced; 190 is after the silence ends")
        XCTAssertEqual(d.silences.all.first?.state(at: clock.now), .expired)
    }

    func testSilenceValidationAndExpiry() throws {
        let clock = ManualClock(S.start)
        let silences = Silences(clock: clock)
        let later = S.start.addingTimeInterval(3600)
        XCTAssertThrowsError(try silences.add(Silence(matchers: [], startsAt: S.start, endsAt: later)))
        XCTAssertThrowsError(try silences.add(Silence(matchers: [try LabelMatcher(.regexMatch, "a", ".*")],
                                                      startsAt: S.start, endsAt: later)))
        XCTAssertThrowsError(try silences.add(Silence(matchers: [try LabelMatcher(.equal, "a", "b")],
                                                      startsAt: later, endsAt: S.start)))
        let id = try silences.add(Silence(matchers: [try LabelMatcher(.equal, "a", "b")], startsAt: S.start.addingTimeInterval(60),
                                          endsAt: later))
        XCTAssertFalse(silences.mutes(["a": "b"], at: S.start), "pending")
        XCTAssertTrue(silences.mutes(["a": "b"], at: S.start.addingTimeInterval(60)))
        XCTAssertFalse(silences.mutes(["a": "c"], at: S.start.addingTimeInterval(60)))
        clock.set(S.start.addingTimeInterval(120))
        XCTAssertTrue(silences.expire(id))
        XCTAssertFalse(silences.expire(id))
        XCTAssertFalse(silences.mutes(["a": "b"], at: clock.now))
    }

    // MARK: - Time intervals

    private func interval(_ yaml: String) throws -> TimeIntervalMatcher {
        let cfg = try S.config("route: {receiver: r}\nreceivers: [{name: r}]\ntime_intervals:\n" + yaml)
        return TimeIntervalMatcher(config: try XCTUnwrap(cfg.timeIntervals.first))
    }

    private func date(_ text: String) throws -> Date {
        let f = ISO8601DateFormatter()
        return try XCTUnwrap(f.date(from: text), text)
    }

    func testWeekdaysAndTimes() throws {
        let t = try interval("""
          - name: office
            time_intervals:
              - weekdays: ['monday:friday']
                times: [{start_time: "09:00", end_time: "17:00"}]
        """)
        XCTAssertTrue(t.contains(try date("2024-01-01T09:00:00Z")), "Monday 09:00")
        XCTAssertTrue(t.contains(try date("2024-01-05T16:59:00Z")), "Friday 16:59")
        XCTAssertFalse(t.contains(try date("2024-01-05T17:00:00Z")), "end is exclusive")
        XCTAssertFalse(t.contains(try date("2024-01-06T10:00:00Z")), "Saturday")
        XCTAssertFalse(t.contains(try date("2024-01-01T08:59:59Z")))
    }

    func testLocationTimezone() throws {
        let t = try interval("""
          - name: madrid-mornings
            time_intervals:
              - times: [{start_time: "08:00", end_time: "12:00"}]
                location: Europe/Madrid
        """)
        XCTAssertTrue(t.contains(try date("2024-01-01T07:30:00Z")), "08:30 in Madrid (UTC+1)")
        XCTAssertFalse(t.contains(try date("2024-01-01T11:30:00Z")), "12:30 in Madrid")
        XCTAssertTrue(t.contains(try date("2024-07-01T06:30:00Z")), "08:30 in Madrid (UTC+2 in summer)")
    }

    func testNegativeDaysMonthsAndYears() throws {
        let last = try interval("""
          - name: month-end
            time_intervals:
              - days_of_month: ['-3:-1']
        """)
        XCTAssertTrue(last.contains(try date("2024-02-29T12:00:00Z")), "leap February's last day")
        XCTAssertTrue(last.contains(try date("2024-02-27T12:00:00Z")))
        XCTAssertFalse(last.contains(try date("2024-02-26T12:00:00Z")))
        XCTAssertTrue(last.contains(try date("2024-01-29T00:00:00Z")))
        XCTAssertFalse(last.contains(try date("2024-01-28T23:59:00Z")))
        let whole = try interval("""
          - name: whole
            time_intervals:
              - days_of_month: ['1:-1']
                months: ['march:may']
                years: ['2024']
        """)
        XCTAssertTrue(whole.contains(try date("2024-03-31T00:00:00Z")))
        XCTAssertTrue(whole.contains(try date("2024-05-01T00:00:00Z")))
        XCTAssertFalse(whole.contains(try date("2024-06-01T00:00:00Z")))
        XCTAssertFalse(whole.contains(try date("2025-04-01T00:00:00Z")))
        XCTAssertTrue(TimeIntervalMatcher.Period.dayRange((1, 31), contains: 28, monthLength: 28))
        XCTAssertFalse(TimeIntervalMatcher.Period.dayRange((30, 31), contains: 28, monthLength: 28), "begins after the month")
    }

    func testMuteAndActiveTimeIntervalsOnRoutes() throws {
        let cfg = try S.config("""
        route:
          receiver: r
          group_wait: 1m
          group_interval: 1h
          repeat_interval: 1h
          routes:
            - matchers: [team=db]
              mute_time_intervals: [nights]
            - matchers: [team=web]
              active_time_intervals: [nights]
        receivers: [{name: r, webhook_configs: [{url: "http://127.0.0.1:9/"}]}]
        time_intervals:
          - name: nights
            time_intervals: [{times: [{start_time: "00:00", end_time: "06:00"}]}]
        """)
        let clock = ManualClock(S.start)
        let memory = MemoryNotifier()
        let d = try Dispatcher(config: cfg, clock: clock, notifier: memory)
        d.receive([S.alert(["team": "db"], endsAt: S.start.addingTimeInterval(86_400)),
                   S.alert(["team": "web"], endsAt: S.start.addingTimeInterval(86_400))])
        d.advance(to: S.start.addingTimeInterval(8 * 3600))
        let db = memory.notifications.filter { $0.alerts.first?.labels["team"] == "db" }.map { S.offset($0.time) / 60 }
        let web = memory.notifications.filter { $0.alerts.first?.labels["team"] == "web" }.map { S.offset($0.time) / 60 }
        XCTAssertEqual(db, [361, 421], "muted at 00:01…05:01, first sent at 06:01, repeated an hour later")
        XCTAssertEqual(web, [1, 61, 121, 181, 241, 301], "only active during the night, repeated hourly")
    }
}
