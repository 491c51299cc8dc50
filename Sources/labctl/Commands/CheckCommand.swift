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
        0 ok (warnings may be printed), 1 errors found, 3 only lint findings with --lint-fatal
        (check metrics: on any lint finding, as promtool check metrics).
        --lang es|en picks the language of messages and notes (default: LANG, then the language
        `labctl init --lang` recorded for the lab, else English); codes and positions never change.
        """,
        examples: [
            .init("labctl check config prometheus/prometheus.yml", "Check a config and the rule files it names"),
            .init("labctl check rules alert_rules.yml --format json", "Check rules, JSON output"),
            .init("labctl check lab . --lang es", "Check the lab in this directory, messages in Spanish"),
        ],
        options: [.inheritedLanguage],
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
        let inputs = arguments.inputs()
        let progress = ProgressLine(console, "labctl check")
        defer { progress.finish() }
        for (i, input) in inputs.enumerated() {
            progress.update("labctl check: \(input.displayName) (\(i + 1)/\(inputs.count))")
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
        progress.finish()
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
                            lintFatal: arguments.flag(OptionSpec.lintFatal.long), sources: SourceCache(sources),
                            language: arguments.language(console, near: outcome.files))
    }
}
