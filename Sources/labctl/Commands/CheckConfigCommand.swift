import ConfigModel
import Diagnostics
import Foundation

/// `labctl check config FILE...`: checks Prometheus configs and the rule files they reference.
enum CheckConfigCommand {
    static let syntaxOnly = OptionSpec.flag(
        "syntax-only", help: "Only check the config's syntax; do not read rule files or other referenced files")

    static let spec = CommandSpec(
        name: "config",
        summary: "Check Prometheus configuration files",
        discussion: """
        Validates prometheus.yml like `promtool check config`, but reports every error, each at its
        file:line:col. Rule files matched by rule_files (relative to the config's directory) are checked too.
        """,
        examples: [
            .init("labctl check config prometheus.yml", "Check a config and its rule files"),
            .init("labctl check config --syntax-only prometheus.yml", "Check only the config itself"),
        ],
        options: [.diagnosticFormat, CheckCommand.lintOption, .lintFatal, syntaxOnly],
        positionals: [.files(help: "Configuration files; - reads standard input.")],
        run: run
    )

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let check = PrometheusConfigCheck(lint: CheckCommand.lintEnabled(arguments),
                                          syntaxOnly: arguments.flag(syntaxOnly.long))
        return try CheckCommand.run(arguments, console, expected: .prometheusConfig) { input, source in
            let directory: String
            switch input {
            case .file(let path): directory = (path as NSString).deletingLastPathComponent
            case .standardInput: directory = FileManager.default.currentDirectoryPath
            }
            return check.run(text: source.text, file: source.file, directory: directory)
        }
    }
}
