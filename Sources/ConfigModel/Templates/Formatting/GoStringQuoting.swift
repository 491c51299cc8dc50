/// Go's string quoting and unquoting rules (`strconv.Quote`, `strconv.Unquote`, `%#U`), written for
/// template literals, `%q` and error messages.
enum GoStringQuoting {
    // MARK: - Quoting

    /// `strconv.Quote`: a double-quoted Go string literal with escapes for non-printable characters.
    static func quote(_ s: String, asciiOnly: Bool = false, quote q: Character = "\"") -> String {
        var out = String(q)
        for c in s.unicodeScalars {
            appendEscaped(c, quote: q, asciiOnly: asciiOnly, to: &out)
        }
        out.append(q)
        return out
    }

    /// `strconv.QuoteRune`: a single-quoted character literal.
    static func quoteRune(_ value: Int) -> String {
        let scalar = (value >= 0 && value <= 0x10FFFF).then { Unicode.Scalar(UInt32(value)) } ?? nil
        var out = "'"
        appendEscaped(scalar ?? "\u{FFFD}", quote: "'", asciiOnly: false, to: &out)
        out += "'"
        return out
    }

    private static func appendEscaped(_ c: Unicode.Scalar, quote q: Character, asciiOnly: Bool, to out: inout String) {
        switch c {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        case "\\": out += "\\\\"
        default:
            if Character(c) == q {
                out += "\\" + String(q)
            } else if isPrint(c) && (!asciiOnly || c.isASCII) {
                out.unicodeScalars.append(c)
            } else if c.value < 0x80 {
                out += "\\x" + hex(c.value, width: 2)
            } else if c.value < 0x10000 {
                out += "\\u" + hex(c.value, width: 4)
            } else {
                out += "\\U" + hex(c.value, width: 8)
            }
        }
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
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

    /// `%#U`: `U+0041 'A'`.
    static func unicodeForm(_ c: Unicode.Scalar) -> String {
        let code = "U+" + hex(c.value, width: 4)
        return isPrint(c) ? "\(code) '\(Character(c))'" : code
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Unquoting

    /// `strconv.Unquote` for a `"…"`, `` `…` `` or `'…'` literal; nil when the literal is malformed.
    /// For character literals the result has exactly one scalar.
    static func unquote(_ literal: String) -> String? {
        let scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, let first = scalars.first, scalars.last == first else { return nil }
        let body = scalars[1..<(scalars.count - 1)]
        if first == "`" {
            guard !body.contains("`") else { return nil }
            return String(String.UnicodeScalarView(body.filter { $0 != "\r" }))
        }
        guard first == "\"" || first == "'" else { return nil }
        var bytes: [UInt8] = []
        var i = body.startIndex
        func appendScalar(_ s: Unicode.Scalar) { bytes.append(contentsOf: Array(String(Character(s)).utf8)) }
        while i < body.endIndex {
            let c = body[i]
            i += 1
            if c == first { return nil }
            guard c == "\\" else { appendScalar(c); continue }
            guard i < body.endIndex else { return nil }
            let e = body[i]
            i += 1
            switch e {
            case "a": bytes.append(7)
            case "b": bytes.append(8)
            case "f": bytes.append(12)
            case "n": bytes.append(10)
            case "r": bytes.append(13)
            case "t": bytes.append(9)
            case "v": bytes.append(11)
            case "\\": bytes.append(92)
            case "'", "\"":
                guard e == first else { return nil }
                appendScalar(e)
            case "x", "u", "U":
                let count = e == "x" ? 2 : (e == "u" ? 4 : 8)
                guard i + count <= body.endIndex,
                      let v = UInt32(String(String.UnicodeScalarView(body[i..<(i + count)])), radix: 16) else { return nil }
                i += count
                if e == "x" {
                    bytes.append(UInt8(v))
                } else {
                    guard let s = Unicode.Scalar(v) else { return nil }
                    appendScalar(s)
                }
            case "0"..."7":
                guard i + 2 <= body.endIndex,
                      let v = UInt32(String(String.UnicodeScalarView(body[(i - 1)..<(i + 2)])), radix: 8), v < 256 else { return nil }
                i += 2
                bytes.append(UInt8(v))
            default:
                return nil
            }
        }
        let result = String(decoding: bytes, as: UTF8.self)
        if first == "'" && result.unicodeScalars.count != 1 { return nil }
        return result
    }
}

extension Bool {
    /// `value` when true, nil otherwise.
    fileprivate func then<T>(_ value: () -> T) -> T? { self ? value() : nil }
}
