/// A fast reader for the plain block-style YAML that configuration files are made of, feeding the same
/// ``YAMLTreeBuilder`` as the libyaml event loop.
///
/// libyaml scans at about 40–50 MB/s; most lab files use a small, regular part of YAML (block mappings
/// and sequences, one-line plain and quoted scalars, one-line flow sequences, `|`/`>` block scalars,
/// comments) that can be read several times faster. This reader accepts exactly that part and produces
/// the events libyaml would (same values, styles and marks), so trees, positions and diagnostics are
/// identical. On anything else — anchors, aliases, tags, multi-line scalars, several documents, tabs,
/// CR line breaks, errors of any kind — it gives up (``Bail``) and the caller parses the whole input
/// again with libyaml, so every unusual or broken input keeps libyaml's behaviour and messages.
struct YAMLBlockReader {
    /// The input is outside what this reader handles.
    struct Bail: Error {}

    typealias Position = (line: Int32, column: Int32)

    let p: UnsafePointer<UInt8>
    let n: Int
    /// Whether every byte is ASCII (columns are then byte offsets).
    let ascii: Bool
    /// The cursor.
    var i = 0
    /// The 1-based line of `lineStart`, the line holding the cursor.
    var line: Int32 = 1
    var lineStart = 0
    var builder: YAMLTreeBuilder
    /// Strings of recently read scalars, reused when the same bytes come again.
    var strings = YAMLStringCache()

    /// Reads `source` into documents, or returns `nil` when it must be parsed by libyaml instead.
    static func read(_ source: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) -> YAMLParseResult? {
        guard let base = source.baseAddress, source.count > 0,
              UTF8Scanner.firstInvalidOffset(source) == nil,
              let ascii = eligibility(source) else { return nil }
        var reader = YAMLBlockReader(p: base, n: source.count, ascii: ascii,
                                     builder: YAMLTreeBuilder(file: file, limits: limits, source: source))
        do {
            try reader.document()
        } catch {
            return nil
        }
        return YAMLParseResult(documents: reader.builder.documents, diagnostics: reader.builder.diagnostics)
    }

    /// `nil` when a byte or line rules the fast reader out, else whether the input is pure ASCII.
    ///
    /// Ruled out: tabs, CR, control characters, DEL, C1 controls and NEL, the Unicode line and
    /// paragraph separators, byte-order marks, U+FFFE/U+FFFF; lines starting with `---`, `...` or `%`;
    /// a last line without a line break that holds no content (libyaml's marks differ there).
    static func eligibility(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count
        var ascii = true
        var k = 0
        var lineStart = true
        while k < n {
            // Eight printable ASCII bytes at a time (no line break, so no line start inside).
            if !lineStart {
                while k + 8 <= n, isPrintableASCII(UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)) {
                    k += 8
                }
                guard k < n else { break }
            }
            let c = p[k]
            if lineStart {
                lineStart = false
                if c == UInt8(ascii: "%") { return nil }
                if (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")), k + 2 < n, p[k + 1] == c, p[k + 2] == c,
                   k + 3 == n || p[k + 3] == 0x20 || p[k + 3] == 0x0A {
                    return nil
                }
            }
            if c >= 0x20 && c < 0x7F {
                k += 1
                continue
            }
            if c == 0x0A {
                lineStart = true
                k += 1
                continue
            }
            if c < 0x80 { return nil }
            ascii = false
            // Valid UTF-8 was checked, so the bytes after a lead byte exist.
            if c == 0xC2, p[k + 1] < 0xA0 { return nil }
            if c == 0xE2, p[k + 1] == 0x80, p[k + 2] == 0xA8 || p[k + 2] == 0xA9 { return nil }
            if c == 0xEF, p[k + 1] == 0xBB, p[k + 2] == 0xBF { return nil }
            if c == 0xEF, p[k + 1] == 0xBF, p[k + 2] == 0xBE || p[k + 2] == 0xBF { return nil }
            k += 1
        }
        if p[n - 1] != 0x0A {
            var start = n
            while start > 0, p[start - 1] != 0x0A { start -= 1 }
            while start < n, p[start] == 0x20 { start += 1 }
            if start == n || p[start] == UInt8(ascii: "#") { return nil }
        }
        return ascii
    }

