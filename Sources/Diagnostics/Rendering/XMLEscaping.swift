/// XML 1.0 escaping, the one implementation behind every XML and HTML text labctl writes (JUnit
/// reports of diagnostics, rule tests and grades; HTML reports).
///
/// Markup characters become entities; in attributes quotes are escaped and tabs and line breaks
/// become character references (so parsers keep them); a carriage return is always a reference;
/// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) become U+FFFD.
public enum XMLEscaping {
    /// `value` as XML character data (quotes kept).
    public static func text(_ value: String) -> String { escape(value, inAttribute: false) }

    /// `value` for the inside of a quoted attribute (both quote characters escaped).
    public static func attribute(_ value: String) -> String { escape(value, inAttribute: true) }

    /// `value` as a double-quoted attribute: `"…"`.
    public static func quotedAttribute(_ value: String) -> String { "\"" + escape(value, inAttribute: true) + "\"" }

    /// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case _ where !isAllowed(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
