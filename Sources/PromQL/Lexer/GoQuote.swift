/// Go-compatible quoting (`%q`, `%#U`) for error messages and the printer, so that our messages read
/// exactly like Prometheus's.
public enum GoQuote {
    /// Go's `strconv.Quote`: a double-quoted string with `\n`, `\t`, `\"`, `\\`, `\x..`, `\u....` escapes.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars { appendEscaped(scalar, quote: "\"", to: &out) }
        out += "\""
        return out
    }

    /// Go's `%q` of a rune: `'x'`; a missing rune (end of input) prints like Go's `eof` (-1).
    public static func rune(_ r: Unicode.Scalar?) -> String {
        guard let r else { return "%!q(int32=-1)" }
        var out = "'"
        appendEscaped(r, quote: "'", to: &out)
        return out + "'"
    }

    /// Go's `%#U`: `U+0027 '''`, or just `U+0001` for unprintable runes.
    public static func codePoint(_ r: Unicode.Scalar) -> String {
        var hex = String(r.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return isPrintable(r) ? "U+\(hex) '\(Character(r))'" : "U+\(hex)"
    }

    static func digitValue(_ b: UInt8) -> UInt32 {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 97...102: return UInt32(b - 97 + 10)
        case 65...70: return UInt32(b - 65 + 10)
        default: return 16
        }
    }

    static func appendEscaped(_ scalar: Unicode.Scalar, quote: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case quote: out += "\\"; out.unicodeScalars.append(quote)
        case "\\": out += "\\\\"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        case "\u{FFFD}": out += "\\ufffd"
        default:
            if isPrintable(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x80 {
                out += "\\x" + pad(String(scalar.value, radix: 16), 2)
            } else if scalar.value < 0x10000 {
                out += "\\u" + pad(String(scalar.value, radix: 16), 4)
            } else {
                out += "\\U" + pad(String(scalar.value, radix: 16), 8)
            }
        }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// An approximation of Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrintable(_ r: Unicode.Scalar) -> Bool {
        if r.value < 0x80 { return r.value >= 0x20 && r.value != 0x7F }
        switch r.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator: return false
        default: return true
        }
    }
}
