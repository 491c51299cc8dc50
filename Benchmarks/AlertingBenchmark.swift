import ConfigModel
import Foundation
import PromModel
import Runtime

/// `labctl-bench alerting`: alerts routed per second on a 50-route tree, and dispatch throughput
/// (routing + grouping + flushing into an in-memory notifier) with a manual clock.
enum AlertingBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = arguments.first.flatMap(Int.init) ?? 200_000
        let (config, diagnostics) = AlertmanagerConfig.load(text: configText(), file: "bench.yml").parts
        guard let config, let routeConfig = config.route, !diagnostics.contains(where: { $0.severity == .error }) else {
            print("alerting: generated config is invalid: \(diagnostics.map(\.description))")
            return
        }
        let root = AlertRoute(config: routeConfig)
        print("alerting: \(root.allRoutes.count) routes, \(count) label sets")
        let labelSets = (0..<count).map(labels)
        var matched = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for l in labelSets { matched += root.match(l).count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "route matching: %.0f alerts/s (%.2f µs/alert, %d leaf matches)",
                     Double(count) / seconds, seconds / Double(count) * 1e6, matched))

        let clock = ManualClock(Date(timeIntervalSince1970: 1_700_000_000))
        let memory = MemoryNotifier()
        var limits = DispatcherLimits()
        limits.maxAlerts = count
        let dispatcher = try Dispatcher(config: config, clock: clock, notifier: memory, limits: limits)
        let alerts = labelSets.prefix(50_000).map { Alert(labels: $0, startsAt: clock.now, endsAt: clock.now.addingTimeInterval(3600)) }
        let receiveStart = DispatchTime.now().uptimeNanoseconds
        for chunk in stride(from: 0, to: alerts.count, by: 1000) {
            dispatcher.receive(Array(alerts[chunk..<min(chunk + 1000, alerts.count)]))
        }
        let receiveSeconds = Double(DispatchTime.now().uptimeNanoseconds - receiveStart) / 1e9
        let flushStart = DispatchTime.now().uptimeNanoseconds
        let flushes = dispatcher.advance(to: clock.now.addingTimeInterval(60))
        let flushSeconds = Double(DispatchTime.now().uptimeNanoseconds - flushStart) / 1e9
        print(String(format: "dispatch: received %d alerts in %.2f s (%.0f alerts/s), %d groups",
                     alerts.count, receiveSeconds, Double(alerts.count) / receiveSeconds, dispatcher.alertGroups.count))
        print(String(format: "flush: %d flushes, %d notifications in %.2f s", flushes, memory.notifications.count,
                     flushSeconds))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("max RSS: \(usage.ru_maxrss / 1024) MB")
    }

    /// 10 teams × (critical, warning, regex, negative) children plus team-level routes: 51 routes.
    static func configText() -> String {
        var yaml = "route:\n  receiver: default\n  group_by: [alertname, team]\n  group_wait: 30s\n  routes:\n"
        for t in 0..<10 {
            yaml += """
                - matchers: ['team="team\(t)"']
                  receiver: team\(t)
                  routes:
                    - matchers: ['severity="critical"']
                      receiver: team\(t)-pager
                      continue: true
                    - match_re: {service: "api\(t)|web\(t)"}
                      receiver: team\(t)
                    - matchers: ['env!="prod"', 'severity=~"warning|info"']
                      receiver: team\(t)
                    - matchers: ['instance=~"host-\(t)[0-9]+:9100"']
                      receiver: team\(t)

            """
        }
        yaml += "receivers:\n  - name: default\n    webhook_configs: [{url: 'http://127.0.0.1:9/'}]\n"
        for t in 0..<10 {
            yaml += "  - name: team\(t)\n    webhook_configs: [{url: 'http://127.0.0.1:9/'}]\n"
            yaml += "  - name: team\(t)-pager\n    webhook_configs: [{url: 'http://127.0.0.1:9/'}]\n"
        }
        return yaml
    }

    static func labels(_ i: Int) -> Labels {
        let severities = ["critical", "warning", "info"]
        return Labels([
            Label("alertname", "Alert\(i % 37)"), Label("team", "team\(i % 12)"),
            Label("severity", severities[i % 3]), Label("service", ["api", "web", "db"][i % 3] + "\(i % 10)"),
            Label("env", i % 5 == 0 ? "dev" : "prod"), Label("instance", "host-\(i % 10)\(i % 97):9100"),
        ])
    }
}
