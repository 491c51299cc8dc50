/// Splits the inside of a template action into tokens: quoted strings, `(`, `)`, `|`, `,`, `:=`, `=`,
/// and runs of other characters (identifiers, fields, variables, numbers).
enum TemplateTokens {
    static func split(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for c in text {
            if let q = quote {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q {
                    quote = nil
                    flush()
                }
                continue
            }
            switch c {
            case "\"", "`", "'":
                flush()
                quote = c
                current.append(c)
            case " ", "\t", "\n", "\r":
                flush()
            case "(", ")", "|", ",":
                flush()
                tokens.append(String(c))
            case "=":
                if current == ":" {
                    current = ":="
                    flush()
                } else {
                    flush()
                    tokens.append("=")
                }
            case ":":
                flush()
                current = ":"
            default:
                current.append(c)
            }
        }
        flush()
        return tokens
    }
}
