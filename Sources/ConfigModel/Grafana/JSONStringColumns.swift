/// Where each byte of a decoded JSON string came from in the source line: the map from UTF-8 offsets
/// of the decoded value to columns of the raw string literal, so that a position found in the value
/// (a PromQL syntax error in a dashboard's `expr`) points at the right character of the file even
/// when the literal holds escapes (`{job=\"api\"}`, `\u00e9`, `\/`).
///
/// Built by re-scanning the literal from its opening quote; JSON strings cannot span lines.
public struct JSONStringColumns: Sendable, Hashable {
    /// `columns[i]`: the 1-based column of the raw character that produced decoded byte `i`;
    /// the last entry is the column of the closing quote.
    public let columns: [Int]

    /// The longest literal scanned, in Unicode scalars.
    public static let maxScalars = 1 << 20

    /// Scans the literal that opens with `"` at 1-based `column` of `line` (columns count Unicode
    /// scalars, as ``SourceLocation`` does). `nil` when no well-formed literal starts there.
    public init?(line: Substring, column: Int) {
        self.init(scalars: Self.scalars(of: line), column: column)
    }

    /// The scalars of `line` that ``init(scalars:column:)`` looks at (at most ``maxScalars``).
    /// Callers scanning many literals of one line (a minified dashboard) compute them once.
    public static func scalars(of line: Substring) -> [Unicode.Scalar] {
        Array(line.unicodeScalars.prefix(maxScalars))
    }

    /// Scans the literal that opens with `"` at 1-based `column` of a line given as its scalars
    /// (``scalars(of:)``). `nil` when no well-formed literal starts there.
    public init?(scalars: [Unicode.Scalar], column: Int) {
        let start = column - 1
        guard start >= 0, start < scalars.count, scalars[start] == "\"" else { return nil }
        var columns: [Int] = []
        var i = start + 1
        while i < scalars.count {
            let scalar = scalars[i]
            let here = i + 1
            if scalar == "\"" {
                columns.append(here)
                self.columns = columns
                return
            }
            guard scalar == "\\" else {
                columns += Array(repeating: here, count: String(scalar).utf8.count)
                i += 1
                continue
            }
            guard i + 1 < scalars.count else { return nil }
            let escaped = scalars[i + 1]
            if escaped == "u" {
                guard let (value, length) = Self.unicodeEscape(scalars, at: i) else { return nil }
                columns += Array(repeating: here, count: value.map { String($0).utf8.count } ?? 3)
                i += length
            } else {
                guard "\"\\/bfnrt".unicodeScalars.contains(escaped) else { return nil }
                columns.append(here)
                i += 2
            }
        }
        return nil
    }

    /// The column of decoded byte `offset` (the closing quote's for offsets at or past the end).
    public func column(ofDecoded offset: Int) -> Int {
        guard let last = columns.last else { return 0 }
        guard offset >= 0 else { return columns.first ?? last }
        return offset < columns.count ? columns[offset] : last
    }

    /// Decoded length in UTF-8 bytes.
    public var decodedCount: Int { max(columns.count - 1, 0) }

    // MARK: - \u escapes

    /// The scalar of `\uXXXX` (or of a `\uD8xx\uDCxx` surrogate pair) at `i`, and the raw length;
    /// a lone surrogate decodes to U+FFFD (`nil` scalar: 3 UTF-8 bytes).
    private static func unicodeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar?, Int)? {
        guard let high = hex4(scalars, at: i + 2) else { return nil }
        if (0xD800..<0xDC00).contains(high), i + 11 < scalars.count, scalars[i + 6] == "\\", scalars[i + 7] == "u",
           let low = hex4(scalars, at: i + 8), (0xDC00..<0xE000).contains(low) {
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return (Unicode.Scalar(UInt32(value)), 12)
        }
        return (Unicode.Scalar(UInt32(high)), 6)
    }

    private static func hex4(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        guard i >= 0, i + 4 <= scalars.count else { return nil }
        var value = 0
        for k in i..<(i + 4) {
            guard let digit = Int(String(scalars[k]), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return value
    }
}
