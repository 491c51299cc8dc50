import GoCompat
import PromModel

/// Go-compatible quoting (`%q`, `%#U`) for error messages and the printer, so that our messages read
/// exactly like Prometheus's. The escaping itself is `GoQuoting`'s; here U+FFFD (a byte that was not
/// valid UTF-8) is escaped as `\ufffd`, as Go escapes such a byte.
public enum GoQuote {
    /// Go's `strconv.Quote`: a double-quoted string with `\n`, `\t`, `\"`, `\\`, `\x..`, `\u....` escapes.
    public static func string(_ s: String) -> String {
        GoQuoting.quote(s, options: .escapeReplacementCharacter)
    }

    /// Go's `%q` of a rune: `'x'`; a missing rune (end of input) prints like Go's `eof` (-1).
    public static func rune(_ r: Unicode.Scalar?) -> String {
        guard let r else { return "%!q(int32=-1)" }
        return GoQuoting.quote(String(r), delimiter: "'", options: .escapeReplacementCharacter)
    }

    /// Go's `%#U`: `U+0027 '''`, or just `U+0001` for unprintable runes.
    public static func codePoint(_ r: Unicode.Scalar) -> String {
        GoQuoting.codePoint(r)
    }

    /// The value of a hexadecimal digit, 16 for any other byte.
    static func digitValue(_ b: UInt8) -> UInt32 {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 97...102: return UInt32(b - 97 + 10)
        case 65...70: return UInt32(b - 65 + 10)
        default: return 16
        }
    }
}
