import GoCompat

/// Splits template text into tokens, as Go's text/template lexer does: text, `{{`/`}}` with the `{{- `
/// and ` -}}` trim markers, comments, and the items inside actions. Errors become an `.error` token
/// that ends the stream.
struct TemplateLexer {
    private let input: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var column = 1
    private var tokens: [TemplateToken] = []
    private var parenDepth = 0
    /// Set by a ` -}}` marker: the next text starts after leading whitespace.
    private var trimNextText = false

    static let maxTokens = 1_000_000

    init(_ text: String) {
        input = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.eof` or `.error`.
    static func tokenize(_ text: String) -> [TemplateToken] {
        var lexer = TemplateLexer(text)
        lexer.run()
        return lexer.tokens
    }

    // MARK: - Driver

    private mutating func run() {
        while true {
            if tokens.count > Self.maxTokens { emitError("template too large"); return }
            if !lexText() { return }
            if !lexAction() { return }
        }
    }

    private func at(_ offset: Int) -> Unicode.Scalar? {
        let i = pos + offset
        return i >= 0 && i < input.count ? input[i] : nil
    }

    private func hasPrefix(_ s: String, at offset: Int = 0) -> Bool {
        var i = pos + offset
        for c in s.unicodeScalars {
            guard i < input.count, input[i] == c else { return false }
            i += 1
        }
        return true
    }

    private mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where pos < input.count {
            if input[pos] == "\n" { line += 1; column = 1 } else { column += 1 }
            pos += 1
        }
    }

    private static func isSpace(_ c: Unicode.Scalar?) -> Bool {
        c == " " || c == "\t" || c == "\r" || c == "\n"
    }

    private static func isAlphaNumeric(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c.isASCII {
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        return c.properties.isAlphabetic || c.properties.numericType == .decimal
    }

    private mutating func emit(_ kind: TemplateToken.Kind, from start: (pos: Int, line: Int, column: Int)) {
        let text = String(String.UnicodeScalarView(input[start.pos..<pos]))
        tokens.append(TemplateToken(kind: kind, text: text, line: start.line, column: start.column))
    }

    private mutating func emitError(_ message: String) {
        tokens.append(TemplateToken(kind: .error, text: message, line: line, column: column))
    }

    private var mark: (pos: Int, line: Int, column: Int) { (pos, line, column) }

    // MARK: - Text and delimiters

    /// Lexes text up to the next `{{`; returns false at the end of input.
    private mutating func lexText() -> Bool {
        if trimNextText {
            while Self.isSpace(at(0)) { advance() }
            trimNextText = false
        }
        let start = mark
        while pos < input.count, !hasPrefix("{{") { advance() }
        var end = pos
        let trimLeft = hasPrefix("{{-") && Self.isSpace(at(3))
        if trimLeft {
            while end > start.pos, Self.isSpace(input[end - 1]) { end -= 1 }
        }
        if end > start.pos {
            let text = String(String.UnicodeScalarView(input[start.pos..<end]))
            tokens.append(TemplateToken(kind: .text, text: text, line: start.line, column: start.column))
        }
        if pos >= input.count {
            tokens.append(TemplateToken(kind: .eof, text: "", line: line, column: column))
            return false
        }
        return true
    }

    /// Lexes one action starting at `{{`; returns false after an error.
    private mutating func lexAction() -> Bool {
        let start = mark
        let trimLeft = hasPrefix("{{-") && Self.isSpace(at(3))
        advance(trimLeft ? 4 : 2)
        // Comments: {{/* ... */}} with optional trim markers.
        if hasPrefix("/*") {
            return lexComment(start: start)
        }
        tokens.append(TemplateToken(kind: .leftDelim, text: "{{", line: start.line, column: start.column))
        parenDepth = 0
        return lexInsideAction()
    }

    private mutating func lexComment(start: (pos: Int, line: Int, column: Int)) -> Bool {
        advance(2)
        while pos < input.count, !hasPrefix("*/") { advance() }
        guard pos < input.count else {
            tokens.append(TemplateToken(kind: .error, text: "unclosed comment", line: start.line, column: start.column))
            return false
        }
        advance(2)
        if hasPrefix("}}") {
            advance(2)
            return true
        }
        if Self.isSpace(at(0)) && hasPrefix("-}}", at: 1) {
            advance(4)
            trimNextText = true
            return true
        }
        emitError("comment ends before closing delimiter")
        return false
    }

    // MARK: - Inside actions

    private mutating func lexInsideAction() -> Bool {
        while true {
            guard let c = at(0) else {
                emitError("unclosed action")
                return false
            }
            if hasPrefix("}}") || (c == "-" && hasPrefix("}}", at: 1) && pos > 0 && Self.isSpace(input[pos - 1])) {
                if parenDepth > 0 {
                    emitError("unclosed left paren")
                    return false
                }
                let start = mark
                if c == "-" { advance(3); trimNextText = true } else { advance(2) }
                tokens.append(TemplateToken(kind: .rightDelim, text: "}}", line: start.line, column: start.column))
                return true
            }
            let start = mark
            switch c {
            case " ", "\t", "\r", "\n":
                while Self.isSpace(at(0)) { advance() }
                emit(.space, from: start)
            case "=":
                advance()
                emit(.assign, from: start)
            case ":":
                advance()
                guard at(0) == "=" else { emitError("expected :="); return false }
                advance()
                emit(.declare, from: start)
            case "|":
                advance()
                emit(.pipe, from: start)
            case "\"":
                guard lexQuoted(terminator: "\"", error: "unterminated quoted string") else { return false }
                emit(.string, from: start)
            case "`":
                advance()
                while let d = at(0), d != "`" { advance() }
                guard at(0) == "`" else { emitError("unterminated raw quoted string"); return false }
                advance()
                emit(.rawString, from: start)
            case "'":
                guard lexQuoted(terminator: "'", error: "unterminated character constant") else { return false }
                emit(.char, from: start)
            case "$":
                advance()
                while Self.isAlphaNumeric(at(0)) { advance() }
                emit(.variable, from: start)
                guard checkTerminator() else { return false }
            case ".":
                if let d = at(1), d.properties.numericType == .decimal {
                    guard lexNumber(start: start) else { return false }
                } else {
                    advance()
                    while Self.isAlphaNumeric(at(0)) { advance() }
                    emit(pos - start.pos == 1 ? .dot : .field, from: start)
                    guard checkTerminator() else { return false }
                }
            case "+", "-", "0"..."9":
                guard lexNumber(start: start) else { return false }
            case "(":
                advance()
                parenDepth += 1
                emit(.leftParen, from: start)
            case ")":
                advance()
                parenDepth -= 1
                guard parenDepth >= 0 else { emitError("unexpected right paren"); return false }
                emit(.rightParen, from: start)
            default:
                if Self.isAlphaNumeric(c) {
                    while Self.isAlphaNumeric(at(0)) { advance() }
                    let word = String(String.UnicodeScalarView(input[start.pos..<pos]))
                    if word == "true" || word == "false" {
                        emit(.bool, from: start)
                    } else if word == "nil" {
                        emit(.nilValue, from: start)
                    } else if TemplateKeyword.all.contains(word) {
                        emit(.keyword, from: start)
                    } else {
                        emit(.identifier, from: start)
                    }
                    guard checkTerminator() else { return false }
                } else if c.isASCII && c.value >= 0x20 && c.value < 0x7f {
                    advance()
                    emit(.otherChar, from: start)
                } else {
                    emitError("unrecognized character in action: \(GoQuoting.codePoint(c))")
                    return false
                }
            }
        }
    }

    /// After a word, field or variable the next character must end it (Go's `atTerminator`).
    private mutating func checkTerminator() -> Bool {
        guard let c = at(0) else { return true }
        if Self.isSpace(c) || c == "." || c == "," || c == "|" || c == ":" || c == ")" || c == "(" || c == "=" {
            return true
        }
        if hasPrefix("}}") { return true }
        emitError("bad character \(GoQuoting.codePoint(c))")
        return false
    }

    private mutating func lexQuoted(terminator: Unicode.Scalar, error: String) -> Bool {
        advance()
        while true {
            guard let c = at(0), c != "\n" else { emitError(error); return false }
            if c == "\\" {
                advance()
                guard let e = at(0), e != "\n" else { emitError(error); return false }
            } else if c == terminator {
                advance()
                return true
            }
            advance()
        }
    }

    private mutating func lexNumber(start: (pos: Int, line: Int, column: Int)) -> Bool {
        if at(0) == "+" || at(0) == "-" { advance() }
        var previous: Unicode.Scalar = " "
        while let c = at(0) {
            let isExponentSign = (c == "+" || c == "-") && (previous == "e" || previous == "E" || previous == "p" || previous == "P")
            guard Self.isAlphaNumeric(c) || c == "." || isExponentSign else { break }
            // A field access after a number (`1.Foo`) is not part of it; Go reports bad number syntax.
            previous = c
            advance()
        }
        emit(.number, from: start)
        let text = tokens.last?.text ?? ""
        if TemplateNumber.parse(text) == nil {
            tokens.removeLast()
            tokens.append(TemplateToken(kind: .error, text: "bad number syntax: \(GoQuoting.quote(text))",
                                        line: start.line, column: start.column))
            return false
        }
        return true
    }
}
