import ConfigModel
import Foundation

/// `labctl-bench templates`: alert annotations rendered per second (parse + execute, as Prometheus
/// does on every evaluation, and execute only), and an Alertmanager notification subject.
enum TemplateBenchmark {
    static let annotation = """
    Instance {{ $labels.instance }} of job {{ $labels.job }} has been down for more than 5 minutes. \
    Value: {{ $value | humanize }} ({{ printf "%.2f" $value }}), {{ if gt $value 80.0 }}critical{{ else }}warning{{ end }}.
    """

    static func run() throws {
        let labels = ["instance": "node-12.example.com:9100", "job": "node", "severity": "page"]
        let sample = try PrometheusTemplates.expandAlertField(annotation, labels: labels, value: 91.234)
        print("templates: typical annotation → \(sample)")

        let fullRate = try measure { i in
            _ = try PrometheusTemplates.expandAlertField(annotation, labels: labels, value: Double(i % 200))
        }
        print(String(format: "parse + execute: %.0f renders/s", fullRate))

        let template = try Template.parse(annotation, name: "__alert_Down", functions: PrometheusTemplates.functions(),
                                          predeclaredVariables: PrometheusTemplates.alertVariables)
        let executeRate = try measure { i in
            let value = Double(i % 200)
            _ = try template.execute(data: PrometheusTemplates.alertData(labels: labels, externalLabels: [:], externalURL: "", value: value),
                                     variables: [("$labels", .stringMap(labels)), ("$externalLabels", .stringMap([:])),
                                                 ("$externalURL", .string("")), ("$value", .float(value))],
                                     options: PrometheusTemplates.executionOptions)
        }
        print(String(format: "execute only:    %.0f renders/s", executeRate))

        let set = try AlertmanagerTemplates.defaultTemplate()
        let alerts = (0..<10).map { i in
            AlertmanagerTemplateData.Alert(status: i < 7 ? "firing" : "resolved",
                                           labels: ["alertname": "HighLoad", "instance": "node-\(i):9100", "severity": "page"],
                                           annotations: ["summary": "load is high on node-\(i)"])
        }
        let data = AlertmanagerTemplateData(receiver: "ops", alerts: alerts, groupLabels: ["alertname": "HighLoad"],
                                            externalURL: "http://alertmanager:9093")
        let slackRate = try measure { _ in
            _ = try AlertmanagerTemplates.expand("{{ template \"slack.default.title\" . }}\n{{ template \"slack.default.text\" . }}",
                                                 data: data, in: set)
        }
        print(String(format: "alertmanager slack title+text (10 alerts): %.0f renders/s", slackRate))

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("max RSS: \(usage.ru_maxrss / 1024) MB")
    }

    /// Runs `body` for about half a second and returns calls per second.
    private static func measure(_ body: (Int) throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        var elapsed: UInt64 = 0
        repeat {
            for _ in 0..<100 {
                try body(count)
                count += 1
            }
            elapsed = DispatchTime.now().uptimeNanoseconds - start
        } while elapsed < 500_000_000
        return Double(count) / (Double(elapsed) / 1e9)
    }
}
