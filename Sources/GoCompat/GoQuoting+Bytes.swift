// MARK: - Quoting bytes

extension GoQuoting {
    /// `strconv.Quote` of a Go string given as its bytes, which need not be valid UTF-8: valid
    /// sequences are quoted as `quote(_:)` quotes their scalars, every byte outside one as `\xhh`,
    /// as Go prints it.
    public static func quote(bytes: [UInt8], delimiter: Unicode.Scalar = "\"") -> String {
        var out = ""
        out.unicodeScalars.append(delimiter)
        var i = 0
        while i < bytes.count {
            if let (scalar, width) = decodeScalar(bytes, at: i) {
                appendEscaped(scalar, delimiter: delimiter, to: &out)
                i += width
            } else {
                out += "\\x" + hex(UInt32(bytes[i]), width: 2)
                i += 1
            }
        }
        out.unicodeScalars.append(delimiter)
        return out
    }

    /// The scalar whose well-formed UTF-8 sequence starts at `i`, and its length; `nil` for a byte that
    /// starts none (Go's `utf8.DecodeRune` returning `RuneError` with width 1).
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let width: Int
        switch b0 {
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return nil
        }
        guard i + width <= bytes.count else { return nil }
        guard let s = String(validating: bytes[i..<(i + width)], as: UTF8.self),
              let scalar = s.unicodeScalars.first, s.unicodeScalars.count == 1 else { return nil }
        return (scalar, width)
    }
}
