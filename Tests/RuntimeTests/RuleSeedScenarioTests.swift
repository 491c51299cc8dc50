import ConfigModel
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// The course's Lab 7 alert rules and Lab 8 recording rules (fixtures typed from the seed) driven by
/// the rule manager with the real engine, an in-memory store fed every 15s, and a manual clock.
/// Groups run every 30s at exact multiples (no hash offset), the first evaluation 30s after start.
final class RuleSeedScenarioTests: XCTestCase {
    /// A store fed by a sample generator every 15s and a manager evaluating on a manual clock.
    private final class Scenario {
        let storage = MemoryStorage()
        let clock = ManualClock(milliseconds: 0)
        let sink = AlertSink()
        let manager: RuleManager
        let generate: (Int64) -> [(Labels, Double)]
        private var fedUntil: Int64 = -1

        init(generate: @escaping (Int64) -> [(Labels, Double)]) throws {
            self.generate = generate
            let root = RuleTestFixtureTests.fixtures.appendingPathComponent("seed")
            var files: [RuleFile] = []
            for name in ["alert_rules.yml", "recording_rules.yml"] {
                let loaded = RuleFile.load(path: root.appendingPathComponent(name).path)
                XCTAssertTrue(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
                files.append(try XCTUnwrap(loaded.value))
            }
            var options = RuleManagerOptions(query: Engine().ruleQuery(over: storage), storage: storage,
                                             clock: clock, notify: sink.notify)
            options.alignByGroupHash = false
            manager = RuleManager(options: options)
            try manager.load(files)
            manager.start()
        }

        /// Moves time forward to `t` in 15s steps, feeding samples and running due evaluations at each
        /// step, like a server running all along.
        func run(until t: Int64) {
            var step = clock.milliseconds
            while step < t {
                step = min(t, step + 15_000 - step % 15_000)
                tick(step)
            }
        }

        private func tick(_ t: Int64) {
            var next = fedUntil + 1
            if next % 15_000 != 0 { next += 15_000 - next % 15_000 }
            while next <= t {
                let appender = storage.appender()
                for (labels, v) in generate(next) { _ = try? appender.append(labels, t: next, v: v) }
                try? appender.commit()
                fedUntil = next
                next += 15_000
            }
            clock.set(milliseconds: t)
            XCTAssertTrue(manager.runDue().isEmpty)
        }

        func alert(_ name: String) -> RuleAlert? {
            manager.activeAlerts.first { $0.ruleName == name }
        }
    }

    func testServiceDownGoesPendingThenFiresAfterOneMinute() throws {
        let up: Labels = ["__name__": "up", "job": "fastapi", "instance": "api:8000"]
        let s = try Scenario { t in [(up, t <= 120_000 ? 1 : 0)] }
        s.run(until: 120_000)
        XCTAssertNil(s.alert("ServiceDown"))
        s.run(until: 150_000)
        XCTAssertEqual(s.alert("ServiceDown")?.state, .pending)
        s.run(until: 180_000)
        XCTAssertEqual(s.alert("ServiceDown")?.state, .pending)
        XCTAssertTrue(s.sink.drain().isEmpty, "nothing is sent while pending")
        s.run(until: 210_000)
        let alert = try XCTUnwrap(s.alert("ServiceDown"))
        XCTAssertEqual(alert.state, .firing)
        XCTAssertEqual(alert.activeAt, 150_000)
        XCTAssertEqual(alert.firedAt, 210_000)
        XCTAssertEqual(alert.labels, ["alertname": "ServiceDown", "job": "fastapi", "instance": "api:8000",
                                      "severity": "critical"])
        XCTAssertEqual(alert.annotation("summary"), "Servicio fastapi caído")
        XCTAssertEqual(alert.annotation("description"), "El servicio fastapi no responde desde hace más de 1 minuto")
        let sent = s.sink.drain()
        XCTAssertEqual(sent.map(\.ruleName), ["ServiceDown"])
        XCTAssertEqual(sent.first?.startsAt, 210_000)
    }

