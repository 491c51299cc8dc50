/// An error a command reports to the user: a usage error (exit 2) or a failure (exit 1).
///
/// Commands throw these from their `run` closure; ``CommandRunner`` prints the message on stderr
/// as `labctl: error: …` and exits with ``exitCode``. Any other error thrown is a failure.
struct CLIError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case usage
        case failure
    }

    private let kind: Kind
    /// The message, without the `labctl: error:` prefix.
    let message: String
    /// The command the usage error is about (for the "see --help" hint), root first.
    let commandPath: [String]

    private init(_ kind: Kind, _ message: String, commandPath: [String]) {
        self.kind = kind
        self.message = message
        self.commandPath = commandPath
    }

    /// The command line is wrong: unknown option or command, missing or extra argument.
    static func usage(_ message: String, commandPath: [String] = []) -> CLIError {
        CLIError(.usage, message, commandPath: commandPath)
    }

    /// The command could not do its job (unreadable file, …).
    static func failure(_ message: String) -> CLIError {
        CLIError(.failure, message, commandPath: [])
    }

    var isUsageError: Bool { kind == .usage }

    var exitCode: ExitCode { kind == .usage ? .usageError : .failure }

    var description: String { message }
}
