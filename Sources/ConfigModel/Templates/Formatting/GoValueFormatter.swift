import GoCompat

/// Formats one template value for one `fmt` verb, as Go's `fmt` does for the matching Go types.
enum GoValueFormatter {
    typealias Spec = GoPrintf.Spec

    /// `%v` with no flags: how actions and `print` show a value (`<nil>` for nil).
    static func plain(_ value: TemplateValue) -> String {
        format(value, verb: "v", spec: Spec())
    }

    static func format(_ value: TemplateValue, verb: Character, spec: Spec) -> String {
        if verb == "T" { return GoPrintf.pad(value.goTypeName, spec) }
        switch value {
        case .null:
            return verb == "v" ? GoPrintf.pad("<nil>", spec) : "%!\(verb)(<nil>)"
        case .bool(let b):
            guard verb == "v" || verb == "t" else { return bad(value, verb) }
            return GoPrintf.pad(b ? "true" : "false", spec)
        case .int(let n):
            return formatInt(n, value: value, verb: verb, spec: spec)
        case .float(let f):
            return formatFloat(f, value: value, verb: verb, spec: spec)
        case .string(let s):
            return formatString(s, value: value, verb: verb, spec: spec)
        case .list(let items):
            if verb == "s" || verb == "v" || verb == "d" || verb == "q" || verb == "x" || verb == "X" || verb == "f" || verb == "g" {
                let inner = items.map { format($0, verb: verb, spec: Spec(plus: spec.plus, sharp: spec.sharp, precision: spec.precision)) }
                return GoPrintf.pad("[" + inner.joined(separator: " ") + "]", spec)
            }
            return bad(value, verb)
        case .map(let m):
            let inner = m.sortedKeys.map { key -> String in
                let v = m.entries[key] ?? .null
                return format(.string(key), verb: verb, spec: Spec()) + ":" + format(v, verb: verb, spec: Spec())
            }
            return GoPrintf.pad("map[" + inner.joined(separator: " ") + "]", spec)
        case .time(let t):
            guard verb == "v" || verb == "s" || verb == "q" else { return bad(value, verb) }
            let s = GoTimeFormat.string(t)
            return verb == "q" ? GoPrintf.pad(GoQuoting.quote(s), spec) : GoPrintf.pad(s, spec)
        case .object(let o):
            if let stringer = o.methods["String"], stringer.arity == 0, verb == "v" || verb == "s",
               let result = try? stringer.call([]), case .string(let s) = result {
                return GoPrintf.pad(s, spec)
            }
            if let u = o.underlying { return format(u, verb: verb, spec: spec) }
            let inner = o.fieldOrder.map { format(o.fields[$0] ?? .null, verb: verb, spec: Spec()) }
            let prefix = o.typeName.hasPrefix("*") ? "&" : ""
            return GoPrintf.pad(prefix + "{" + inner.joined(separator: " ") + "}", spec)
        }
    }

    /// `%!verb(type=value)`.
    static func bad(_ value: TemplateValue, _ verb: Character) -> String {
        "%!\(verb)(\(value.goTypeName)=\(plain(value)))"
    }

    // MARK: - Integers

    private static func formatInt(_ n: Int, value: TemplateValue, verb: Character, spec: Spec) -> String {
        let magnitude = n.magnitude
        var digits: String
        var prefix = ""
        switch verb {
        case "v", "d": digits = String(magnitude)
        case "b": digits = String(magnitude, radix: 2); if spec.sharp { prefix = "0b" }
        case "o": digits = String(magnitude, radix: 8); if spec.sharp { prefix = "0" }
        case "O": digits = String(magnitude, radix: 8); prefix = "0o"
        case "x": digits = String(magnitude, radix: 16); if spec.sharp { prefix = "0x" }
        case "X": digits = String(magnitude, radix: 16, uppercase: true); if spec.sharp { prefix = "0X" }
        case "c":
            return GoPrintf.pad(String(Character(scalar(n))), spec)
        case "q":
            return GoPrintf.pad(GoQuoting.quoteRune(n), spec)
        case "U":
            let hex = GoQuoting.hex(UInt32(truncatingIfNeeded: max(n, 0)), width: 4, uppercase: true)
            let text = spec.sharp ? "U+\(hex) '\(Character(scalar(n)))'" : "U+\(hex)"
            return GoPrintf.pad(text, spec)
        case "e", "E", "f", "F", "g", "G":
            return bad(value, verb)
        default:
            return bad(value, verb)
        }
        if let p = spec.precision {
            if p == 0 && n == 0 { digits = "" }
            if digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
        }
        let sign = n < 0 ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
        var zeroSpec = spec
        if spec.precision != nil { zeroSpec.zero = false }
        return GoPrintf.pad(sign + prefix + digits, zeroSpec, numeric: true)
    }

    private static func scalar(_ n: Int) -> Unicode.Scalar {
        guard n >= 0, n <= 0x10FFFF, let s = Unicode.Scalar(UInt32(n)) else { return "\u{FFFD}" }
        return s
    }

    // MARK: - Floats

    private static func formatFloat(_ f: Double, value: TemplateValue, verb: Character, spec: Spec) -> String {
        let format: Character
        switch verb {
        case "v": format = "g"
        case "e", "E", "f", "F", "g", "G": format = verb
        default: return bad(value, verb)
        }
        var precision = spec.precision ?? -1
        if spec.precision == nil && (format == "e" || format == "E" || format == "f" || format == "F") { precision = 6 }
        var text = GoFloatFormat.format(f, format, precision: precision)
        if f.isNaN {
            text = spec.plus ? "+NaN" : (spec.space ? " NaN" : "NaN")
            var s = spec; s.zero = false
            return GoPrintf.pad(text, s)
        }
        if f.isInfinite {
            var s = spec; s.zero = false
            if f > 0 && !spec.plus { text = spec.space ? " Inf" : "+Inf" }
            return GoPrintf.pad(text, s)
        }
        if !text.hasPrefix("-") {
            if spec.plus { text = "+" + text } else if spec.space { text = " " + text }
        }
        if spec.sharp && (format == "g" || format == "G") && !text.contains(".") && !text.contains("e") {
            text += "."
        }
        return GoPrintf.pad(text, spec, numeric: true)
    }

    // MARK: - Strings

    private static func formatString(_ s: String, value: TemplateValue, verb: Character, spec: Spec) -> String {
        var text = s
        if let p = spec.precision, verb == "s" || verb == "v" || verb == "q" {
            text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
        }
        switch verb {
        case "v", "s":
            return GoPrintf.pad(text, spec)
        case "q":
            if spec.sharp && !text.contains("`") && text.unicodeScalars.allSatisfy({ GoQuoting.isPrint($0) || $0 == "\t" }) {
                return GoPrintf.pad("`" + text + "`", spec)
            }
            return GoPrintf.pad(GoQuoting.quote(text, options: spec.plus ? .asciiOnly : []), spec)
        case "x", "X":
            var bytes = Array(s.utf8)
            if let p = spec.precision { bytes = Array(bytes.prefix(p)) }
            let parts = bytes.map { b -> String in
                let h = String(b, radix: 16, uppercase: verb == "X")
                return (h.count < 2 ? "0" + h : h)
            }
            let prefix = spec.sharp ? (verb == "X" ? "0X" : "0x") : ""
            let joined = spec.space ? parts.map { prefix + $0 }.joined(separator: " ") : prefix + parts.joined()
            return GoPrintf.pad(joined, spec)
        default:
            return bad(value, verb)
        }
    }
}
