import ConfigModel
import Diagnostics
import Foundation

/// The shared shape of `labctl check alertmanager|compose|dashboard|datasources`: read every input
/// (`-` is standard input), run one checker per input, print the report, pick the exit code.
enum ConfigFileCheck {
    /// `--lint none|all`.
    static let lintOption = OptionSpec.option(
        "lint", valueName: "MODE", help: "Lint checks to run besides validation", choices: ["none", "all"],
        defaultValue: "all")

    /// The options every config check takes.
    static let options: [OptionSpec] = [.diagnosticFormat, lintOption, .lintFatal]

    /// Checks `text` (read from `file`) and returns its diagnostics; `lint` tells whether to add lints.
    typealias Checker = @Sendable (_ text: String, _ file: String, _ lint: Bool) -> [Diagnostic]

    /// Runs `checker` on every input; an input that is plainly another kind of file than `expected`
    /// gets one ``FileKindGuess`` error instead.
    static func run(_ arguments: ParsedArguments, _ console: Console, expected: FileKindGuess? = nil,
                    checker: Checker) throws -> ExitCode {
        let lint = arguments.value(lintOption.long) != "none"
        let sources = SourceCache()
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let inputs = arguments.inputs()
        let progress = ProgressLine(console, "labctl check")
        defer { progress.finish() }
        for (i, input) in inputs.enumerated() {
            progress.update("labctl check: \(input.displayName) (\(i + 1)/\(inputs.count))")
            let source = try input.read(using: console)
            sources.register(source)
            files.append(source.file)
            if let expected, let wrong = FileKindGuess.mismatch(text: source.text, file: source.file, expected: expected) {
                diagnostics.append(wrong)
                continue
            }
            diagnostics += checker(source.text, source.file, lint)
        }
        progress.finish()
        let report = DiagnosticReport(files: files, diagnostics: diagnostics)
        return console.emit(report, format: arguments.diagnosticFormat,
                            lintFatal: arguments.flag(OptionSpec.lintFatal.long), sources: sources,
                            language: arguments.language(console, near: files))
    }
}
