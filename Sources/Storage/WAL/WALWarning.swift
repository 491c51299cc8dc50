/// Something replay found and repaired or skipped: where and why.
public struct WALWarning: Hashable, Sendable, CustomStringConvertible {
    /// The segment or checkpoint file.
    public var file: String
    /// Byte offset of the first record that was not used.
    public var offset: Int
    /// What was wrong and what was done about it.
    public var reason: String

    public init(file: String, offset: Int, reason: String) {
        self.file = file
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(file): offset \(offset): \(reason)" }
}
