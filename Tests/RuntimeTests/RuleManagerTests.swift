import ConfigModel
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// The rule manager with a fake query function and a manual clock: alert states, `for`,
/// `keep_firing_for`, resolution and resends, `ALERTS` series, staleness, limits and scheduling.
final class RuleManagerTests: XCTestCase {
    private let downRule = """
        groups:
          - name: g
            interval: 15s
            rules:
              - alert: Down
                expr: up == 0
                for: 1m
                labels:
                  severity: critical
                annotations:
                  summary: "{{ $labels.job }} is down ({{ $value }})"
        """

    private func manager(_ text: String, query: FakeQuery, sink: AlertSink? = nil,
                         storage: MemoryStorage = MemoryStorage(), clock: ManualClock = ManualClock(milliseconds: 0))
        throws -> RuleManager {
        var options = RuleManagerOptions(query: query.function, storage: storage, clock: clock, notify: sink?.notify)
        options.alignByGroupHash = false
        let manager = RuleManager(options: options)
        try manager.load([try RuleFixtures.ruleFile(text)])
        return manager
    }

    private let upDown: Labels = ["__name__": "up", "job": "api", "instance": "a:80"]

    func testPendingThenFiringAfterFor() throws {
        let query = FakeQuery(), storage = MemoryStorage()
        let m = try manager(downRule, query: query, storage: storage)
        query.set("up == 0", [(upDown, 0)])
        m.evaluateAll(at: 0)
        var alert = try XCTUnwrap(m.activeAlerts.first)
        XCTAssertEqual(alert.state, .pending)
        XCTAssertEqual(alert.labels, ["alertname": "Down", "job": "api", "instance": "a:80", "severity": "critical"])
        XCTAssertEqual(alert.annotation("summary"), "api is down (0)")
        m.evaluateAll(at: 45_000)
        XCTAssertEqual(m.activeAlerts.first?.state, .pending, "45s < for: 1m")
        m.evaluateAll(at: 60_000)
        alert = try XCTUnwrap(m.activeAlerts.first)
        XCTAssertEqual(alert.state, .firing)
        XCTAssertEqual(alert.activeAt, 0)
        XCTAssertEqual(alert.firedAt, 60_000)
        XCTAssertEqual(m.firingAlerts(named: "Down").count, 1)

        let pending = alert.labels.setting("__name__", to: "ALERTS").setting("alertstate", to: "pending")
        let firing = alert.labels.setting("__name__", to: "ALERTS").setting("alertstate", to: "firing")
        let pendingSamples = try RuleFixtures.samples(storage, pending)
        XCTAssertEqual(pendingSamples.map(\.t), [0, 45_000, 60_000])
        XCTAssertEqual(pendingSamples.prefix(2).map(\.v), [1, 1])
        // The pending series got a staleness marker when the alert turned firing.
        XCTAssertTrue(isStaleNaN(try XCTUnwrap(pendingSamples.last).v))
        XCTAssertEqual(try RuleFixtures.samples(storage, firing).map(\.v), [1])
        let forState = alert.labels.setting("__name__", to: "ALERTS_FOR_STATE")
        XCTAssertEqual(try RuleFixtures.samples(storage, forState).map(\.v), [0, 0, 0])
    }

    func testPendingAlertDisappearsWithoutResolution() throws {
        let query = FakeQuery(), sink = AlertSink()
        let m = try manager(downRule, query: query, sink: sink)
        query.set("up == 0", [(upDown, 0)])
        m.evaluateAll(at: 0)
        query.set("up == 0", [])
        m.evaluateAll(at: 15_000)
        XCTAssertTrue(m.activeAlerts.isEmpty)
        XCTAssertTrue(m.alertingRules[0].active.isEmpty, "a pending alert is dropped, not resolved")
        XCTAssertTrue(sink.drain().isEmpty, "pending alerts are never sent")
    }

