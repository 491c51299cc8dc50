// MARK: - String literals

extension Lexer {
    /// Scans a `"…"` or `'…'` string with Go escapes. The opening quote has been consumed.
    mutating func lexString(quote: UInt8) -> Bool {
        while true {
            guard let b = current else { return fail("unterminated quoted string") }
            if b == 10 { pos += 1; return fail("unterminated quoted string") }
            if b == quote { pos += 1; break }
            if b == UInt8(ascii: "\\") {
                pos += 1
                if let message = scanEscape(quote: quote) { return fail(message) }
                continue
            }
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            if r == "\u{FFFD}" { return fail("invalid UTF-8 rune") }
        }
        emit(.string)
        return true
    }

    /// Scans a back-quoted raw string. The opening quote has been consumed.
    mutating func lexRawString() -> Bool {
        while true {
            guard let b = current else { return fail("unterminated raw string") }
            if b == UInt8(ascii: "`") { pos += 1; break }
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            if r == "\u{FFFD}" { return fail("invalid UTF-8 rune") }
        }
        emit(.string)
        return true
    }

    /// Validates one escape sequence after a backslash; returns an error message or nil.
    mutating func scanEscape(quote: UInt8) -> String? {
        guard let c = current else { return "escape sequence not terminated" }
        var count = 0, base: UInt32 = 0, maxValue: UInt32 = 0
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            pos += 1
            return nil
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            count = 3; base = 8; maxValue = 255
        case UInt8(ascii: "x"): pos += 1; count = 2; base = 16; maxValue = 255
        case UInt8(ascii: "u"): pos += 1; count = 4; base = 16; maxValue = 0x10FFFF
        case UInt8(ascii: "U"): pos += 1; count = 8; base = 16; maxValue = 0x10FFFF
        default:
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            return "unknown escape sequence \(GoQuote.codePoint(r))"
        }
        var value: UInt32 = 0
        while count > 0 {
            guard let d = current else { return "escape sequence not terminated" }
            let digit = GoQuote.digitValue(d)
            if digit >= base {
                let (r, w) = scalar(at: pos)
                pos += max(w, 1)
                return "illegal character \(GoQuote.codePoint(r)) in escape sequence"
            }
            value = value &* base &+ digit
            pos += 1
            count -= 1
        }
        if value > maxValue || (0xD800..<0xE000).contains(value) {
            return "escape sequence is an invalid Unicode code point"
        }
        return nil
    }
}
