import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's I/O as values, so commands and the frame can be tested without a real terminal:
/// results go to ``out(_:)`` (stdout), diagnostics and errors to ``err(_:)`` (stderr).
struct Console: Sendable {
    /// Writes to standard output.
    let writeOut: @Sendable (String) -> Void
    /// Writes to standard error.
    let writeErr: @Sendable (String) -> Void
    /// Reads standard input up to a byte limit; throws if the input is longer.
    let readInput: @Sendable (_ limit: Int) throws -> Data
    let environment: [String: String]
    let stdoutIsTerminal: Bool
    let stderrIsTerminal: Bool

    init(writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void,
         readInput: @escaping @Sendable (Int) throws -> Data = { _ in Data() },
         environment: [String: String] = [:], stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readInput = readInput
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
    }

    func out(_ text: String) { writeOut(text) }
    func err(_ text: String) { writeErr(text) }

    // MARK: - Colours

    /// Whether colours are disabled by the environment: `NO_COLOR` set to anything non-empty
    /// (https://no-color.org), or `TERM=dumb`.
    var colorsDisabled: Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return true }
        return environment["TERM"] == "dumb"
    }

    /// Whether to colour what goes to stderr.
    var colorsOnStderr: Bool { stderrIsTerminal && !colorsDisabled }
    /// Whether to colour what goes to stdout.
    var colorsOnStdout: Bool { stdoutIsTerminal && !colorsDisabled }

    // MARK: - The real process

    /// Standard output, standard error and standard input of this process.
    static func standard() -> Console {
        Console(
            writeOut: { text in try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) },
            writeErr: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) },
            readInput: { limit in try readAll(FileHandle.standardInput, limit: limit) },
            environment: ProcessInfo.processInfo.environment,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1
        )
    }

    /// Reads `handle` to its end, failing once more than `limit` bytes arrive.
    static func readAll(_ handle: FileHandle, limit: Int) throws -> Data {
        var data = Data()
        while true {
            guard let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > limit {
                throw CLIError.failure("input is larger than the limit of \(limit) bytes")
            }
        }
    }
}
