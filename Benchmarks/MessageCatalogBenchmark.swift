import Diagnostics
import Foundation

/// `labctl-bench messages`: diagnostics translated to Spanish per second by ``MessageCatalog``, on the
/// messages `check lab` gives a lab with the commonest mistakes (a report of `count` diagnostics,
/// default 10 000), against rendering the same report in English.
enum MessageCatalogBenchmark {
    static func run(_ arguments: [String]) {
        let count = arguments.first.flatMap { Int($0) }.map { max(1, min($0, 1_000_000)) } ?? 10_000
        let samples: [Diagnostic] = [
            .error("lab/unknown-host", "Alertmanager target \"alertmanger:9093\": no compose service, container_name or network alias "
                   + "is called \"alertmanger\" (did you mean \"alertmanager\"?)"),
            .warning("lab/unknown-metric", "rule \"HighErrorRate\" queries http_request_total, which no scrape job produces (jobs: "
                     + "alertmanager (Alertmanager), cadvisor (cAdvisor), fastapi (the app's metrics)) (did you mean \"http_requests_total\"?)"),
            .error("promql/parse-error", "group \"system_alerts\", rule 2, \"HighMemoryUsage\": could not parse expression: unexpected \"=\""),
            .warning("rules/rate-on-non-counter", "rate() on \"http_requests_active\", which is not a counter by its name (counters end "
                     + "in _total); use deriv() or delta() for gauges"),
            .error("yaml/invalid-value", "invalid duration \"1min\" for for: not a valid duration string: \"1min\""),
            .warning("nobody/knows", "a message without an entry stays in English"),
        ]
        let diagnostics = (0..<count).map { i -> Diagnostic in
            var d = samples[i % samples.count]
            d.location = SourceLocation(file: "lab/file\(i % 50).yml", line: i % 400 + 1, column: 3)
            return d
        }
        let report = DiagnosticReport(files: (0..<50).map { "lab/file\($0).yml" }, diagnostics: diagnostics)
        let catalog = MessageCatalog.standard
        for (name, work) in [
            ("render en", { _ = TextDiagnosticRenderer().render(report) }),
            ("localize es", { _ = catalog.localized(report, in: .es) }),
            ("localize+render es", { _ = TextDiagnosticRenderer(options: .init(language: .es)).render(catalog.localized(report, in: .es)) }),
        ] as [(String, () -> Void)] {
            let start = DispatchTime.now().uptimeNanoseconds
            var runs = 0
            var elapsed: UInt64 = 0
            repeat {
                work()
                runs += 1
                elapsed = DispatchTime.now().uptimeNanoseconds - start
            } while elapsed < 1_000_000_000
            let perSecond = Double(runs * count) / (Double(elapsed) / 1e9)
            print(name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%12.0f diagnostics/s", perSecond))
        }
    }
}
