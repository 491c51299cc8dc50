import Diagnostics
import Foundation

/// Where a command reads one input from: a file, or standard input for the argument `-`.
enum InputSource: Hashable, Sendable {
    case file(String)
    case standardInput

    /// The largest input read, in bytes.
    static let maxSize = 64 << 20

    init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name used in diagnostics: the path, or `<stdin>`.
    var displayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        }
    }

    /// Reads the whole input as UTF-8 text (invalid bytes become U+FFFD).
    /// Throws a failure ``CLIError`` for missing, unreadable or oversized inputs.
    func read(using console: Console) throws -> SourceText {
        SourceText(file: displayName, text: try readText(using: console))
    }

    /// Reads the whole input as UTF-8 text (invalid bytes become U+FFFD), at most `limit` bytes,
    /// without splitting it into lines for quoting (see ``read(using:)``).
    /// Throws a failure ``CLIError`` for missing, unreadable or oversized inputs.
    /// Decodes the data read straight into the string, so a large data file is held twice at most
    /// while it is read, not three times.
    func readText(using console: Console, limit: Int = InputSource.maxSize) throws -> String {
        String(decoding: try readData(using: console, limit: limit), as: UTF8.self)
    }

    /// Reads the whole input as bytes (for binary formats), at most `limit` bytes.
    /// Throws a failure ``CLIError`` for missing, unreadable or oversized inputs.
    func readBytes(using console: Console, limit: Int = InputSource.maxSize) throws -> [UInt8] {
        [UInt8](try readData(using: console, limit: limit))
    }

    private func readData(using console: Console, limit: Int) throws -> Data {
        let data: Data
        switch self {
        case .standardInput:
            data = try console.readInput(limit)
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.failure("\(path): no such file")
            }
            guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
                throw CLIError.failure("\(path): cannot read (is it a directory or unreadable?)")
            }
            defer { try? handle.close() }
            data = try Console.readAll(handle, limit: limit)
        }
        return data
    }
}
