import ConfigModel

/// `labctl check dashboard FILE...`: validates Grafana dashboard JSON.
enum CheckDashboardCommand {
    static let datasourcesOption = OptionSpec.option(
        "datasources", valueName: "FILE", help: "Datasource provisioning file that references must resolve against",
        repeatable: true)

    static let spec = CommandSpec(
        name: "dashboard",
        summary: "Check Grafana dashboard JSON files",
        discussion: """
        Checks title/uid/schemaVersion, unique panel ids, the 24-column grid and overlaps, rows, template
        variables, datasource references and every target's PromQL after substituting Grafana variables
        ($__rate_interval, ${var}, [[var]]…). Lints follow Grafana's dashboard-linter.
        """,
        examples: [
            .init("labctl check dashboard grafana/dashboards/api.json", "Check a dashboard"),
            .init("labctl check dashboard --datasources grafana/provisioning/datasources/prometheus.yml d.json",
                  "Also resolve datasource references"),
        ],
        options: ConfigFileCheck.options + [datasourcesOption],
        positionals: [.files()],
        run: { arguments, console in
            var provisioned: [GrafanaDatasource]?
            for path in arguments.values(datasourcesOption.long) {
                let (file, diagnostics) = GrafanaProvisioning.load(path: path).parts
                guard let file, !diagnostics.contains(where: { $0.severity == .error }) else {
                    throw CLIError.failure("\(path): not a valid datasource provisioning file "
                                           + "(run labctl check datasources \(path))")
                }
                provisioned = (provisioned ?? []) + file.datasources
            }
            return try ConfigFileCheck.run(arguments, console, expected: .dashboard) { [provisioned] text, file, lint in
                GrafanaDashboard.check(text: text, file: file, datasources: provisioned, lint: lint)
            }
        }
    )
}
