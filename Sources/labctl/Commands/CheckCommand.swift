import ConfigModel
import Diagnostics

/// `labctl check …`: validate lab files like promtool/amtool. Each subcommand lives in its own
/// `Check<Name>Command.swift`; add new ones to `subcommands` below.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Validate lab files (Prometheus config, rules, Alertmanager, compose, Grafana, metrics)",
        discussion: """
        Every message is file:line:col: severity: [code] message. Exit codes follow promtool:
        0 ok (warnings may be printed), 1 errors found, 3 only lint findings with --lint-fatal.
        """,
        examples: [
            .init("labctl check config prometheus/prometheus.yml", "Check a config and the rule files it names"),
            .init("labctl check rules alert_rules.yml --format json", "Check rules, JSON output"),
        ],
        subcommands: [
            CheckConfigCommand.spec,
            CheckRulesCommand.spec,
            CheckAlertmanagerCommand.spec,
            CheckComposeCommand.spec,
            CheckDashboardCommand.spec,
            CheckDatasourcesCommand.spec,
            CheckMetricsCommand.spec,
            CheckLabCommand.spec,
            CheckLabSpecCommand.spec,
            CheckLintsCommand.spec,
        ]
    )

    // MARK: - Options shared by check subcommands

    /// `--lint none|all`. labctl's default is `all` (promtool's is `duplicate-rules`): lab files are
    /// written by students, who benefit from every warning; `--lint none` gives promtool's silence.
    static let lintOption = OptionSpec.option(
        "lint", valueName: "LINT", help: "Lints to run: all (default) or none",
        choices: ["all", "none", "duplicate-rules"], defaultValue: "all")

    /// Whether lints are enabled by `--lint`.
    static func lintEnabled(_ arguments: ParsedArguments) -> Bool {
        arguments.value(lintOption.long) != "none"
    }

    /// Reads every input (`-` is standard input) and runs `check` on it, except that an input that is
    /// plainly another kind of file than `expected` gets one ``FileKindGuess`` error instead; then
    /// renders the findings and returns the exit code.
    ///
    /// The guess is only made when the check found errors: a file of another kind always has a
    /// top-level key the expected kind does not allow (an error), so a clean check means the guess would
    /// find nothing — and a clean file is then parsed once, not twice.
    static func run(_ arguments: ParsedArguments, _ console: Console, expected: FileKindGuess,
                    check: (InputSource, SourceText) -> CheckOutcome) throws -> ExitCode {
        var outcome = CheckOutcome()
        var sources: [SourceText] = []
        for input in arguments.inputs() {
            let source = try input.read(using: console)
            sources.append(source)
            let checked = check(input, source)
            if checked.hasErrors,
               let wrong = FileKindGuess.mismatch(text: source.text, file: source.file, expected: expected) {
                outcome.merge(CheckOutcome(files: [source.file], diagnostics: [wrong]))
            } else {
                outcome.merge(checked)
            }
        }
        return emit(outcome, sources: sources, arguments: arguments, console: console)
    }

    /// Renders the findings of a check and returns the exit code.
    static func emit(_ outcome: CheckOutcome, sources: [SourceText], arguments: ParsedArguments,
                     console: Console) -> ExitCode {
        var diagnostics = outcome.diagnostics
        if arguments.value(lintOption.long) == "duplicate-rules" {
            diagnostics = diagnostics.filter { $0.severity == .error || $0.code == DuplicateRuleLint.code }
        }
        let report = DiagnosticReport(files: outcome.files, diagnostics: diagnostics)
        return console.emit(report, format: arguments.diagnosticFormat,
                            lintFatal: arguments.flag(OptionSpec.lintFatal.long), sources: SourceCache(sources))
    }
}
