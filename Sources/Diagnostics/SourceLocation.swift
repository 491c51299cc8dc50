/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, so a caret printed under
/// the source line lands on the right character for ASCII and for most UTF-8 text.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file the position is in, as the user named it (`-` or `<stdin>` for standard input).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form editors and CI annotate.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}

/// A half-open span of source text: `start` is the first character, `end` the one after the last.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A range that covers a single position.
    public init(_ location: SourceLocation) {
        self.start = location
        self.end = location
    }

    public var description: String { start.description }
}
