/// Chooses how the writer spells a scalar so that it reads back with the same text and type.
enum ScalarRendering {
    /// How a scalar is written.
    enum Form: Equatable {
        /// Text for the current line (tag included).
        case inline(String)
        /// A literal block: header (`|`, `|-`, `|+`, tag included), content lines, and empty lines
        /// to add after them (for `|+`).
        case literal(header: String, lines: [Substring], extraNewlines: Int)
    }

    // MARK: - Choice

    static func render(_ node: YAMLNode) -> Form {
        guard case .scalar(let s) = node.kind else { return .inline("") }
        let value = s.value
        switch node.resolvedType {
        case .null:
            return .inline(value.isEmpty || YAMLScalar.resolvePlain(value) != .null ? "null" : value)
        case .bool, .int, .float:
            let type = node.resolvedType
            if YAMLScalar.resolvePlain(value) == type, isPlainSafe(value) { return .inline(value) }
            return .inline(YAMLTag.shortForm(node.tag ?? YAMLTag.str) + " " + quoted(value))
        case .string:
            return stringForm(value, tagPrefix: "")
        case .custom(let tag):
            return stringForm(value, tagPrefix: YAMLTag.shortForm(tag) + " ")
        case .sequence, .mapping:
            return .inline("")
        }
    }

    private static func stringForm(_ value: String, tagPrefix: String) -> Form {
        if isPlainSafe(value), YAMLScalar.resolvePlain(value) == .string, !isAmbiguousInYAML11(value) {
            return .inline(tagPrefix + value)
        }
        if let literal = literalForm(value, tagPrefix: tagPrefix) { return literal }
        return .inline(tagPrefix + quoted(value))
    }

    // MARK: - Plain scalars

    /// Characters that cannot start a plain scalar.
    private static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    /// Whether `value` written plain in block context reads back as the same text.
    static func isPlainSafe(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if indicators.contains(first) || first == " " || last == " " || last == ":" { return false }
        if value == "<<" || value.hasPrefix("...") { return false }
        var previous: Unicode.Scalar = " "
        for c in scalars {
            if !isPrintable(c) || isLineBreak(c) || c == "\t" || c == "\u{FEFF}" { return false }
            if c == "#" && previous == " " { return false }
            if c == " " && previous == ":" { return false }
            previous = c
        }
        return true
    }

    /// Strings that YAML 1.1 readers (Go's yaml.v2, used by Prometheus) would take for a boolean,
    /// a number or a null: the `yes/no/on/off/y/n` words and anything made of digits and number
    /// punctuation (`0777`, `1_000`, `1:30`, `10.0.0.1`).
    static func isAmbiguousInYAML11(_ value: String) -> Bool {
        switch value {
        case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
             "on", "On", "ON", "off", "Off", "OFF", "=":
            return true
        default:
            break
        }
        guard let first = value.unicodeScalars.first,
              ("0"..."9").contains(first) || first == "+" || first == "-" || first == "." else { return false }
        return value.unicodeScalars.allSatisfy { c in
            ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
                || "xXoO_:.+-".unicodeScalars.contains(c)
        }
    }

    // MARK: - Literal blocks

    /// A `|` block when the string has line breaks and a block represents it exactly.
    private static func literalForm(_ value: String, tagPrefix: String) -> Form? {
        guard value.contains("\n") else { return nil }
        for c in value.unicodeScalars where c != "\n" {
            if !isPrintable(c) || isLineBreak(c) || c == "\t" || c == "\u{FEFF}" { return nil }
        }
        var content = Substring(value)
        var trailing = 0
        while content.hasSuffix("\n") {
            content = content.dropLast()
            trailing += 1
        }
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstText = lines.first(where: { !$0.isEmpty }), !firstText.hasPrefix(" ") else { return nil }
        // A line of spaces alone would be read as indentation.
        guard !lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) else { return nil }
        let chomp: String
        switch trailing {
        case 0: chomp = "-"
        case 1: chomp = ""
        default: chomp = "+"
        }
        return .literal(header: tagPrefix + "|" + chomp, lines: lines, extraNewlines: max(0, trailing - 1))
    }

    // MARK: - Quoted scalars

    /// Single quotes when nothing needs escaping, double quotes with escapes otherwise.
    static func quoted(_ value: String) -> String {
        let needsDouble = value.unicodeScalars.contains { !isPrintable($0) || isLineBreak($0) || $0 == "\t" || $0 == "\u{FEFF}" }
        if !needsDouble {
            var out = "'"
            for c in value.unicodeScalars {
                if c == "'" { out += "''" } else { out.unicodeScalars.append(c) }
            }
            return out + "'"
        }
        var out = "\""
        for c in value.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isPrintable(c) && c != "\u{FEFF}" {
                    out.unicodeScalars.append(c)
                } else if c.value <= 0xFF {
                    out += "\\x" + hex(c.value, width: 2)
                } else if c.value <= 0xFFFF {
                    out += "\\u" + hex(c.value, width: 4)
                } else {
                    out += "\\U" + hex(c.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Character classes

    /// YAML's printable set, minus tab and line breaks (handled separately).
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0D, 0x85: return true
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }
}
