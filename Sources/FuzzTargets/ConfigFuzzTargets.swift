import ConfigModel

// The configuration files labctl checks, each decoded and validated as `labctl check` does (lints on).
// Referenced files are not read: the inputs stay self-contained and no path from the input is opened.

extension FuzzTarget {
    /// prometheus.yml, as `labctl check config --syntax-only`.
    public static let prometheusConfig = FuzzTarget(name: "prometheus-config",
                                                    summary: "prometheus.yml decoding and validation") { bytes in
        let text = FuzzInput.text(bytes)
        _ = PrometheusConfigCheck(lint: true, syntaxOnly: true).run(text: text, file: "prometheus.yml",
                                                                    directory: "/nonexistent/labctl-fuzz")
        return []
    }

    /// Rule files (`labctl check rules`) and PromQL answer files of labs.
    public static let ruleFile = FuzzTarget(name: "rule-file", summary: "rule file and PromQL answer file checks") { bytes in
        let text = FuzzInput.text(bytes)
        _ = RuleFileCheck(lint: true).run(text: text, file: "rules.yml")
        _ = PromQLAnswerFile.check(text: text, file: "promql/lab.yml")
        return []
    }

    /// alertmanager.yml, as `labctl check alertmanager`.
    public static let alertmanagerConfig = FuzzTarget(name: "alertmanager-config",
                                                      summary: "alertmanager.yml decoding and validation") { bytes in
        _ = AlertmanagerConfig.check(text: FuzzInput.text(bytes), file: "alertmanager.yml", lint: true)
        return []
    }

    /// docker-compose.yml, as `labctl check compose`.
    public static let compose = FuzzTarget(name: "compose", summary: "compose file decoding and validation") { bytes in
        _ = ComposeFile.check(text: FuzzInput.text(bytes), file: "docker-compose.yml")
        return []
    }

    /// Grafana dashboards (`labctl check dashboard`) and provisioning files (`labctl check datasources`).
    public static let dashboard = FuzzTarget(name: "dashboard",
                                             summary: "Grafana dashboard and provisioning checks") { bytes in
        let text = FuzzInput.text(bytes)
        _ = GrafanaDashboard.check(text: text, file: "dashboard.json", lint: true)
        _ = GrafanaProvisioning.check(text: text, file: "provisioning.yml")
        return []
    }
}
