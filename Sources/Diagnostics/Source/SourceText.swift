/// The text of one input file, split into lines for quoting in diagnostics.
///
/// Lines are split on LF; a CR before the LF is dropped so CRLF files quote cleanly.
public struct SourceText: Sendable, Hashable {
    /// The file name as the user gave it.
    public let file: String
    /// The full text.
    public let text: String
    private let lines: [Substring]

    public init(file: String, text: String) {
        self.file = file
        self.text = text
        self.lines = Self.splitLines(text)
    }

    /// Splits on LF bytes, dropping a CR before each LF. (Swift treats CRLF as one `Character`,
    /// so splitting by characters would not see the LF.)
    private static func splitLines(_ text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        func add(_ end: String.Index) {
            var last = end
            if last > start, bytes[bytes.index(before: last)] == 0x0D { last = bytes.index(before: last) }
            lines.append(Substring(bytes[start..<last]))
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                add(index)
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        add(bytes.endIndex)
        return lines
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
