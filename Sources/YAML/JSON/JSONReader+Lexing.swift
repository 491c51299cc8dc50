import Diagnostics

// MARK: - Positions and low-level scanning

extension JSONReader {
    /// Current line and column (1-based, column in Unicode scalars).
    var position: (line: Int32, column: Int32) {
        (line, Int32(clamping: i - lineStart - continuationBytes + 1))
    }

    func node(_ kind: YAMLNode.Kind, from start: (line: Int32, column: Int32)) -> YAMLNode {
        YAMLNode(kind: kind, file: file, start: start, end: position, tag: nil, anchor: nil)
    }

    mutating func fail(_ message: String, code: String = JSONDiagnosticCode.syntax) {
        let p = position
        diagnostics.append(.error(code, message, at: SourceLocation(file: file, line: Int(p.line), column: Int(p.column))))
    }

    func peek(_ byte: UInt8) -> Bool {
        i < source.count && source[i] == byte
    }

    func digitsFollow() -> Bool {
        i < source.count && source[i] >= UInt8(ascii: "0") && source[i] <= UInt8(ascii: "9")
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard peek(byte) else {
            fail(i < source.count ? "unexpected \(describeCurrent()), expected \(what)"
                                  : "unexpected end of input, expected \(what)")
            throw Stop()
        }
        i += 1
    }

    mutating func checkDepth(_ depth: Int) throws {
        guard depth <= limits.maxDepth else {
            fail("arrays and objects are nested deeper than the limit of \(limits.maxDepth)",
                 code: JSONDiagnosticCode.depthLimit)
            throw Stop()
        }
    }

    /// JSON whitespace: space, tab, line feed, carriage return.
    mutating func skipWhitespace() {
        while i < source.count {
            switch source[i] {
            case 0x20, 0x09:
                i += 1
            case 0x0A:
                i += 1
                newLine()
            case 0x0D:
                i += 1
                if peek(0x0A) { i += 1 }
                newLine()
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line = line < Int32.max ? line + 1 : line
        lineStart = i
        continuationBytes = 0
    }

    /// `'x'`, `end of input` or `byte 0x..` for messages.
    func describeCurrent() -> String {
        guard i < source.count else { return "end of input" }
        let b = source[i]
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    // MARK: - Strings

    /// A string starting at the opening quote; leaves `i` after the closing quote.
    mutating func string() throws -> String {
        i += 1
        let begin = i
        // Fast path: no escapes.
        while i < source.count {
            let b = source[i]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: source[begin..<i]), as: UTF8.self)
                i += 1
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            if b & 0xC0 == 0x80 { continuationBytes += 1 }
            i += 1
        }
        var bytes = Array(UnsafeBufferPointer(rebasing: source[begin..<i]))
        while i < source.count {
            let b = source[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &bytes)
            case 0..<0x20:
                fail(b == 0x0A ? "unescaped line break in string" : "unescaped control character in string")
                throw Stop()
            default:
                if b & 0xC0 == 0x80 { continuationBytes += 1 }
                bytes.append(b)
                i += 1
            }
        }
        fail("unterminated string")
        throw Stop()
    }

    private mutating func escape(into bytes: inout [UInt8]) throws {
        i += 1
        guard i < source.count else {
            fail("unterminated string")
            throw Stop()
        }
        let c = source[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(c)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard peek(UInt8(ascii: "\\")), i + 1 < source.count, source[i + 1] == UInt8(ascii: "u") else {
                    fail("invalid \\u escape: high surrogate without a low surrogate")
                    throw Stop()
                }
                i += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    fail("invalid \\u escape: high surrogate without a low surrogate")
                    throw Stop()
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                fail("invalid \\u escape: lone low surrogate")
                throw Stop()
            }
            guard let u = Unicode.Scalar(scalar) else {
                fail("invalid \\u escape")
                throw Stop()
            }
            bytes.append(contentsOf: String(Character(u)).utf8)
        default:
            i -= 2
            fail("invalid escape \\\(Character(Unicode.Scalar(c)))")
            throw Stop()
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < source.count else {
                fail("invalid \\u escape: expected four hex digits")
                throw Stop()
            }
            let b = source[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default:
                fail("invalid \\u escape: expected four hex digits")
                throw Stop()
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
