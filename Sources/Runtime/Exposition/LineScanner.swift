import Diagnostics
import PromModel

/// A cursor over one line of an exposition, reading the tokens both formats share.
///
/// Works on UTF-8 bytes; positions in errors are converted to 1-based Unicode-scalar columns.
struct LineScanner {
    let bytes: [UInt8]
    let lineStart: Int
    let end: Int
    let lineNumber: Int
    let file: String
    let format: ExpositionFormat
    var pos: Int

    init(bytes: [UInt8], lineStart: Int, end: Int, lineNumber: Int, file: String, format: ExpositionFormat) {
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

    func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

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

    static func isNameStart(_ b: UInt8, colon: Bool) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || (colon && b == 58)
    }

    static func isNameChar(_ b: UInt8, colon: Bool) -> Bool {
        isNameStart(b, colon: colon) || (b >= 48 && b <= 57)
    }

    /// Reads a metric name `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    mutating func metricName() throws -> String {
        try name(colon: true, what: "metric name", code: "invalid-metric-name")
    }

    /// Reads a label name `[a-zA-Z_][a-zA-Z0-9_]*`.
    mutating func labelName() throws -> String {
        try name(colon: false, what: "label name", code: "invalid-label-name")
    }

    private mutating func name(colon: Bool, what: String, code: String) throws -> String {
        let start = pos
        guard let first = peek, LineScanner.isNameStart(first, colon: colon) else {
            if peek == 34 { throw error(code, "quoted (UTF-8) \(what)s are not supported") }
            throw error(code, "invalid \(what): expected a letter or underscore, found \(found)")
        }
        pos += 1
        while let b = peek, LineScanner.isNameChar(b, colon: colon) { pos += 1 }
        if let b = peek, b >= 0x80 || b == 45 || b == 46 || (!colon && b == 58) {
            throw error(code, "invalid character \(found) in \(what) \"\(text(start, pos))\"")
        }
        return text(start, pos)
    }

    // MARK: - Label sets

    /// Reads `{name="value",...}` at the cursor (which is on `{`), rejecting duplicates.
    mutating func labelSet(limit: Int, forbidMetricName: Bool) throws -> [Label] {
        pos += 1  // {
        var labels: [Label] = []
        var seen = Set<String>()
        optionalBlanks()
        while peek != 125 {  // }
            let nameStart = pos
            let name = try labelName()
            if forbidMetricName, name == Label.metricName {
                throw error("invalid-label-name", "label name \"__name__\" is reserved", at: nameStart)
            }
            guard seen.insert(name).inserted else {
                throw error("duplicate-label", "duplicate label name \"\(name)\"", at: nameStart)
            }
            guard labels.count < limit else {
                throw error("limit-exceeded", "more than \(limit) labels", at: nameStart)
            }
            optionalBlanks()
            guard peek == 61 else { throw error("expected-token", "expected \"=\" after label name \"\(name)\", found \(found)") }
            pos += 1
            optionalBlanks()
            labels.append(Label(name, try quotedValue()))
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
        return labels
    }

    /// Reads a double-quoted label value with the escapes `\\`, `\"` and `\n`.
    mutating func quotedValue() throws -> String {
        guard peek == 34 else { throw error("expected-token", "expected a quoted label value, found \(found)") }
        let open = pos
        pos += 1
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
        return String(decoding: out, as: UTF8.self)
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
        let start = pos
        while let b = peek, b != 32, b != 9 { pos += 1 }
        return (text(start, pos), start)
    }
}

private extension String {
    var trimmingQuotes: String {
        hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
