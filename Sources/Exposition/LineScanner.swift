import Diagnostics
import Foundation
import PromModel

/// A cursor over one line of an exposition, reading the tokens both formats share.
///
/// Works on the UTF-8 bytes of the input, valid only while the parse runs; positions are byte
/// offsets, converted to 1-based Unicode-scalar columns only when an error is built.
struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let lineStart: Int
    let end: Int
    let lineNumber: Int
    let file: String
    let format: ExpositionFormat
    var pos: Int

    init(bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, end: Int, lineNumber: Int, file: String, format: ExpositionFormat) {
        self.bytes = bytes
        self.lineStart = lineStart
        self.end = end
        self.lineNumber = lineNumber
        self.file = file
        self.format = format
        self.pos = lineStart
    }

    // MARK: - Positions and errors

    var atEnd: Bool { pos >= end }
    var peek: UInt8? { pos < end ? bytes[pos] : nil }

    func location(at p: Int) -> SourceLocation {
        var column = 1
        var i = lineStart
        while i < p, i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: lineNumber, column: column)
    }

    func error(_ code: String, _ message: String, at p: Int? = nil) -> ExpositionError {
        ExpositionError(code, message, at: location(at: p ?? pos))
    }

    /// A short printable rendering of the byte at the cursor, for messages.
    var found: String {
        guard let b = peek else { return "end of line" }
        if b == 32 { return "space" }
        if b == 9 { return "tab" }
        if b < 32 || b == 127 { return "control character 0x" + String(b, radix: 16) }
        var end = pos + 1
        while end < self.end, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "\"" + String(decoding: bytes[pos..<end], as: UTF8.self) + "\""
    }

    func text(_ from: Int, _ to: Int) -> String { String(decoding: slice(from, to), as: UTF8.self) }

    /// The bytes `from..<to` of the input.
    @inline(__always)
    func slice(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[from..<to])
    }

    // MARK: - Blanks

    /// Skips separators: any run of blanks and tabs in the text format; exactly one space in OpenMetrics.
    mutating func separator(_ what: String) throws {
        if format == .openMetrics {
            guard peek == 32 else { throw error("expected-token", "expected a space before \(what), found \(found)") }
            pos += 1
            if peek == 32 || peek == 9 { throw error("invalid-whitespace", "OpenMetrics allows a single space here") }
            return
        }
        guard peek == 32 || peek == 9 else { throw error("expected-token", "expected blank before \(what), found \(found)") }
        skipBlanks()
    }

    /// Skips blanks and tabs where the text format allows them (never in OpenMetrics).
    mutating func optionalBlanks() {
        if format == .prometheusText { skipBlanks() }
    }

    mutating func skipBlanks() {
        while let b = peek, b == 32 || b == 9 { pos += 1 }
    }

    // MARK: - Names

    /// `[a-zA-Z_]`, plus `:` with `colon`. (`b | 0x20` folds upper to lower case letters, and only them
    /// into `a...z`.)
    @inline(__always)
    static func isNameStart(_ b: UInt8, colon: Bool) -> Bool {
        (b | 0x20) &- 97 < 26 || b == 95 || (colon && b == 58)
    }

    /// `[a-zA-Z0-9_]`, plus `:` with `colon`: a bit test in a 128-bit set (`0-9` and `:` in the low
    /// word, letters and `_` in the high word), a few instructions per byte of a name.
    @inline(__always)
    static func isNameChar(_ b: UInt8, colon: Bool) -> Bool {
        let low: UInt64 = colon ? 0x07FF_0000_0000_0000 : 0x03FF_0000_0000_0000
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        let word = b < 64 ? low : (b < 128 ? high : 0)
        return (word >> UInt64(b & 63)) & 1 != 0
    }

    /// Reads a metric name `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    mutating func metricName() throws -> String {
        try name(colon: true, what: "metric name", code: "invalid-metric-name")
    }

    /// Reads a label name `[a-zA-Z_][a-zA-Z0-9_]*`.
    mutating func labelName() throws -> String {
        try name(colon: false, what: "label name", code: "invalid-label-name")
    }

    /// Reads a metric name of a sample line and the hash of its bytes; the string is `candidate`
    /// itself when spelled the same, else shared through `interner`.
    mutating func metricName(reusing candidate: String?, interner: inout StringInterner) throws -> (String, UInt64) {
        let start = pos
        try nameRange(colon: true, what: "metric name", code: "invalid-metric-name")
        let hash = ByteHash.hash(slice(start, pos))
        return (string(start, pos, hash: hash, reusing: candidate, interner: &interner), hash)
    }

    /// The text of `bytes[from..<to]`: `candidate` when it has exactly those bytes, else the
    /// interned string (`hash` is the bytes' `ByteHash`).
    @inline(__always)
    func string(_ from: Int, _ to: Int, hash: UInt64, reusing candidate: String?,
                interner: inout StringInterner) -> String {
        if let c = candidate, LineScanner.equal(c, slice(from, to)) { return c }
        return interner.string(slice(from, to), hash: hash)
    }

    /// The text of `bytes[from..<to]` as `string(_:_:hash:reusing:interner:)` gives it, and whether
    /// that is `candidate`.
    @inline(__always)
    func stringReusing(_ from: Int, _ to: Int, hash: UInt64, candidate: String?,
                       interner: inout StringInterner) -> (String, Bool) {
        if let c = candidate, LineScanner.equal(c, slice(from, to)) { return (c, true) }
        return (interner.string(slice(from, to), hash: hash), false)
    }

    /// Whether `s` has exactly the bytes of `bytes`.
    @inline(__always)
    static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.utf8.count == bytes.count else { return false }
        if let same = s.utf8.withContiguousStorageIfAvailable({ stored -> Bool in
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(a, b, bytes.count) == 0
        }) {
            return same
        }
        return s.utf8.elementsEqual(bytes)
    }

    private mutating func name(colon: Bool, what: String, code: String) throws -> String {
        let start = pos
        try nameRange(colon: colon, what: what, code: code)
        return text(start, pos)
    }

    /// Skips a name at the cursor, or throws `code` when there is none or it runs into a character
    /// names cannot have.
    private mutating func nameRange(colon: Bool, what: String, code: String) throws {
        let start = pos
        guard let first = peek, LineScanner.isNameStart(first, colon: colon) else {
            if peek == 34 { throw error(code, "quoted (UTF-8) \(what)s are not supported") }
            throw error(code, "invalid \(what): expected a letter or underscore, found \(found)")
        }
        var i = pos + 1
        while i < end, LineScanner.isNameChar(bytes[i], colon: colon) { i += 1 }
        pos = i
        if let b = peek, b >= 0x80 || b == 45 || b == 46 || (!colon && b == 58) {
            throw error(code, "invalid character \(found) in \(what) \"\(text(start, pos))\"")
        }
    }

    // MARK: - Label sets

    /// A label set as read: the labels in input order and a hash of the set that does not depend
    /// on that order (labels with an empty value, which `Labels` drops, do not count).
    struct LabelSet {
        var labels: [Label] = []
        var hash: UInt64 = 0
        /// Every name is the string of `previous` at the same index, and there are as many.
        var sameNames = false
        /// As `sameNames`, for names and values both.
        var sameLabels = false
    }

    /// Reads `{name="value",...}` at the cursor (which is on `{`), rejecting duplicates.
    ///
    /// `previous` is the label set of the line before: names and values equal to its labels at the
    /// same index share their strings; other strings go through `interner`. Either way a regular
    /// exposition allocates no string per label.
    mutating func labelSet(limit: Int, forbidMetricName: Bool, previous: [Label]? = nil,
                           interner: inout StringInterner) throws -> LabelSet {
        pos += 1  // {
        var set = LabelSet()
        set.labels.reserveCapacity(previous?.count ?? 4)
        // Small label sets are checked for duplicates by a linear scan; a set takes over past 16.
        // While every name so far is the previous line's name at the same index, the names are
        // distinct as the previous line's were, and no check is needed.
        var seen: Set<String>?
        var sameNames = previous != nil
        var sameValues = sameNames
        optionalBlanks()
        while peek != 125 {  // }
            let nameStart = pos
            try nameRange(colon: false, what: "label name", code: "invalid-label-name")
            let nameHash = ByteHash.hash(slice(nameStart, pos))
            let (name, reusedName) = stringReusing(nameStart, pos, hash: nameHash,
                                                   candidate: previous?.name(at: set.labels.count), interner: &interner)
            // A name reused from the previous line passed this check there.
            if forbidMetricName, !reusedName, name.utf8.count == 8, name == Label.metricName {
                throw error("invalid-label-name", "label name \"__name__\" is reserved", at: nameStart)
            }
            sameNames = sameNames && reusedName
            if set.labels.count == 16 { seen = Set(set.labels.map(\.name)) }
            let duplicate: Bool
            if seen != nil {
                duplicate = seen?.insert(name).inserted == false
            } else if sameNames {
                duplicate = false
            } else {
                duplicate = set.labels.contains { $0.name == name }
            }
            guard !duplicate else {
                throw error("duplicate-label", "duplicate label name \"\(name)\"", at: nameStart)
            }
            guard set.labels.count < limit else {
                throw error("limit-exceeded", "more than \(limit) labels", at: nameStart)
            }
            optionalBlanks()
            guard peek == 61 else { throw error("expected-token", "expected \"=\" after label name \"\(name)\", found \(found)") }
            pos += 1
            optionalBlanks()
            let previousValue = previous?.value(at: set.labels.count)
            let (value, valueHash, reusedValue) = try quotedValue(reusing: previousValue, interner: &interner)
            sameValues = sameValues && reusedValue
            if !value.isEmpty { set.hash &+= ByteHash.pair(nameHash, valueHash) }
            set.labels.append(Label(name, value))
            optionalBlanks()
            if peek == 44 {  // ,
                pos += 1
                optionalBlanks()
                if peek == 125, format == .openMetrics {
                    throw error("expected-token", "OpenMetrics does not allow a trailing comma in a label set")
                }
                continue
            }
            guard peek == 125 else { throw error("expected-token", "expected \",\" or \"}\" in label set, found \(found)") }
        }
        pos += 1  // }
        set.sameNames = sameNames && set.labels.count == previous?.count
        set.sameLabels = set.sameNames && sameValues
        return set
    }

    /// Reads a double-quoted label value with the escapes `\\`, `\"` and `\n`, the hash of its
    /// unescaped bytes, and whether the string is `candidate` itself.
    mutating func quotedValue(reusing candidate: String? = nil,
                              interner: inout StringInterner) throws -> (String, UInt64, Bool) {
        guard peek == 34 else { throw error("expected-token", "expected a quoted label value, found \(found)") }
        let open = pos
        pos += 1
        // Fast path: no escapes, the value is a slice of the line.
        var close = pos
        while close < end, bytes[close] != 34, bytes[close] != 92 { close += 1 }
        if close < end, bytes[close] == 34 {
            let start = pos
            pos = close + 1
            let hash = ByteHash.hash(slice(start, close))
            let (value, reused) = stringReusing(start, close, hash: hash, candidate: candidate, interner: &interner)
            return (value, hash, reused)
        }
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw error("unterminated-string", "label value not terminated", at: open) }
            pos += 1
            if b == 34 { break }
            if b == 92 {
                guard let e = peek else { throw error("unterminated-string", "label value not terminated", at: open) }
                switch e {
                case 92: out.append(92)
                case 34: out.append(34)
                case 110: out.append(10)
                default: throw error("invalid-escape", "invalid escape sequence \"\\\(found.trimmingQuotes)\" in label value", at: pos - 1)
                }
                pos += 1
            } else {
                out.append(b)
            }
        }
        return out.withUnsafeBufferPointer { (String(decoding: $0, as: UTF8.self), ByteHash.hash($0), false) }
    }

    /// Reads the rest of the line as escaped text (HELP): `\\` and `\n`, plus `\"` in OpenMetrics.
    mutating func escapedRest() throws -> String {
        var out: [UInt8] = []
        while let b = peek {
            pos += 1
            guard b == 92 else { out.append(b); continue }
            switch peek {
            case 92?: out.append(92)
            case 110?: out.append(10)
            case 34? where format == .openMetrics: out.append(34)
            case nil: throw error("invalid-escape", "HELP text ends with a lone backslash", at: pos - 1)
            default: throw error("invalid-escape", "invalid escape sequence \"\\\(found.trimmingQuotes)\" in HELP text", at: pos - 1)
            }
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a run of bytes up to a blank or the end of line.
    mutating func word() -> (String, Int) {
        let range = wordRange()
        return (text(range.lowerBound, range.upperBound), range.lowerBound)
    }

    /// Skips a run of bytes up to a blank or the end of line, returning its byte range.
    mutating func wordRange() -> Range<Int> {
        let start = pos
        while pos < end, bytes[pos] != 32, bytes[pos] != 9 { pos += 1 }
        return start..<pos
    }
}

private extension Array where Element == Label {
    func name(at i: Int) -> String? { i < count ? self[i].name : nil }
    func value(at i: Int) -> String? { i < count ? self[i].value : nil }
}

private extension String {
    var trimmingQuotes: String {
        hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
