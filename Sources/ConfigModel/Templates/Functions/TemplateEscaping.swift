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
                if c.value < 0x20 || (!c.isASCII && !GoStringQuoting.isPrint(c)) {
                    out += "\\u" + GoStringQuoting.hex(c.value, width: 4)
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

    /// `url.PathEscape`-like escaping used for links (spaces become `%20`).
    static func escape(_ s: String, spaceAsPlus: Bool) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " ") where spaceAsPlus:
                out += "+"
            default:
                out += "%" + GoStringQuoting.hex(UInt32(b), width: 2)
            }
        }
        return out
    }
}
