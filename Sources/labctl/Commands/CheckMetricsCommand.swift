import Diagnostics
import Exposition
import Runtime

/// `labctl check metrics [FILE...]`: lints Prometheus/OpenMetrics exposition text like
/// `promtool check metrics`.
///
/// Exit codes follow promtool: 0 when clean, 3 when there are lint problems (no flag needed),
/// 1 when an input cannot be read or parsed. Registered under the `check` group as `metrics`.
enum CheckMetricsCommand {
    static let spec = CommandSpec(
        name: "metrics",
        summary: "Lint metrics exposition text like promtool check metrics",
        discussion: """
        Reads the text format (or OpenMetrics) from each FILE, or from standard input when no FILE or
        '-' is given, and reports parse errors and promlint's problems (missing HELP, counters without
        _total, non-base units, camelCase names, ...) with file:line:col.
        Exit codes, as promtool: 0 no problems, 3 lint problems, 1 parse errors or unreadable input.
        """,
        examples: [
            .init("curl -s localhost:9100/metrics | labctl check metrics", "Lint a live endpoint"),
            .init("labctl check metrics metrics.prom", "Lint a saved exposition"),
            .init("labctl check metrics --format json metrics.prom", "The findings as JSON"),
        ],
        options: [.diagnosticFormat],
        positionals: [.files(help: "Exposition files to lint; - or none reads standard input.", arity: .zeroOrMore)],
        run: run
    )

    /// The diagnostic code for an input that cannot be read.
    static let unreadableCode = "input/unreadable"

    @Sendable static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        var inputs = arguments.inputs()
        if inputs.isEmpty { inputs = [.standardInput] }
        let sources = SourceCache()
        var diagnostics: [Diagnostic] = []
        let linter = MetricsLinter()
        let progress = ProgressLine(console, "labctl check metrics")
        defer { progress.finish() }
        for (i, input) in inputs.enumerated() {
            progress.update("labctl check metrics: \(input.displayName) (\(i + 1)/\(inputs.count))")
            do {
                // Text or the protobuf exposition format (told apart by the bytes).
                let bytes = try input.readBytes(using: console)
                let found = linter.lint(bytes: bytes, file: input.displayName)
                // The text is split into lines for quoting only when there is something to quote.
                if !found.isEmpty, !ProtobufExpositionParser.looksLikeProtobuf(bytes) {
                    sources.register(SourceText(file: input.displayName, text: String(decoding: bytes, as: UTF8.self)))
                }
                diagnostics += found
            } catch let error as CLIError {
                diagnostics.append(.error(unreadableCode, error.message))
            }
        }
        progress.finish()
        let report = DiagnosticReport(files: inputs.map(\.displayName), diagnostics: diagnostics)
        return console.emit(report, format: arguments.diagnosticFormat, lintFatal: true, sources: sources,
                            language: arguments.language(console, near: inputs.map(\.displayName)))
    }
}
