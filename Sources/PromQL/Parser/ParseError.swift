/// One parse or type error with its position in the query.
public struct ParseIssue: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Byte range in the query.
    public var span: SourceSpan
    /// 1-based line of `span.start`.
    public var line: Int
    /// 1-based column of `span.start` in bytes, as Prometheus counts.
    public var column: Int
    /// labctl's hints on the likely fix (``message`` stays Prometheus's text; these become notes).
    public var hints: [String]

    public init(message: String, span: SourceSpan, line: Int, column: Int, hints: [String] = []) {
        self.message = message
        self.span = span
        self.line = line
        self.column = column
        self.hints = hints
    }

    /// `line:col: parse error: message`, exactly as Prometheus's `ParseErr` prints.
    public var description: String { "\(line):\(column): parse error: \(message)" }
}

/// The errors of a failed parse, in the order found. Printing shows the first, as Prometheus does.
public struct ParseErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [ParseIssue]
    /// The query that failed.
    public var query: String

    /// The errors found in `query`, in source order.
    public init(issues: [ParseIssue], query: String) {
        self.issues = issues
        self.query = query
    }

    /// The first issue, which Prometheus reports.
    public var first: ParseIssue? { issues.first }

    public var description: String { issues.first?.description ?? "error contains no error message" }
}

/// Maps byte offsets to 1-based lines and columns.
public struct LineMap: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        lineStarts = starts
    }

    /// 1-based line and byte column of `offset` (clamped to the text).
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let o = Swift.max(0, Swift.min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, o - lineStarts[lo] + 1)
    }

    /// 1-based column of `offset` counted in Unicode scalars (for editor-facing diagnostics).
    public func scalarColumn(of offset: Int) -> Int {
        let (line, _) = position(of: offset)
        let lineStart = lineStarts[line - 1]
        let o = Swift.max(lineStart, Swift.min(offset, bytes.count))
        var count = 0
        for i in lineStart..<o where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count + 1
    }
}
