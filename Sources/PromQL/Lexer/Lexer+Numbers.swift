// MARK: - Numbers and durations

extension Lexer {
    @inline(__always) func peekIs(_ set: StaticString) -> Bool {
        guard let b = current else { return false }
        return set.withUTF8Buffer { $0.contains(b) }
    }

    @inline(__always) mutating func accept(_ set: StaticString) -> Bool {
        if peekIs(set) { pos += 1; return true }
        return false
    }

    mutating func lexNumberOrDuration() -> Bool {
        if scanNumber() {
            emit(.number)
            return true
        }
        if acceptRemainingDuration() {
            emit(.duration)
            return true
        }
        let text = String(decoding: bytes[start..<min(pos, bytes.count)], as: UTF8.self)
        return fail("bad number or duration syntax: \(GoQuote.string(text))")
    }

    /// After a failed number scan: the rest of a duration such as `5m`, `1h30m`, `10ms`.
    mutating func acceptRemainingDuration() -> Bool {
        guard accept("smhdwy") else { return false }
        _ = accept("s")
        while accept("0123456789") {
            while accept("0123456789") {}
            guard accept("smhdw") else { return false }
            _ = accept("s")
        }
        if Lexer.isAlphaNumeric(current) {
            pos += 1
            return false
        }
        return true
    }

    /// Scans decimal, hexadecimal and float numbers with `_` separators, as Prometheus's lexer does.
    /// The text is not necessarily a valid number; the parser converts it.
    mutating func scanNumber() -> Bool {
        let initial = pos
        var hex = false
        if current == UInt8(ascii: "0"), let n = byte(at: pos + 1), n == UInt8(ascii: "x") || n == UInt8(ascii: "X") {
            pos += 2
            _ = accept("_")
            hex = true
        } else if current == UInt8(ascii: "0") {
            // `accept("0")` consumed, then `accept("xX")` failed: the zero stays consumed.
            pos += 1
        }
        func isDigitByte(_ b: UInt8) -> Bool {
            Lexer.isDigit(b) || (hex && ((b >= 97 && b <= 102) || (b >= 65 && b <= 70)))
        }
        if current == UInt8(ascii: ".") { pos += 1 }
        if let b = current, isDigitByte(b) { pos += 1 }
        var dotConsumed = false
        var exponentConsumed = false
        while let b = current, isDigitByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            if b == UInt8(ascii: ".") {
                if dotConsumed { pos += 1; return false }
                pos += 1
                dotConsumed = true
                if accept("_.") { return false }
                if hex { return false }
                continue
            }
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                if exponentConsumed { pos += 1; return false }
                pos += 1
                exponentConsumed = true
                _ = accept("+-")
                if accept("._eE") || current == nil { return false }
                continue
            }
            if b == UInt8(ascii: "_") {
                pos += 1
                if accept("._eE") || current == nil { return false }
                continue
            }
            while let d = current, isDigitByte(d) { pos += 1 }
        }
        if pos == initial { return false }
        return !Lexer.isAlphaNumeric(current)
    }
}
