import GoCompat
import PromModel
/// The escaping functions of Go templates: `html` (HTMLEscapeString), `js` (JSEscapeString) and
/// `urlquery` (QueryEscape).
enum TemplateEscaping {
    static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func js(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if c.value < 0x20 || (!c.isASCII && !GoQuoting.isPrint(c)) {
                    out += "\\u" + GoQuoting.hex(c.value, width: 4, uppercase: true)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// `url.QueryEscape`: unreserved characters stay, spaces become `+`, the rest `%XX`.
    static func queryEscape(_ s: String) -> String {
        FormURLEncoding.encode(s)
    }
}
