/// One lexed token: its kind and the byte range it covers in the query.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    /// Byte offset of the first byte.
    public var start: Int
    /// Byte offset after the last byte.
    public var end: Int

    public init(kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The byte range as a span.
    public var span: SourceSpan { SourceSpan(start: start, end: end) }
}
