import ConfigModel

/// `labctl check datasources FILE...`: validates Grafana provisioning files (datasources or dashboard providers).
enum CheckDatasourcesCommand {
    static let spec = CommandSpec(
        name: "datasources",
        summary: "Check Grafana provisioning files (datasources, dashboard providers)",
        discussion: """
        Checks apiVersion, required keys, access, URLs, at most one default datasource per organization,
        unique names and uids; for dashboard providers, options.path and the provider type.
        """,
        examples: [.init("labctl check datasources grafana/provisioning/datasources/prometheus.yml", "Check a file")],
        options: ConfigFileCheck.options,
        positionals: [.files()],
        run: { arguments, console in
            try ConfigFileCheck.run(arguments, console, expected: .grafanaProvisioning) { text, file, _ in
                GrafanaProvisioning.check(text: text, file: file)
            }
        }
    )
}
