/// Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` over template values: the verbs
/// `%v %s %q %d %b %o %O %x %X %c %U %e %E %f %F %g %G %t %T %%`, the flags `+ - # 0 space`, width and
/// precision (also `*`), and Go's error forms (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`).
enum GoPrintf {
    /// Formatting directives of one verb.
    struct Spec {
        var plus = false, minus = false, sharp = false, zero = false, space = false
        var width: Int?
        var precision: Int?
    }

    // MARK: - Sprint family

    /// `fmt.Sprint`: operands in `%v`, with a space between two operands when neither is a string.
    static func sprint(_ args: [TemplateValue]) -> String {
        var out = ""
        var previousIsString = true
        for (i, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg { isString = true } else { isString = false }
            if i > 0 && !isString && !previousIsString { out += " " }
            out += GoValueFormatter.plain(arg)
            previousIsString = isString
        }
        return out
    }

    /// `fmt.Sprintln`: operands in `%v` separated by spaces, then a newline.
    static func sprintln(_ args: [TemplateValue]) -> String {
        args.map { GoValueFormatter.plain($0) }.joined(separator: " ") + "\n"
    }

    // MARK: - Sprintf

    /// `fmt.Sprintf(format, args...)`.
    static func sprintf(_ format: String, _ args: [TemplateValue]) -> String {
        var out = ""
        let chars = Array(format.unicodeScalars)
        var i = 0
        var argIndex = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else { out.unicodeScalars.append(c); continue }
            var spec = Spec()
            flags: while i < chars.count {
                switch chars[i] {
                case "+": spec.plus = true
                case "-": spec.minus = true; spec.zero = false
                case "#": spec.sharp = true
                case "0": spec.zero = !spec.minus
                case " ": spec.space = true
                default: break flags
                }
                i += 1
            }
            guard readNumber(chars, &i, args, &argIndex, into: &spec.width, out: &out, bad: "%!(BADWIDTH)") else { continue }
            if let w = spec.width, w < 0 { spec.minus = true; spec.zero = false; spec.width = -w }
            if i < chars.count && chars[i] == "." {
                i += 1
                guard readNumber(chars, &i, args, &argIndex, into: &spec.precision, out: &out, bad: "%!(BADPREC)") else { continue }
                if spec.precision == nil { spec.precision = 0 }
                if let p = spec.precision, p < 0 { spec.precision = nil }
            }
            guard i < chars.count else { out += "%!(NOVERB)"; break }
            let verb = Character(chars[i])
            i += 1
            if verb == "%" { out += "%"; continue }
            guard argIndex < args.count else { out += "%!\(verb)(MISSING)"; continue }
            let arg = args[argIndex]
            argIndex += 1
            out += GoValueFormatter.format(arg, verb: verb, spec: spec)
        }
        if argIndex < args.count {
            let extra = args[argIndex...].map { arg -> String in
                if case .null = arg { return "<nil>" }
                return "\(arg.goTypeName)=\(GoValueFormatter.plain(arg))"
            }
            out += "%!(EXTRA " + extra.joined(separator: ", ") + ")"
        }
        return out
    }

    /// Reads a width or precision (digits or `*`); false (after writing `bad`) when `*` has no int.
    private static func readNumber(_ chars: [Unicode.Scalar], _ i: inout Int, _ args: [TemplateValue], _ argIndex: inout Int,
                                   into value: inout Int?, out: inout String, bad: String) -> Bool {
        if i < chars.count && chars[i] == "*" {
            i += 1
            guard argIndex < args.count, case .int(let n) = args[argIndex], abs(n) <= 1_000_000 else {
                argIndex += 1
                out += bad
                return false
            }
            argIndex += 1
            value = n
            return true
        }
        var n: Int?
        while i < chars.count, let d = Int(String(chars[i])), chars[i].isASCII {
            n = min((n ?? 0) * 10 + d, 1_000_000)
            i += 1
        }
        if n != nil { value = n }
        return true
    }

    // MARK: - Padding

    /// Pads `s` to the spec's width with spaces (or zeros after the sign for numbers).
    static func pad(_ s: String, _ spec: Spec, numeric: Bool = false) -> String {
        guard let width = spec.width else { return s }
        let count = s.unicodeScalars.count
        guard count < width else { return s }
        let fill = width - count
        if spec.minus { return s + String(repeating: " ", count: fill) }
        if spec.zero && !numeric { return String(repeating: "0", count: fill) + s }
        if spec.zero && numeric {
            var body = Substring(s)
            var sign = ""
            if let f = body.first, f == "-" || f == "+" || f == " " { sign = String(f); body = body.dropFirst() }
            return sign + String(repeating: "0", count: fill) + body
        }
        return String(repeating: " ", count: fill) + s
    }
}
