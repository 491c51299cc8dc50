import Diagnostics

/// The process exit status, following promtool: 0 ok, 1 failure or errors found,
/// 2 usage error, 3 lint findings with `--lint-fatal`.
struct ExitCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int32

    init(rawValue: Int32) { self.rawValue = rawValue }

    /// Everything went well (warnings may have been printed).
    static let success = ExitCode(rawValue: 0)
    /// The command failed or found errors in its inputs.
    static let failure = ExitCode(rawValue: 1)
    /// The command line could not be understood.
    static let usageError = ExitCode(rawValue: 2)
    /// Only lint findings (warnings), and `--lint-fatal` was given.
    static let lintFindings = ExitCode(rawValue: 3)

    var description: String { String(rawValue) }

    /// The exit code for a finished check: errors → 1, warnings with `lintFatal` → 3, otherwise 0.
    static func forReport(_ report: DiagnosticReport, lintFatal: Bool) -> ExitCode {
        if report.errorCount > 0 { return .failure }
        if lintFatal, report.warningCount > 0 { return .lintFindings }
        return .success
    }
}
