/// Why a series description was rejected, with the byte offset in the parsed text.
public struct SeriesDescriptionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// 0-based byte offset of the problem in the text that was parsed.
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// 1-based byte column (for `file:line:col` diagnostics).
    public var column: Int { offset + 1 }

    /// `col N: message`.
    public var description: String { "col \(column): \(message)" }
}
