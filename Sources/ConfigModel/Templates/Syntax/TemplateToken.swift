import GoCompat

/// One lexical item of a Go text/template: text outside actions, or a token inside `{{ }}`.
struct TemplateToken: Sendable {
    enum Kind: Equatable, Sendable {
        case text
        case leftDelim
        case rightDelim
        case space
        case identifier
        case keyword
        case field
        case variable
        case dot
        case string
        case rawString
        case char
        case number
        case bool
        case nilValue
        case pipe
        case assign
        case declare
        case leftParen
        case rightParen
        /// Any other printable ASCII character inside an action (`,`, `}`…).
        case otherChar
        case eof
        case error
    }

    var kind: Kind
    /// The source text (for `.error`, the message; for `.text`, the text after trimming).
    var text: String
    /// 1-based line and column of the first character.
    var line: Int
    var column: Int

    /// Go's `item.String()` as used in "unexpected X in Y" messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        case .keyword: return "<\(text)>"
        default:
            let quoted = GoQuoting.quote(text)
            if text.unicodeScalars.count > 10 {
                return GoQuoting.quote(String(String.UnicodeScalarView(text.unicodeScalars.prefix(10)))) + "..."
            }
            return quoted
        }
    }
}

/// The keywords of the template language.
enum TemplateKeyword {
    static let all: Set<String> = ["block", "break", "continue", "define", "else", "end", "if", "range", "nil", "template", "with"]
}
