/// `labctl check …`: validate lab files.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Validate lab files",
        subcommands: [
            CheckAlertmanagerCommand.spec,
            CheckComposeCommand.spec,
            CheckDashboardCommand.spec,
            CheckDatasourcesCommand.spec,
        ]
    )
}
