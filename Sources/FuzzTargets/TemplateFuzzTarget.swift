import ConfigModel

extension FuzzTarget {
    /// Go text/template as Prometheus alert annotations and Alertmanager notifications use it: parsed,
    /// then executed over fixed alert data (with the default notification templates loaded).
    public static let template = FuzzTarget(name: "template", summary: "Go text/template parser and executor") { bytes in
        let text = FuzzInput.text(bytes)
        let labels = ["alertname": "HighErrorRate", "job": "api", "instance": "api:8000", "severity": "critical"]
        _ = try? PrometheusTemplates.expandAlertField(text, labels: labels, externalLabels: ["lab": "lab7"],
                                                      externalURL: "http://prometheus:9090", value: 0.25)
        _ = PrometheusTemplates.checkSyntax(text)
        let alert = AlertmanagerTemplateData.Alert(status: "firing", labels: labels,
                                                   annotations: ["summary": "errors", "description": "5% errors"],
                                                   generatorURL: "http://prometheus:9090/graph", fingerprint: "0f1e")
        let data = AlertmanagerTemplateData(receiver: "team", alerts: [alert], groupLabels: ["alertname": "HighErrorRate"],
                                            externalURL: "http://alertmanager:9093")
        if let defaults = alertmanagerDefaults, let set = try? defaults.adding(text, name: "fuzz.tmpl") {
            _ = try? AlertmanagerTemplates.expand("{{ template \"slack.default.text\" . }}", data: data, in: set)
            _ = try? AlertmanagerTemplates.expand(text, data: data, in: set)
        }
        return []
    }
}

/// Alertmanager's default notification templates, parsed once.
private let alertmanagerDefaults = try? AlertmanagerTemplates.defaultTemplate()
