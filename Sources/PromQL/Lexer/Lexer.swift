/// A hand-written PromQL lexer over UTF-8 bytes.
///
/// It follows the modes of Prometheus's lexer: statements, the inside of `{…}` (where keywords are plain
/// identifiers) and the inside of `[…]` (durations and duration arithmetic). Lexing stops at the first
/// error, which becomes a final `.error` token whose message is in `errorMessage`.
public struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    var start = 0
    var parenDepth = 0
    var braceOpen = false
    var bracketOpen = false
    var gotColon = false
    var gotDuration = false
    var tokens: [Token] = []
    /// The message of the lexing error, if lexing stopped on one.
    public private(set) var errorMessage: String?

    /// A lexer over the UTF-8 bytes of `input`; token offsets are byte offsets into it.
    public init(_ input: String) {
        bytes = Array(input.utf8)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Lexes the whole input. The result always ends with `.eof` or `.error`.
    public static func tokenize(_ input: String) -> (tokens: [Token], error: String?) {
        var lexer = Lexer(input)
        lexer.run()
        return (lexer.tokens, lexer.errorMessage)
    }

    mutating func run() {
        tokens.reserveCapacity(bytes.count / 3 + 2)
        while true {
            let before = tokens.count
            let keepGoing = step()
            if !keepGoing { return }
            if tokens.count == before && pos >= bytes.count && !braceOpen && !bracketOpen && parenDepth == 0 {
                // Safety net: never loop without progress.
                emit(.eof)
                return
            }
        }
    }

    // MARK: - Primitives

    @inline(__always) func byte(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
    @inline(__always) var current: UInt8? { byte(at: pos) }

    mutating func emit(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, start: start, end: pos))
        start = pos
    }

    /// Records an error at the current token start and stops lexing.
    mutating func fail(_ message: String) -> Bool {
        errorMessage = message
        tokens.append(Token(kind: .error, start: start, end: bytes.count))
        return false
    }

    /// The Unicode scalar starting at byte `i` and its width (U+FFFD, width 1, for malformed bytes).
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        guard let b0 = byte(at: i) else { return ("\u{FFFD}", 0) }
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var width = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { width = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { width = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { width = 4; value = UInt32(b0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + width <= bytes.count else { return ("\u{FFFD}", 1) }
        for k in 1..<width {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isAlpha(_ b: UInt8) -> Bool { b == 95 || (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
    static func isAlphaNumeric(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    static func isAlphaNumeric(_ b: UInt8?) -> Bool { b.map { isAlphaNumeric($0) } ?? false }

    mutating func skipSpaces() {
        while let b = current, Lexer.isSpace(b) { pos += 1 }
        start = pos
    }

    // MARK: - Statements

    /// Lexes one step; returns false when lexing is over.
    mutating func step() -> Bool {
        if braceOpen { return stepInsideBraces() }
        if bracketOpen { return stepDurationExpr() }
        guard let b = current else {
            if parenDepth != 0 { return fail("unclosed left parenthesis") }
            emit(.eof)
            return false
        }
        if b == UInt8(ascii: "#") { lexComment(); return true }
        pos += 1
        switch b {
        case UInt8(ascii: ","): emit(.comma)
        case 32, 9, 10, 13: skipSpaces()
        case UInt8(ascii: "*"): emit(.mul)
        case UInt8(ascii: "/"): emit(.div)
        case UInt8(ascii: "%"): emit(.mod)
        case UInt8(ascii: "+"): emit(.add)
        case UInt8(ascii: "-"): emit(.sub)
        case UInt8(ascii: "^"): emit(.pow)
        case UInt8(ascii: "@"): emit(.at)
        case UInt8(ascii: "="):
            if current == UInt8(ascii: "=") { pos += 1; emit(.eqlc) }
            else if current == UInt8(ascii: "~") { return fail("unexpected character after '=': '~'") }
            else { emit(.assign) }
        case UInt8(ascii: "!"):
            if current == UInt8(ascii: "=") { pos += 1; emit(.neq) } else {
                let (r, w) = scalar(at: pos)
                pos += w
                return fail("unexpected character after '!': \(GoQuote.rune(w == 0 ? nil : r))")
            }
        case UInt8(ascii: "<"):
            if current == UInt8(ascii: "=") { pos += 1; emit(.lte) }
            else if current == UInt8(ascii: "/") { pos += 1; emit(.trimUpper) }
            else { emit(.lss) }
        case UInt8(ascii: ">"):
            if current == UInt8(ascii: "=") { pos += 1; emit(.gte) }
            else if current == UInt8(ascii: "/") { pos += 1; emit(.trimLower) }
            else { emit(.gtr) }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return lexString(quote: b)
        case UInt8(ascii: "`"):
            return lexRawString()
        case UInt8(ascii: "("):
            emit(.leftParen); parenDepth += 1
        case UInt8(ascii: ")"):
            emit(.rightParen); parenDepth -= 1
            if parenDepth < 0 { tokens.removeLast(); return fail("unexpected right parenthesis ')'") }
        case UInt8(ascii: "{"):
            emit(.leftBrace); braceOpen = true
        case UInt8(ascii: "["):
            gotColon = false
            gotDuration = false
            emit(.leftBracket)
            skipSpaces()
            bracketOpen = true
        case UInt8(ascii: "]"):
            start = pos - 1
            return fail("unexpected right bracket ']'")
        default:
            if Lexer.isDigit(b) || (b == UInt8(ascii: ".") && current.map(Lexer.isDigit) == true) {
                pos -= 1
                return lexNumberOrDuration()
            }
            if Lexer.isAlpha(b) || b == UInt8(ascii: ":") {
                lexKeywordOrIdentifier()
                return true
            }
            pos -= 1
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            return fail("unexpected character: \(GoQuote.rune(r))")
        }
        return true
    }

    mutating func lexComment() {
        pos += 1
        while let b = current, b != 10, b != 13 { pos += 1 }
        emit(.comment)
    }

    mutating func lexKeywordOrIdentifier() {
        var hasColon = bytes[pos - 1] == UInt8(ascii: ":")
        while let b = current, Lexer.isAlphaNumeric(b) || b == UInt8(ascii: ":") {
            if b == UInt8(ascii: ":") { hasColon = true }
            pos += 1
        }
        if let kind = keyword(from: start, to: pos) {
            emit(kind)
        } else {
            emit(hasColon ? .metricIdentifier : .identifier)
        }
    }

    /// Case-insensitive keyword lookup without allocating for long words.
    func keyword(from a: Int, to b: Int) -> TokenKind? {
        guard b - a <= 12 else { return nil }
        var word = ""
        word.reserveCapacity(b - a)
        for i in a..<b {
            let c = bytes[i]
            word.unicodeScalars.append(Unicode.Scalar(c >= 65 && c <= 90 ? c + 32 : c))
        }
        return TokenKind.keywords[word]
    }

    // MARK: - Inside braces

    mutating func stepInsideBraces() -> Bool {
        if current == UInt8(ascii: "#") { lexComment(); return true }
        guard let b = current else { return fail("unexpected end of input inside braces") }
        pos += 1
        switch b {
        case 32, 9, 10, 13: skipSpaces()
        case UInt8(ascii: ","): emit(.comma)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return lexString(quote: b)
        case UInt8(ascii: "`"): return lexRawString()
        case UInt8(ascii: "="):
            if current == UInt8(ascii: "~") { pos += 1; emit(.eqlRegex) } else { emit(.assign) }
        case UInt8(ascii: "!"):
            if current == UInt8(ascii: "~") { pos += 1; emit(.neqRegex) }
            else if current == UInt8(ascii: "=") { pos += 1; emit(.neq) }
            else {
                let (r, w) = scalar(at: pos)
                pos += w
                return fail("unexpected character after '!' inside braces: \(GoQuote.rune(w == 0 ? nil : r))")
            }
        case UInt8(ascii: "{"): return fail("unexpected left brace '{'")
        case UInt8(ascii: "}"):
            emit(.rightBrace); braceOpen = false
        default:
            if Lexer.isAlpha(b) {
                while let c = current, Lexer.isAlphaNumeric(c) { pos += 1 }
                emit(.identifier)
                return true
            }
            pos -= 1
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            return fail("unexpected character inside braces: \(GoQuote.rune(r))")
        }
        return true
    }

    // MARK: - Inside brackets

    mutating func stepDurationExpr() -> Bool {
        guard let b = current else { return fail("unexpected end of input in duration expression") }
        pos += 1
        switch b {
        case UInt8(ascii: "]"):
            emit(.rightBracket); bracketOpen = false; gotColon = false
        case UInt8(ascii: ":"):
            emit(.colon)
            if !gotDuration { tokens.removeLast(); return fail("unexpected colon before duration in duration expression") }
            if gotColon { tokens.removeLast(); return fail("unexpected repeated colon in duration expression") }
            gotColon = true
        case UInt8(ascii: "("): emit(.leftParen); parenDepth += 1
        case UInt8(ascii: ")"):
            emit(.rightParen); parenDepth -= 1
            if parenDepth < 0 { tokens.removeLast(); return fail("unexpected right parenthesis ')'") }
        case 32, 9, 10, 13: skipSpaces()
        case UInt8(ascii: "+"): emit(.add)
        case UInt8(ascii: "-"): emit(.sub)
        case UInt8(ascii: "*"): emit(.mul)
        case UInt8(ascii: "/"): emit(.div)
        case UInt8(ascii: "%"): emit(.mod)
        case UInt8(ascii: "^"): emit(.pow)
        case UInt8(ascii: ","): emit(.comma)
        default:
            if Lexer.isDigit(b) || (b == UInt8(ascii: ".") && current.map(Lexer.isDigit) == true) {
                pos -= 1
                gotDuration = true
                return lexNumberOrDuration()
            }
            if Lexer.isAlpha(b) {
                while let c = current, Lexer.isAlphaNumeric(c) { pos += 1 }
                if let kind = durationKeyword(from: start, to: pos) {
                    gotDuration = true
                    emit(kind)
                    return true
                }
                let first = Unicode.Scalar(b)
                return fail("unexpected character in duration expression: \(GoQuote.rune(first))")
            }
            pos -= 1
            let (r, w) = scalar(at: pos)
            pos += max(w, 1)
            return fail("unexpected character in duration expression: \(GoQuote.rune(r))")
        }
        return true
    }

    /// Words allowed inside brackets: `step`, `range`, `min_of`, `max_of` (any case).
    func durationKeyword(from a: Int, to b: Int) -> TokenKind? {
        guard b - a <= 6 else { return nil }
        let word = String(decoding: bytes[a..<b], as: UTF8.self).lowercased()
        switch word {
        case "step": return .step
        case "range": return .range
        case "min_of", "max_of": return .identifier
        default: return nil
        }
    }
}
