import Diagnostics

/// Escaping of report text for the markup formats (JUnit XML, HTML, Markdown).
///
/// Every string that comes from a submission or a spec (titles, feedback, labels, paths) goes
/// through one of these before it is written into markup, so a student's `<script>` or `]]>` is
/// shown as text and never changes the document's structure.
enum MarkupEscaping {
    // MARK: - XML and HTML

    /// `value` as XML/HTML character data or a double-quoted attribute value: markup characters
    /// become entities, tabs and line breaks in attributes become character references (so parsers
    /// keep them), and characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/F)
    /// become U+FFFD.
    static func xml(_ value: String, attribute: Bool = false) -> String {
        attribute ? XMLEscaping.attribute(value) : XMLEscaping.text(value)
    }

    /// `value` for HTML text or a double-quoted attribute (`"` as `&quot;`, `'` as `&#39;`).
    static func html(_ value: String) -> String {
        xml(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    // MARK: - Markdown

    /// `value` as inline Markdown text (a table cell or a list item): characters Markdown gives a
    /// meaning to are backslash-escaped, `|` so it cannot end a cell, HTML's `<` and `&` as entities
    /// so renderers show them, and line breaks become spaces.
    static func markdown(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "_" where isIntraword(scalars, index):
                // GFM never reads `_` between letters or digits as emphasis (`config_valid`).
                out.unicodeScalars.append(scalar)
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": out += "\\"; out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            case _ where !XMLEscaping.isAllowed(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isIntraword(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        func word(_ i: Int) -> Bool {
            guard i >= 0, i < scalars.count else { return false }
            return scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil
        }
        return word(index - 1) && word(index + 1)
    }

    /// A code fence longer than any run of backticks in `text`, so the text cannot close it.
    static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            if character == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
