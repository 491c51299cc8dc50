import ConfigModel
import Diagnostics
import PromModel

/// `labctl check rules FILE...`: checks Prometheus rule files.
enum CheckRulesCommand {
    static let scrapeInterval = OptionSpec.option(
        "scrape-interval", valueName: "DURATION",
        help: "Scrape interval assumed by interval-aware lints (default: Prometheus's 1m)")

    static let spec = CommandSpec(
        name: "rules",
        summary: "Check Prometheus rule files",
        discussion: """
        Validates rule files like `promtool check rules` (every error, each at its file:line:col): PromQL is
        parsed and type-checked, alert templates are checked. Lints warn about pint-style smells.
        """,
        examples: [
            .init("labctl check rules alert_rules.yml recording_rules.yml", "Check two rule files"),
            .init("cat rules.yml | labctl check rules -", "Check standard input"),
            .init("labctl check rules --scrape-interval 15s rules.yml", "Lint ranges against a 15s interval"),
        ],
        options: [.diagnosticFormat, CheckCommand.lintOption, .lintFatal, scrapeInterval],
        positionals: [.files(help: "Rule files; - reads standard input.")],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        var interval: PromModel.Duration?
        if let text = arguments.value(scrapeInterval.long) {
            do {
                interval = try PromModel.Duration.parse(text)
            } catch {
                throw CLIError.usage("invalid --scrape-interval \"\(text)\": \(error)",
                                     commandPath: arguments.path.map(\.name))
            }
        }
        let check = RuleFileCheck(lint: CheckCommand.lintEnabled(arguments), scrapeInterval: interval)
        return try CheckCommand.run(arguments, console, expected: .rules) { _, source in
            check.run(text: source.text, file: source.file)
        }
    }
}
