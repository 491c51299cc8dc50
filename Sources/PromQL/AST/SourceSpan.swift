/// A half-open byte range `[start, end)` in the query text. Line and column are derived with `LineMap`.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The span from the start of `a` to the end of `b`.
    public static func merge(_ a: SourceSpan, _ b: SourceSpan) -> SourceSpan {
        SourceSpan(start: Swift.min(a.start, b.start), end: Swift.max(a.end, b.end))
    }

    /// The span used when positions are stripped for structural comparison.
    public static let none = SourceSpan(start: 0, end: 0)

    public var description: String { "\(start)..<\(end)" }
}
