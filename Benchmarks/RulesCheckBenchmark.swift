import ConfigModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `labctl-bench rules-check [RULES]`: checks a generated rule file of RULES rules (default 10,000:
/// half recording, half alerting, 100 per group) with all lints, and prints rules/s, MB/s and peak RSS.
enum RulesCheckBenchmark {
    static func generate(rules: Int) -> String {
        var text = "groups:\n"
        text.reserveCapacity(rules * 260)
        for i in 0..<rules {
            if i % 100 == 0 { text += "  - name: group_\(i / 100)\n    interval: 30s\n    rules:\n" }
            if i % 2 == 0 {
                text += """
                      - record: job:http_requests_\(i):rate5m
                        expr: sum by (job, le) (rate(http_requests_\(i)_total{status=~"5..", job="api"}[5m]))
                        labels:
                          team: web

                """
            } else {
                text += """
                      - alert: HighErrorRate\(i)
                        expr: |
                          sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: "High error rate on {{ $labels.job }}"
                          description: "Error rate is {{ $value | humanizePercentage }}"

                """
            }
        }
        return text
    }

    static func run(_ arguments: [String]) {
        let count = arguments.first.flatMap(Int.init) ?? 10_000
        let text = generate(rules: count)
        let bytes = Double(text.utf8.count)
        let lines = Double(text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        let check = RuleFileCheck(lint: true, scrapeInterval: .seconds(15))
        var best = Double.infinity
        var found = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = check.run(text: text, file: "bench.yml")
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
            found = outcome.ruleCount
            if outcome.hasErrors { print("unexpected errors: \(outcome.diagnostics.prefix(3))") }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF_WHO, &usage)
        #if os(Linux)
        let peakMB = Double(usage.ru_maxrss) / 1024
        #else
        let peakMB = Double(usage.ru_maxrss) / 1_048_576
        #endif
        print("rules-check: \(found) rules, \(String(format: "%.2f", bytes / 1_048_576)) MB, best of 3: \(String(format: "%.3f", best)) s")
        print("  \(String(format: "%.0f", Double(found) / best)) rules/s, \(String(format: "%.2f", bytes / 1_048_576 / best)) MB/s, \(String(format: "%.0f", lines / best)) lines/s, files/s \(String(format: "%.2f", 1 / best)), peak RSS \(String(format: "%.1f", peakMB)) MB")
    }
}