    /// Whether all eight bytes of `word` are in 0x20...0x7E (SWAR: no byte below 0x20, none with the
    /// high bit, none equal to 0x7F). Wrapping operations are the bit trick itself.
    @inline(__always) static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let del = word ^ (ones &* 0x7F)
        let isDel = (del &- ones) & ~del & highs
        return (word & highs) | below20 | isDel == 0
    }

    // MARK: - Bytes and positions

    /// The byte at `k`, or 0 past the end (NUL never occurs in accepted input).
    @inline(__always) func byte(_ k: Int) -> UInt8 { k < n ? p[k] : 0 }

    /// Whether `k` holds a space or a line break, or is the end.
    @inline(__always) func isBlankOrEnd(_ k: Int) -> Bool {
        let c = byte(k)
        return c == 0x20 || c == 0x0A || c == 0
    }

    /// Whether a block sequence entry (`-` then a blank) starts at `k`.
    @inline(__always) func isEntry(_ k: Int) -> Bool {
        byte(k) == UInt8(ascii: "-") && isBlankOrEnd(k + 1)
    }

    /// The 0-based column of `k`, which is on the cursor's line.
    func column(_ k: Int) -> Int {
        if ascii { return k - lineStart }
        var count = 0
        var j = lineStart
        while j < k {
            if p[j] & 0xC0 != 0x80 { count += 1 }
            j += 1
        }
        return count
    }

    /// The builder position (1-based) of `k`, which is on the cursor's line.
    func position(_ k: Int) -> Position {
        (line, Int32(clamping: column(k) + 1))
    }

    /// Where libyaml puts the end of the stream: the start of the line after the last one.
    var endOfStream: Position {
        (line + (lineStart < n ? 1 : 0), 1)
    }

    /// The text of the bytes `from..<to`, through ``strings``.
    mutating func text(_ from: Int, _ to: Int) -> String {
        strings.string(p + from, count: to - from)
    }

    /// The offset of the next line break at or after `k`, or `n`.
    func lineEnd(from k: Int) -> Int {
        var j = k
        while j < n, p[j] != 0x0A { j += 1 }
        return j
    }

    // MARK: - Lines

    /// Moves past the line break at the cursor to the next line.
    @inline(__always) mutating func newLine() {
        i += 1
        line += 1
        lineStart = i
    }

    /// From a line start, skips blank and comment-only lines; the cursor ends on the first character of
    /// the next content line, or at the end.
    mutating func skipLines() {
        while true {
            while byte(i) == 0x20 { i += 1 }
            let c = byte(i)
            if c == 0x0A {
                newLine()
            } else if c == UInt8(ascii: "#") {
                i = lineEnd(from: i)
                if i >= n { return }
                newLine()
            } else {
                return
            }
        }
    }

    /// After a token: the rest of the line must be spaces and an optional comment; then moves to the
    /// next content line (or the end).
    mutating func finishLine() throws {
        while byte(i) == 0x20 { i += 1 }
        var c = byte(i)
        if c == UInt8(ascii: "#") {
            i = lineEnd(from: i)
            c = byte(i)
        }
        if i >= n { return }
        guard c == 0x0A else { throw Bail() }
        newLine()
        skipLines()
    }

    // MARK: - Builder calls

    mutating func emit(_ value: String, _ style: YAMLScalar.Style, _ start: Position, _ end: Position) throws {
        guard builder.addScalar(value, style: style, start: start, end: end) else { throw Bail() }
    }

    mutating func open(mapping: Bool, at start: Position) throws {
        guard builder.openCollection(isMapping: mapping, start: start) else { throw Bail() }
    }

    mutating func close(at end: Position) throws {
        guard builder.close(end: end) else { throw Bail() }
    }

    // MARK: - Structure

    /// The single document: a block mapping or sequence.
    mutating func document() throws {
        skipLines()
        guard i < n else { throw Bail() }
        builder.beginDocument()
        try blockCollection(indent: column(i))
        guard i >= n else { throw Bail() }
        let end = endOfStream
        builder.endDocument(start: end, end: end)
    }

    /// A block sequence or mapping whose first token is at the cursor, at column `indent`.
    mutating func blockCollection(indent: Int) throws {
        if isEntry(i) {
            try sequence(indent: indent, indentless: false)
        } else {
            try mapping(indent: indent)
        }
    }

    /// A block mapping at column `indent`; the cursor is on its first key. Returns with the cursor on
    /// the next content line (or at the end).
    mutating func mapping(indent: Int) throws {
        try open(mapping: true, at: position(i))
        while true {
            try key()
            try value(parent: indent, empty: position(i), inMapping: true)
            if i >= n { return try close(at: endOfStream) }
            let c = column(i)
            if c == indent {
                if isEntry(i) { throw Bail() }
                continue
            }
            if c < indent { return try close(at: position(i)) }
            throw Bail()
        }
    }

    /// A block sequence whose entries start at column `indent`; `indentless` when it is a mapping value
    /// written at the mapping's own indentation.
    mutating func sequence(indent: Int, indentless: Bool) throws {
        try open(mapping: false, at: position(i))
        while true {
            let afterDash = position(i + 1)
            i += 1
            while byte(i) == 0x20 { i += 1 }
            let c = byte(i)
            if c == 0x0A || c == 0 || c == UInt8(ascii: "#") {
                try finishLine()
                if i < n, column(i) > indent {
                    try blockCollection(indent: column(i))
                } else {
                    try emit("", .plain, afterDash, afterDash)
                }
            } else if isEntry(i) {
                throw Bail()
            } else if startsKey(i) {
                try mapping(indent: column(i))
            } else {
                try inlineValue(parent: indent)
            }
            if i >= n { return try close(at: endOfStream) }
            let col = column(i)
            if col == indent, isEntry(i) { continue }
            if col < indent || (indentless && col == indent) { return try close(at: position(i)) }
            throw Bail()
        }
    }

    /// The value after a mapping's `:` (cursor just after it) or an empty `-` entry; `parent` is the
    /// column of the enclosing collection, `empty` where an absent value is placed.
    mutating func value(parent: Int, empty: Position, inMapping: Bool) throws {
        while byte(i) == 0x20 { i += 1 }
        let c = byte(i)
        guard c == 0x0A || c == 0 || c == UInt8(ascii: "#") else { return try inlineValue(parent: parent) }
        try finishLine()
        if i < n {
            let col = column(i)
            if col > parent { return try blockCollection(indent: col) }
            if inMapping, col == parent, isEntry(i) { return try sequence(indent: parent, indentless: true) }
        }
        try emit("", .plain, empty, empty)
    }

    /// A value that starts on the current line at the cursor.
    mutating func inlineValue(parent: Int) throws {
        switch byte(i) {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try blockScalar(parent: parent)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            let start = position(i)
            let (value, style, end) = try quoted()
            try emit(value, style, start, position(end))
            i = end
        case UInt8(ascii: "["):
            try flowSequence()
        case UInt8(ascii: "{"):
            try emptyFlowMapping()
        default:
            guard plainCanStart(i) else { throw Bail() }
            try plain()
        }
        try finishLine()
    }

    // MARK: - Keys

    /// Whether a plain or quoted key (text then `:` and a blank) starts at `k`, on one line.
    func startsKey(_ k: Int) -> Bool {
        let c = byte(k)
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            var j = k + 1
            while true {
                let d = byte(j)
                if d == 0 || d == 0x0A { return false }
                if d == UInt8(ascii: "\\"), c == UInt8(ascii: "\"") {
                    j += 2
                    continue
                }
                if d == c {
                    if c == UInt8(ascii: "'"), byte(j + 1) == c {
                        j += 2
                        continue
                    }
                    break
                }
                j += 1
            }
            j += 1
            while byte(j) == 0x20 { j += 1 }
            return byte(j) == UInt8(ascii: ":") && isBlankOrEnd(j + 1)
        }
        guard plainCanStart(k) else { return false }
        var j = k
        while true {
            let d = byte(j)
            if d == 0x0A || d == 0 { return false }
            if d == UInt8(ascii: ":"), isBlankOrEnd(j + 1) { return true }
            if d == UInt8(ascii: "#"), byte(j - 1) == 0x20 { return false }
            j += 1
        }
    }

    /// A key at the cursor, then its `:`; the cursor ends just after the `:`.
    mutating func key() throws {
        let start = position(i)
        let c = byte(i)
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            let (value, style, end) = try quoted()
            var j = end
            while byte(j) == 0x20 { j += 1 }
            guard byte(j) == UInt8(ascii: ":"), isBlankOrEnd(j + 1), j - i <= 1000 else { throw Bail() }
            try emit(value, style, start, position(end))
            i = j + 1
            return
        }
        guard plainCanStart(i) else { throw Bail() }
        var j = i, last = i
        while true {
            let d = byte(j)
            if d == 0x0A || d == 0 { throw Bail() }
            if d == UInt8(ascii: ":"), isBlankOrEnd(j + 1) { break }
            if d == UInt8(ascii: "#"), byte(j - 1) == 0x20 { throw Bail() }
            if d != 0x20 { last = j + 1 }
            j += 1
        }
        guard j - i <= 1000 else { throw Bail() }
        try emit(text(i, last), .plain, start, position(last))
        i = j + 1
    }
}
