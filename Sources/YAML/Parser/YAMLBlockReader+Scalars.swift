// MARK: - Scalars and flow collections

extension YAMLBlockReader {
    /// Whether a plain scalar may start at `k` in block context (no indicator character; `-` only
    /// when not followed by a blank).
    func plainCanStart(_ k: Int) -> Bool {
        switch byte(k) {
        case UInt8(ascii: "-"): return !isBlankOrEnd(k + 1)
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0x20, 0x0A, 0:
            return false
        default:
            return true
        }
    }

    /// A one-line plain scalar in block context at the cursor; the cursor ends after its last
    /// non-space character.
    mutating func plain() throws {
        let start = i
        var j = i, last = i
        while true {
            let d = byte(j)
            if d == 0x0A || d == 0 { break }
            if d == UInt8(ascii: ":"), isBlankOrEnd(j + 1) { throw Bail() }
            if d == UInt8(ascii: "#"), byte(j - 1) == 0x20 { break }
            if d != 0x20 { last = j + 1 }
            j += 1
        }
        try emit(text(start, last), .plain, position(start), position(last))
        i = last
    }

    /// A one-line single- or double-quoted scalar at the cursor: its value, style and the offset just
    /// after the closing quote (the cursor does not move).
    mutating func quoted() throws -> (String, YAMLScalar.Style, Int) {
        let quote = byte(i)
        var j = i + 1
        var special = false
        if quote == UInt8(ascii: "'") {
            while true {
                let d = byte(j)
                if d == 0 || d == 0x0A { throw Bail() }
                if d == quote {
                    guard byte(j + 1) == quote else { break }
                    special = true
                    j += 2
                    continue
                }
                j += 1
            }
            guard special else { return (text(i + 1, j), .singleQuoted, j + 1) }
            var out: [UInt8] = []
            out.reserveCapacity(j - i)
            var k = i + 1
            while k < j {
                out.append(p[k])
                k += p[k] == quote ? 2 : 1
            }
            return (String(decoding: out, as: UTF8.self), .singleQuoted, j + 1)
        }
        while true {
            let d = byte(j)
            if d == 0 || d == 0x0A { throw Bail() }
            if d == quote { break }
            if d == UInt8(ascii: "\\") {
                guard !isBlankOrEnd(j + 1) else { throw Bail() }
                special = true
                j += 2
                continue
            }
            j += 1
        }
        guard special else { return (text(i + 1, j), .doubleQuoted, j + 1) }
        return (String(decoding: try unescape(i + 1, j), as: UTF8.self), .doubleQuoted, j + 1)
    }

