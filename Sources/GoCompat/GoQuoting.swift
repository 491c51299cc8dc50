/// Go's quoting of string and rune literals (`strconv.Quote`, `QuoteToASCII`, `QuoteRune`, `%#U`):
/// the one implementation behind label printing, PromQL messages and template `%q`.
public enum GoQuoting {
    // MARK: - Options

    /// Variations on `strconv.Quote` used by callers.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `strconv.QuoteToASCII`: every non-ASCII scalar is escaped, printable or not.
        public static let asciiOnly = Options(rawValue: 1 << 0)
        /// Escape U+FFFD as `\ufffd`: in our strings it stands for bytes that were not valid UTF-8,
        /// which Go would escape (PromQL messages rely on this).
        public static let escapeReplacementCharacter = Options(rawValue: 1 << 1)
    }

    // MARK: - Quoting

    /// A `delimiter`-quoted Go literal of `s`: `\a \b \f \n \r \t \v \\` and the delimiter escaped,
    /// printable scalars kept, others as `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (lower-case hex).
    public static func quote(_ s: String, delimiter: Unicode.Scalar = "\"", options: Options = []) -> String {
        var out = ""
        out.unicodeScalars.append(delimiter)
        for scalar in s.unicodeScalars { appendEscaped(scalar, delimiter: delimiter, options: options, to: &out) }
        out.unicodeScalars.append(delimiter)
        return out
    }

    /// Appends `scalar` as it appears inside a `delimiter`-quoted Go literal.
    public static func appendEscaped(_ scalar: Unicode.Scalar, delimiter: Unicode.Scalar, options: Options = [],
                                     to out: inout String) {
        switch scalar {
        case delimiter: out += "\\"; out.unicodeScalars.append(delimiter)
        case "\\": out += "\\\\"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        case "\u{FFFD}" where options.contains(.escapeReplacementCharacter): out += "\\ufffd"
        default:
            if isPrint(scalar) && (scalar.isASCII || !options.contains(.asciiOnly)) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x80 {
                out += "\\x" + hex(scalar.value, width: 2)
            } else if scalar.value < 0x10000 {
                out += "\\u" + hex(scalar.value, width: 4)
            } else {
                out += "\\U" + hex(scalar.value, width: 8)
            }
        }
    }

    /// `%#U`: `U+0041 'A'`, or just `U+0001` for a scalar that is not printable.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar.value, width: 4, uppercase: true)
        return isPrint(scalar) ? "\(code) '\(Character(scalar))'" : code
    }

    // MARK: - Classification and digits

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value != 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `value` in hexadecimal, zero-padded to at least `width` digits.
    public static func hex(_ value: UInt32, width: Int, uppercase: Bool = false) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
