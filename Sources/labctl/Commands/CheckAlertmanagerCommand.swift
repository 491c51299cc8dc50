import ConfigModel

/// `labctl check alertmanager FILE...`: validates alertmanager.yml files like `amtool check-config`.
enum CheckAlertmanagerCommand {
    static let spec = CommandSpec(
        name: "alertmanager",
        summary: "Check Alertmanager configuration files",
        discussion: """
        Validates like amtool check-config (strict keys, routes, receivers and their global fallbacks,
        matchers, inhibit rules, time intervals) and reports every problem with file:line:col.
        Lints (unused receivers, group_by without alertname, repeat_interval < group_interval) are warnings.
        """,
        examples: [
            .init("labctl check alertmanager alertmanager/alertmanager.yml", "Check a file"),
            .init("labctl check alertmanager --format json - < alertmanager.yml", "Check standard input as JSON"),
        ],
        options: ConfigFileCheck.options,
        positionals: [.files()],
        run: { arguments, console in
            try ConfigFileCheck.run(arguments, console, expected: .alertmanager) { text, file, lint in
                AlertmanagerConfig.check(text: text, file: file, lint: lint)
            }
        }
    )
}
