/// The command tree of labctl. To add a command group, write a `XCommand.swift` with a
/// `static let spec = CommandSpec(...)` and add it to `commands` below.
enum CommandTable {
    /// The top-level commands, in the order help lists them.
    static let commands: [CommandSpec] = [
        LabsCommand.spec,
        InitCommand.spec,
        GradeCommand.spec,
        StudentsCommand.spec,
        CheckCommand.spec,
        PromQLCommand.spec,
        TestCommand.spec,
        QueryCommand.spec,
        ServeCommand.spec,
        UpCommand.spec,
        AlertmanagerCommand.spec,
        DemoAppCommand.spec,
        LoadCommand.spec,
        HelpCommand.spec,
        VersionCommand.spec,
        CompletionCommand.spec,
    ]

    /// The root command, `labctl`.
    static let root = CommandSpec(
        name: "labctl",
        summary: "Toolchain for Prometheus + Grafana monitoring labs",
        discussion: """
        labctl scaffolds the course's labs, validates their files like promtool and amtool (with
        file:line:col on every message, lints and cross-file wiring checks), and runs PromQL, rules and
        Alertmanager routing in-process.
        Exit codes: 0 ok, 1 errors found or failure, 2 usage error, 3 lint findings with --lint-fatal.
        """,
        examples: [
            .init("labctl check lab --example lab7", "Scaffold the built-in Lab 7 and check every file and its wiring"),
            .init("labctl init lab3 mi-lab3 && labctl check lab mi-lab3", "Start Lab 3 in mi-lab3, then check it"),
            .init("labctl promql check 'sum by (job) (rate(http_requests_total[5m]))'", "Check a PromQL expression"),
            .init("labctl test rules tests.yml", "Run promtool-style rule unit tests"),
            .init("source <(labctl completion bash)", "Enable shell completion"),
        ],
        subcommands: commands
    )
}
