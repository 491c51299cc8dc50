/// Expands replacement templates like Go's `Regexp.Expand`.
///
/// `$1`, `${1}`, `$name`, `${name}` insert a group's text (empty when unknown or not matched);
/// `$$` inserts `$`. A `$name` takes the longest run of letters, digits and `_`, so `$1x` refers
/// to a group called `1x`. Numbers with leading zeros are names. A malformed reference (`$`
/// followed by nothing usable, or `${` without `}`) is copied literally.
enum TemplateExpander {
    /// Appends the expansion of `template` for `match` to `out`.
    static func expand(_ template: String, match: RegexMatch, into out: inout String) {
        let t = Array(template.unicodeScalars)
        var literalStart = 0
        var i = 0
        func flush(_ end: Int) {
            if end > literalStart { out.unicodeScalars.append(contentsOf: t[literalStart..<end]) }
        }
        while i < t.count {
            guard t[i] == "$" else {
                i += 1
                continue
            }
            flush(i)
            if i + 1 < t.count && t[i + 1] == "$" {
                out.append("$")
                i += 2
                literalStart = i
                continue
            }
            guard let (name, next) = reference(t, after: i + 1) else {
                out.append("$")
                i += 1
                literalStart = i
                continue
            }
            if let text = groupText(name, match) { out.append(contentsOf: text) }
            i = next
            literalStart = i
        }
        flush(t.count)
    }

    /// Parses a group reference after `$`; returns the name and the index after it.
    private static func reference(_ t: [Unicode.Scalar], after start: Int) -> (String, Int)? {
        var i = start
        let braced = i < t.count && t[i] == "{"
        if braced { i += 1 }
        let nameStart = i
        while i < t.count, isNameScalar(t[i]) { i += 1 }
        guard i > nameStart else { return nil }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: t[nameStart..<i])
        if braced {
            guard i < t.count, t[i] == "}" else { return nil }
            i += 1
        }
        return (String(s), i)
    }

    private static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        if c == "_" { return true }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func groupText(_ name: String, _ match: RegexMatch) -> Substring? {
        if let number = groupNumber(name) { return match[number] }
        for (i, n) in match.names.enumerated() where n == name {
            if let text = match[i] { return text }
        }
        return nil
    }

    /// The group number of an all-ASCII-digit name without leading zeros (bounded), else nil.
    private static func groupNumber(_ name: String) -> Int? {
        let digits = name.unicodeScalars
        guard let first = digits.first, !(first == "0" && digits.count > 1) else { return nil }
        var n = 0
        for d in digits {
            guard d.value >= 0x30 && d.value <= 0x39, n < 100_000_000 else { return nil }
            n = n * 10 + Int(d.value - 0x30)
        }
        return n
    }
}
