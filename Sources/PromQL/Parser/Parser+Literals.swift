import PromModel

// MARK: - Literal values

extension ParseState {
    /// Converts a number token like Go's `strconv.ParseInt(s, 0, 64)` falling back to `ParseFloat`.
    func numberValue(_ t: Token) -> Double {
        let raw = text(t)
        if let v = NumberParsing.parse(raw) { return v }
        addError("error parsing number: strconv.ParseFloat: parsing \(GoQuote.string(raw)): invalid syntax", t.span)
        return 0
    }

    /// A duration token in seconds; reports Prometheus's errors for malformed durations.
    func durationSeconds(_ t: Token) -> Double {
        let raw = text(t)
        do {
            let d = try Duration.parse(raw)
            return Double(d.milliseconds) / 1000
        } catch let error as Duration.ParseError {
            let message = error.message.hasPrefix("duration out of range") ? "duration out of range" : error.message
            addError(message, t.span)
            return 0
        } catch {
            addError("\(error)", t.span)
            return 0
        }
    }

    /// The value of a string token. The lexer already validated the escapes.
    func unquote(_ t: Token) -> String {
        StringUnquoting.unquote(bytes[t.start..<t.end])
    }

    /// The unescaped bytes of a string token (possibly invalid UTF-8).
    func unquotedBytes(_ t: Token) -> [UInt8] {
        StringUnquoting.unquotedBytes(bytes[t.start..<t.end])
    }
}

/// Go-compatible number conversion (`ParseInt` base 0, then `ParseFloat`).
enum NumberParsing {
    static func parse(_ raw: String) -> Double? {
        let lower = raw.lowercased()
        switch lower {
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        let s = raw.replacingOccurrences(of: "_", with: "")
        if s.isEmpty { return nil }
        let scalars = Array(s.utf8)
        if scalars.count > 2, scalars[0] == 48, scalars[1] == 120 || scalars[1] == 88 {
            if let v = UInt64(String(decoding: scalars[2...], as: UTF8.self), radix: 16), v <= UInt64(Int64.max) {
                return Double(v)
            }
            return nil
        }
        if scalars.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            if scalars.count > 1, scalars[0] == 48, scalars.allSatisfy({ $0 <= 55 }),
               let v = Int64(String(decoding: scalars[1...], as: UTF8.self), radix: 8) {
                return Double(v)
            }
            if scalars.first != 48 || scalars.count == 1, let v = Int64(s) { return Double(v) }
        }
        guard scalars.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 || $0 == 43 || $0 == 45 })
        else { return nil }
        return Double(s)
    }
}

/// Unescaping of Go-style `"…"`, `'…'` and `` `…` `` literals.
enum StringUnquoting {
    static func unquote(_ token: ArraySlice<UInt8>) -> String {
        String(decoding: unquotedBytes(token), as: UTF8.self)
    }

    /// The unescaped bytes of a literal; `\x` and octal escapes may make them invalid UTF-8.
    static func unquotedBytes(_ token: ArraySlice<UInt8>) -> [UInt8] {
        guard token.count >= 2, let quote = token.first else { return [] }
        let body = token.dropFirst().dropLast()
        if quote == UInt8(ascii: "`") || !body.contains(UInt8(ascii: "\\")) {
            return Array(body)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            guard b == UInt8(ascii: "\\"), i + 1 < body.endIndex else { out.append(b); i += 1; continue }
            let c = body[i + 1]
            i += 2
            switch c {
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(c - 48)
                for _ in 0..<2 where i < body.endIndex { v = v * 8 + UInt32(body[i] &- 48) & 0xFF; i += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = c == UInt8(ascii: "x") ? 2 : (c == UInt8(ascii: "u") ? 4 : 8)
                var v: UInt32 = 0
                for _ in 0..<n where i < body.endIndex {
                    v = v &* 16 &+ min(GoQuote.digitValue(body[i]), 15)
                    i += 1
                }
                if c == UInt8(ascii: "x") {
                    out.append(UInt8(truncatingIfNeeded: v))
                } else {
                    out.append(contentsOf: Array(String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}").utf8))
                }
            default: out.append(c)
            }
        }
        return out
    }
}