    /// The bytes of a double-quoted scalar's content `from..<to` with its escapes decoded.
    func unescape(_ from: Int, _ to: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var k = from
        while k < to {
            let c = p[k]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                k += 1
                continue
            }
            let e = byte(k + 1)
            k += 2
            var digits = 0
            switch e {
            case UInt8(ascii: "0"): out.append(0)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "e"): out.append(0x1B)
            case 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
            case UInt8(ascii: "N"): Self.appendUTF8(0x85, to: &out)
            case UInt8(ascii: "_"): Self.appendUTF8(0xA0, to: &out)
            case UInt8(ascii: "L"): Self.appendUTF8(0x2028, to: &out)
            case UInt8(ascii: "P"): Self.appendUTF8(0x2029, to: &out)
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: throw Bail()
            }
            guard digits > 0 else { continue }
            guard k + digits <= to else { throw Bail() }
            var value: UInt32 = 0
            for _ in 0..<digits {
                let h = p[k]
                let v: UInt8
                switch h {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = h - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = h - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = h - UInt8(ascii: "A") + 10
                default: throw Bail()
                }
                value = value << 4 | UInt32(v)
                k += 1
            }
            guard value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF) else { throw Bail() }
            Self.appendUTF8(value, to: &out)
        }
        return out
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    // MARK: - Block scalars

    /// A `|` or `>` block scalar (chomping indicator allowed; no indentation indicator, no comment on
    /// the header, no leading blank lines, no more-indented lines in a folded scalar). The cursor ends
    /// on the next content line, or at the end.
    mutating func blockScalar(parent: Int) throws {
        let folded = byte(i) == UInt8(ascii: ">")
        let start = position(i)
        var j = i + 1
        var chomp = 0
        if byte(j) == UInt8(ascii: "-") {
            chomp = -1
            j += 1
        } else if byte(j) == UInt8(ascii: "+") {
            chomp = 1
            j += 1
        }
        while byte(j) == 0x20 { j += 1 }
        guard byte(j) == 0x0A else { throw Bail() }
        i = j
        newLine()
        var s = i
        while byte(s) == 0x20 { s += 1 }
        guard byte(s) != 0x0A, byte(s) != 0 else { throw Bail() }
        let indent = s - i
        guard indent > parent else { throw Bail() }

        var out: [UInt8] = []
        var first = true
        var breaks = 0
        var lastHadBreak = false
        var endsWithoutBreak = false
        while true {
            var k = i
            while byte(k) == 0x20 { k += 1 }
            let c = byte(k)
            let spaces = k - i
            if c == 0 { break }
            if c == 0x0A {
                guard spaces <= indent else { throw Bail() }
                breaks += 1
                i = k
                newLine()
                continue
            }
            if spaces < indent { break }
            if folded, spaces > indent { throw Bail() }
            if !first {
                if folded {
                    if breaks == 0 {
                        out.append(0x20)
                    } else {
                        out.append(contentsOf: repeatElement(0x0A, count: breaks))
                    }
                } else {
                    out.append(contentsOf: repeatElement(0x0A, count: breaks + 1))
                }
            }
            first = false
            breaks = 0
            let content = i + indent
            let end = lineEnd(from: content)
            out.append(contentsOf: UnsafeBufferPointer(start: p + content, count: end - content))
            if end >= n {
                i = end
                lastHadBreak = false
                endsWithoutBreak = true
                break
            }
            lastHadBreak = true
            i = end
            newLine()
        }
        if chomp != -1, lastHadBreak { out.append(0x0A) }
        if chomp == 1, lastHadBreak { out.append(contentsOf: repeatElement(0x0A, count: breaks)) }
        let end = endsWithoutBreak ? position(i) : (line, 1)
        try emit(String(decoding: out, as: UTF8.self), folded ? .folded : .literal, start, end)
        if !endsWithoutBreak { skipLines() }
    }

    // MARK: - Flow collections

    /// A one-line flow sequence of scalars (`[a, "b", 'c']`) at the cursor; the cursor ends after `]`.
    mutating func flowSequence() throws {
        try open(mapping: false, at: position(i))
        i += 1
        while byte(i) == 0x20 { i += 1 }
        if byte(i) == UInt8(ascii: "]") {
            i += 1
            return try close(at: position(i))
        }
        while true {
            let c = byte(i)
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                let start = position(i)
                let (value, style, end) = try quoted()
                try emit(value, style, start, position(end))
                i = end
            } else {
                guard plainCanStart(i) else { throw Bail() }
                var j = i, last = i
                while true {
                    let d = byte(j)
                    if d == UInt8(ascii: ",") || d == UInt8(ascii: "]") { break }
                    switch d {
                    case 0, 0x0A, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"):
                        throw Bail()
                    case UInt8(ascii: "#") where byte(j - 1) == 0x20:
                        throw Bail()
                    default:
                        break
                    }
                    if d != 0x20 { last = j + 1 }
                    j += 1
                }
                try emit(text(i, last), .plain, position(i), position(last))
                i = j
            }
            while byte(i) == 0x20 { i += 1 }
            let d = byte(i)
            if d == UInt8(ascii: ",") {
                i += 1
                while byte(i) == 0x20 { i += 1 }
                guard byte(i) != UInt8(ascii: "]") else { throw Bail() }
                continue
            }
            guard d == UInt8(ascii: "]") else { throw Bail() }
            i += 1
            return try close(at: position(i))
        }
    }

    /// `{}` at the cursor; the cursor ends after `}`.
    mutating func emptyFlowMapping() throws {
        let start = position(i)
        var j = i + 1
        while byte(j) == 0x20 { j += 1 }
        guard byte(j) == UInt8(ascii: "}") else { throw Bail() }
        try open(mapping: true, at: start)
        i = j + 1
        try close(at: position(i))
    }
}
