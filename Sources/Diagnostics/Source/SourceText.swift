/// The text of one input file, split into lines for quoting in diagnostics.
///
/// Lines are split on `\n`; a trailing `\r` is dropped so CRLF files quote cleanly.
public struct SourceText: Sendable, Hashable {
    /// The file name as the user gave it.
    public let file: String
    /// The full text.
    public let text: String
    private let lines: [Substring]

    public init(file: String, text: String) {
        self.file = file
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// Number of lines (a final newline does not start an extra line).
    public var lineCount: Int {
        if lines.last?.isEmpty == true { return max(0, lines.count - 1) }
        return lines.count
    }

    /// The 1-based `number`th line without its terminator, or `nil` when out of range.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineCount else { return nil }
        return lines[number - 1]
    }
}
