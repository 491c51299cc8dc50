import Diagnostics

// MARK: - Printing a check's diagnostics

extension Console {
    /// Prints `report` and returns the exit code for it (see ``ExitCode/forReport(_:lintFatal:)``).
    ///
    /// Text goes to stderr, with the offending source line and colours when stderr is a terminal
    /// (colours never with `NO_COLOR`), and a summary line. JSON and JUnit are results and go to stdout.
    /// Messages and notes are in `language` (``MessageCatalog``); codes and positions are the same in both.
    func emit(_ report: DiagnosticReport, format: DiagnosticFormat, lintFatal: Bool,
              sources: SourceCache, language: Language = .en) -> ExitCode {
        let report = MessageCatalog.standard.localized(report, in: language)
        switch format {
        case .text:
            let options = TextDiagnosticRenderer.Options(
                showSource: stderrIsTerminal, colors: colorsOnStderr, showSummary: true, language: language)
            err(TextDiagnosticRenderer(options: options, sources: sources).render(report))
        case .json:
            out(JSONDiagnosticRenderer().render(report))
        case .junit:
            out(JUnitDiagnosticRenderer(warningsAreFailures: lintFatal).render(report))
        }
        return .forReport(report, lintFatal: lintFatal)
    }
}