    func testResolvedAlertIsSentWithEndsAtAndKeptFifteenMinutes() throws {
        let query = FakeQuery(), sink = AlertSink()
        let m = try manager(downRule, query: query, sink: sink)
        query.set("up == 0", [(upDown, 0)])
        for t in stride(from: Int64(0), through: 60_000, by: 15_000) { m.evaluateAll(at: t) }
        let fired = sink.drain()
        XCTAssertEqual(fired.count, 1)
        XCTAssertEqual(fired.first?.startsAt, 60_000)
        XCTAssertEqual(fired.first?.endsAt, 60_000 + 4 * 60_000, "validUntil = ts + 4 × max(interval, resend delay)")
        // Resent only once the resend delay (1m) has passed.
        for t in stride(from: Int64(75_000), through: 120_000, by: 15_000) { m.evaluateAll(at: t) }
        XCTAssertTrue(sink.drain().isEmpty)
        m.evaluateAll(at: 135_000)
        XCTAssertEqual(sink.drain().map(\.lastSentAt), [135_000])

        query.set("up == 0", [])
        m.evaluateAll(at: 150_000)
        let resolved = sink.drain()
        XCTAssertEqual(resolved.count, 1)
        XCTAssertEqual(resolved.first?.state, .inactive)
        XCTAssertEqual(resolved.first?.endsAt, 150_000)
        XCTAssertTrue(m.activeAlerts.isEmpty)
        XCTAssertEqual(m.alertingRules[0].currentAlerts.count, 1, "kept while resolved")
        m.evaluateAll(at: 150_000 + 15 * 60_000)
        XCTAssertEqual(m.alertingRules[0].currentAlerts.count, 1, "15m exactly: still kept")
        m.evaluateAll(at: 150_000 + 15 * 60_000 + 15_000)
        XCTAssertTrue(m.alertingRules[0].currentAlerts.isEmpty, "dropped after 15m")
    }

    func testKeepFiringFor() throws {
        let text = """
            groups:
              - name: g
                rules:
                  - alert: Flap
                    expr: flap > 0
                    keep_firing_for: 2m
            """
        let query = FakeQuery()
        let m = try manager(text, query: query)
        let series: Labels = ["__name__": "flap", "job": "f"]
        query.set("flap > 0", [(series, 1)])
        m.evaluateAll(at: 0)
        XCTAssertEqual(m.activeAlerts.first?.state, .firing, "no for: fires at once")
        query.set("flap > 0", [])
        m.evaluateAll(at: 60_000)
        XCTAssertEqual(m.activeAlerts.first?.state, .firing)
        XCTAssertEqual(m.activeAlerts.first?.keepFiringSince, 60_000)
        m.evaluateAll(at: 120_000)
        XCTAssertEqual(m.activeAlerts.first?.state, .firing, "1m of 2m kept")
        m.evaluateAll(at: 180_000)
        XCTAssertTrue(m.activeAlerts.isEmpty, "resolved after keep_firing_for")
        XCTAssertEqual(m.alertingRules[0].currentAlerts.first?.resolvedAt, 180_000)
    }

    func testRecordingRuleWritesSeriesAndStaleMarkers() throws {
        let text = """
            groups:
              - name: rec
                labels: {team: core}
                rules:
                  - record: job:x:sum
                    expr: sum by (job) (x)
                    labels: {tier: gold}
            """
        let query = FakeQuery(), storage = MemoryStorage()
        let m = try manager(text, query: query, storage: storage)
        query.set("sum by (job) (x)", [(["job": "a"], 1), (["job": "b"], 2)])
        m.evaluateAll(at: 0)
        query.set("sum by (job) (x)", [(["job": "a"], 3)])
        m.evaluateAll(at: 60_000)
        let a: Labels = ["__name__": "job:x:sum", "job": "a", "team": "core", "tier": "gold"]
        let b: Labels = ["__name__": "job:x:sum", "job": "b", "team": "core", "tier": "gold"]
        XCTAssertEqual(try RuleFixtures.samples(storage, a).map(\.v), [1, 3])
        let bSamples = try RuleFixtures.samples(storage, b)
        XCTAssertEqual(bSamples.map(\.t), [0, 60_000])
        XCTAssertTrue(isStaleNaN(try XCTUnwrap(bSamples.last).v), "vanished series get a staleness marker")
    }

    func testErrorsLimitsAndDuplicates() throws {
        let text = """
            groups:
              - name: g
                limit: 1
                rules:
                  - record: r
                    expr: x
                  - alert: A
                    expr: y > 0
            """
        let query = FakeQuery()
        let m = try manager(text, query: query)
        query.set("x", [(["__name__": "x", "k": "1"], 1), (["__name__": "x", "k": "2"], 1)])
        query.set("y > 0", [(["k": "1"], 1), (["k": "2"], 1)])
        let failures = m.evaluateAll(at: 0)
        XCTAssertEqual(failures.map(\.message), ["exceeded limit of 1 with 2 series", "exceeded limit of 1 with 2 alerts"])
        XCTAssertTrue(m.activeAlerts.isEmpty, "an exceeded alert limit clears the alerts")
        query.set("x", [(["__name__": "x", "k": "1"], 1)])
        query.set("y > 0", [(["__name__": "y1"], 1)])
        XCTAssertTrue(m.evaluateAll(at: 60_000).isEmpty)
        XCTAssertEqual(m.groups[0].rules[0].lastError, nil)

        query.set("x", [(["__name__": "x1"], 1)])
        query.set("y > 0", [(["__name__": "y1"], 1), (["__name__": "y2"], 2)])
        let duplicate = try manager("""
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: y > 0
            """, query: query).evaluateAll(at: 0)
        XCTAssertEqual(duplicate.map(\.message), ["vector contains metrics with the same labelset after applying alert labels"])
    }

