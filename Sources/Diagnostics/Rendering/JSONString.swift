/// JSON string literals, the one escaper behind diagnostics, command output and the YAML-to-JSON writer.
public enum JSONString {
    // MARK: - Quoting

    /// `text` as a JSON string literal: `"` and `\` escaped, `\n \r \t \b \f` short, other control
    /// characters as `\u00XX`; everything else as UTF-8.
    /// - Parameters:
    ///   - escapingHTML: also escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, like Go's
    ///     `encoding/json` does by default.
    ///   - escapingLineSeparators: also escape U+2028 and U+2029 (line breaks to JavaScript).
    public static func quote(_ text: String, escapingHTML: Bool = false, escapingLineSeparators: Bool = true) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<" where escapingHTML: out += "\\u003c"
            case ">" where escapingHTML: out += "\\u003e"
            case "&" where escapingHTML: out += "\\u0026"
            case "\u{2028}" where escapingLineSeparators: out += "\\u2028"
            case "\u{2029}" where escapingLineSeparators: out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
