/// `labctl test …`: runs test scripts. Subcommands live in their own files (`TestPromQLCommand`, …).
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        summary: "Run test scripts (PromQL engine scripts, rule unit tests)",
        discussion: "Exit codes: 0 all passed, 1 a test failed, 2 usage or script syntax error.",
        examples: [
            .init("labctl test promql tests/*.test", "Run PromQL test scripts"),
            .init("labctl test rules tests/*_test.yml", "Run promtool rule unit tests"),
        ],
        subcommands: [
            TestPromQLCommand.spec,
            TestRulesCommand.spec,
        ]
    )
}
