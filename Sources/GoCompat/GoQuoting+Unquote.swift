// MARK: - Runes and unquoting

extension GoQuoting {
    /// `strconv.QuoteRune`: a single-quoted character literal (U+FFFD for a value that is no scalar).
    public static func quoteRune(_ value: Int) -> String {
        let scalar = (value >= 0 && value <= 0x10FFFF) ? Unicode.Scalar(UInt32(value)) : nil
        return quote(String(scalar ?? "\u{FFFD}"), delimiter: "'")
    }

    /// `strconv.Unquote` for a `"…"`, `` `…` `` or `'…'` literal; nil when the literal is malformed.
    /// For character literals the result has exactly one scalar.
    public static func unquote(_ literal: String) -> String? {
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
