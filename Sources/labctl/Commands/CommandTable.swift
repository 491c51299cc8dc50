/// The command tree of labctl. To add a command group, write a `XCommand.swift` with a
/// `static let spec = CommandSpec(...)` and add it to `commands` below.
enum CommandTable {
    /// The top-level commands, in the order help lists them.
    static let commands: [CommandSpec] = [
        LabsCommand.spec,
        InitCommand.spec,
        StudentsCommand.spec,
        CheckCommand.spec,
        PromQLCommand.spec,
        TestCommand.spec,
        QueryCommand.spec,
        AlertmanagerCommand.spec,
        HelpCommand.spec,
        VersionCommand.spec,
        CompletionCommand.spec,
    ]

    /// The root command, `labctl`.
    static let root = CommandSpec(
        name: "labctl",
        summary: "Toolchain for Prometheus + Grafana monitoring labs",
        discussion: """
        labctl validates lab files like promtool and amtool, with file:line:col on every message.
        Exit codes: 0 ok, 1 errors found or failure, 2 usage error, 3 lint findings with --lint-fatal.
        """,
        examples: [
            .init("labctl --help", "Show this help"),
            .init("labctl help completion", "Show help for a command"),
            .init("source <(labctl completion bash)", "Enable shell completion"),
        ],
        subcommands: commands
    )
}