    func testHighErrorRateFiresAfterTwoMinutesAndNotBefore() throws {
        let ok: Labels = ["__name__": "http_requests_total", "job": "fastapi", "endpoint": "/do_work", "status": "200"]
        let failed: Labels = ["__name__": "http_requests_total", "job": "fastapi", "endpoint": "/do_work", "status": "500"]
        // 1 request/s, 20% of them failing.
        let s = try Scenario { t in [(ok, Double(t / 15_000) * 12), (failed, Double(t / 15_000) * 3)] }
        s.run(until: 30_000)
        XCTAssertEqual(s.alert("HighErrorRate")?.state, .pending)
        for t in stride(from: Int64(60_000), through: 120_000, by: 30_000) {
            s.run(until: t)
            XCTAssertEqual(s.alert("HighErrorRate")?.state, .pending, "not firing at \(t / 1000)s")
        }
        s.run(until: 150_000)
        let alert = try XCTUnwrap(s.alert("HighErrorRate"))
        XCTAssertEqual(alert.state, .firing, "2m after it became pending")
        XCTAssertEqual(alert.annotation("description"), "Tasa de error es 20% (>5%)")
        XCTAssertEqual(alert.labels, ["alertname": "HighErrorRate", "severity": "warning"])
        XCTAssertNil(s.alert("ServiceDown"))

        let ratio = try RuleFixtures.samples(s.storage, ["__name__": "job:http_error_rate:ratio"])
        XCTAssertEqual(try XCTUnwrap(ratio.last).v, 0.2, accuracy: 1e-9)
    }

    func testHighLatencyFiresAfterFiveMinutes() throws {
        func bucket(_ le: String) -> Labels {
            ["__name__": "http_request_duration_seconds_bucket", "job": "fastapi", "le": le]
        }
        // Every request takes between 1s and 2.5s: p95 = 1 + 1.5 × 0.95.
        let s = try Scenario { t in
            let n = Double(t / 15_000) * 10
            return [(bucket("0.5"), 0), (bucket("1"), 0), (bucket("2.5"), n), (bucket("+Inf"), n)]
        }
        s.run(until: 30_000)
        XCTAssertEqual(s.alert("HighLatency")?.state, .pending)
        s.run(until: 300_000)
        XCTAssertEqual(s.alert("HighLatency")?.state, .pending, "4m30s pending: not yet")
        s.run(until: 330_000)
        let alert = try XCTUnwrap(s.alert("HighLatency"))
        XCTAssertEqual(alert.state, .firing)
        XCTAssertEqual(alert.value, 2.425, accuracy: 1e-9)
        XCTAssertEqual(alert.annotation("description"), "Latencia p95 es 2.425s (>1s)")
        let p95 = try RuleFixtures.samples(s.storage, ["__name__": "job:http_latency:p95"])
        XCTAssertEqual(try XCTUnwrap(p95.last).v, 2.425, accuracy: 1e-9)
    }

    func testRecoveryResolvesAndSendsEndsAt() throws {
        let up: Labels = ["__name__": "up", "job": "fastapi", "instance": "api:8000"]
        let s = try Scenario { t in [(up, (60_000...240_000).contains(t) ? 0 : 1)] }
        s.run(until: 150_000)
        XCTAssertEqual(s.alert("ServiceDown")?.state, .firing)
        _ = s.sink.drain()
        s.run(until: 270_000)
        XCTAssertNil(s.alert("ServiceDown"))
        let sent = s.sink.drain().filter { $0.ruleName == "ServiceDown" }
        XCTAssertEqual(sent.filter { $0.state == .firing }.map(\.lastSentAt), [210_000], "resent after the 1m resend delay")
        let resolved = sent.filter { $0.state != .firing }
        XCTAssertEqual(resolved.count, 1)
        XCTAssertEqual(resolved.first?.state, .inactive)
        XCTAssertEqual(resolved.first?.endsAt, 270_000)
        let firing: Labels = ["__name__": "ALERTS", "alertname": "ServiceDown", "alertstate": "firing",
                              "instance": "api:8000", "job": "fastapi", "severity": "critical"]
        XCTAssertTrue(isStaleNaN(try XCTUnwrap(try RuleFixtures.samples(s.storage, firing).last).v))
    }
}
