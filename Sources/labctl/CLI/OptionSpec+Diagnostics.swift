import Diagnostics

// MARK: - Options shared by commands that report diagnostics

extension OptionSpec {
    /// `-f, --format text|json|junit` for commands that print diagnostics.
    static let diagnosticFormat = OptionSpec.option(
        "format", short: "f", valueName: "FORMAT", help: "Output format for diagnostics",
        choices: DiagnosticFormat.names, defaultValue: DiagnosticFormat.text.rawValue)

    /// `--lint-fatal`: exit 3 when only lint findings (warnings) were found.
    static let lintFatal = OptionSpec.flag("lint-fatal", help: "Exit with 3 if there are lint findings")
}

extension ParsedArguments {
    /// The `--format` chosen, `text` if absent.
    var diagnosticFormat: DiagnosticFormat {
        value(OptionSpec.diagnosticFormat.long).flatMap(DiagnosticFormat.init(rawValue:)) ?? .text
    }
}