    func testQueryOffsetShiftsQueriesAndSamples() throws {
        let text = """
            groups:
              - name: g
                query_offset: 30s
                rules:
                  - record: r
                    expr: x
            """
        let query = FakeQuery(), storage = MemoryStorage()
        let m = try manager(text, query: query, storage: storage)
        query.set("x", [(["__name__": "x"], 7)])
        m.evaluateAll(at: 120_000)
        XCTAssertEqual(query.calls.map(\.t), [90_000])
        XCTAssertEqual(try RuleFixtures.samples(storage, ["__name__": "r"]).map(\.t), [90_000])
    }

    func testSchedulingFollowsSlotsAndSkipsMissedIterations() throws {
        let query = FakeQuery(), clock = ManualClock(milliseconds: 10_000)
        let m = try manager(downRule, query: query, clock: clock)
        m.start()
        XCTAssertEqual(m.groups[0].nextEvaluation, 15_000, "first slot after the start")
        XCTAssertTrue(m.runDue().isEmpty)
        XCTAssertTrue(query.calls.isEmpty)
        clock.set(milliseconds: 15_000)
        m.runDue()
        XCTAssertEqual(query.calls.map(\.t), [15_000])
        clock.set(milliseconds: 80_000)
        m.runDue()
        XCTAssertEqual(query.calls.map(\.t), [15_000, 75_000], "missed slots are skipped; the latest one runs")
        XCTAssertEqual(m.groups[0].nextEvaluation, 90_000)

        var options = m.options
        options.alignByGroupHash = true
        let aligned = RuleManager(options: options)
        try aligned.load([try RuleFixtures.ruleFile(downRule)])
        let group = aligned.groups[0]
        XCTAssertTrue((0..<group.interval).contains(group.hashOffset))
        aligned.start()
        let next = try XCTUnwrap(group.nextEvaluation)
        XCTAssertEqual((next - group.hashOffset) % group.interval, 0)
        XCTAssertGreaterThan(next, 80_000)
    }

    func testTemplatesSeeExternalLabelsAndFailuresRenderAsErrors() throws {
        let text = """
            groups:
              - name: g
                rules:
                  - alert: T
                    expr: x > 0
                    labels:
                      owner: "{{ $labels.team }}"
                      empty: "{{ $labels.nothing }}"
                    annotations:
                      where: "{{ $externalLabels.cluster }} {{ $externalURL }}"
                      pct: "{{ $value | humanizePercentage }}"
                      bad: "{{ index $value 1 }}"
            """
        let query = FakeQuery()
        var options = RuleManagerOptions(query: query.function, storage: MemoryStorage(), clock: ManualClock(milliseconds: 0))
        options.externalLabels = ["cluster": "eu-1"]
        options.externalURL = "http://prom:9090"
        let m = RuleManager(options: options)
        try m.load([try RuleFixtures.ruleFile(text)])
        query.set("x > 0", [(["__name__": "x", "team": "db"], 0.1234)])
        m.evaluateAll(at: 0)
        let alert = try XCTUnwrap(m.activeAlerts.first)
        XCTAssertEqual(alert.labels, ["alertname": "T", "team": "db", "owner": "db"], "empty label values are dropped")
        XCTAssertEqual(alert.annotation("where"), "eu-1 http://prom:9090")
        XCTAssertEqual(alert.annotation("pct"), "12.34%")
        XCTAssertTrue(alert.annotation("bad")?.hasPrefix("<error expanding template: ") ?? false,
                      alert.annotation("bad") ?? "nil")
        XCTAssertEqual(alert.generatorURL, "http://prom:9090/graph?g0.expr=x+%3E+0&g0.tab=1")
    }

    func testReloadKeepsAlertState() throws {
        let query = FakeQuery()
        let m = try manager(downRule, query: query)
        query.set("up == 0", [(upDown, 0)])
        m.evaluateAll(at: 0)
        try m.load([try RuleFixtures.ruleFile(downRule)])
        m.evaluateAll(at: 60_000)
        XCTAssertEqual(m.activeAlerts.first?.state, .firing, "the pending state survived the reload")
    }
}
