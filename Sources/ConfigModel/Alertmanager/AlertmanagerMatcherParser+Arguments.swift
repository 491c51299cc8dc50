import PromModel

// MARK: - amtool label arguments

extension AlertmanagerMatcherParser {
    /// One `name=value` alert label as `amtool config routes test` reads its arguments: amtool 0.25's
    /// single-matcher grammar (spaces around the operator ignored, an optional quoted value with `\"`,
    /// `\\` and `\n` escapes), falling back to the UTF-8 matcher grammar of newer releases. Only `=`
    /// is accepted.
    public func parseLabelArgument(_ text: String) throws -> Label {
        let matcher: LabelMatcher
        do {
            matcher = try parseClassicArgument(text)
        } catch let classic {
            guard let parsed = try? parseUTF8(text), parsed.count == 1, let only = parsed.first else { throw classic }
            matcher = only
        }
        guard matcher.type == .equal else {
            throw ParseError(message: "labels must be specified as key=value pairs", offset: 0)
        }
        return Label(matcher.name, matcher.value)
    }

    /// One matcher in amtool 0.25's argument grammar (a legacy label name, then `=`, `!=`, `=~` or `!~`).
    public func parseClassicArgument(_ text: String) throws -> LabelMatcher {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" }
        func bad() -> ParseError { ParseError(message: "bad matcher format: \(text)", offset: i) }
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        let nameStart = i
        while i < scalars.count {
            let c = scalars[i]
            let ok = c == "_" || c == ":" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
                || (i > nameStart && c >= "0" && c <= "9")
            if !ok { break }
            i += 1
        }
        guard i > nameStart else { throw bad() }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<i]))
        while i < scalars.count, isSpace(scalars[i]) { i += 1 }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        let type: LabelMatcher.MatchType
        if rest.hasPrefix("=~") { type = .regexMatch } else if rest.hasPrefix("!=") { type = .notEqual }
        else if rest.hasPrefix("!~") { type = .regexNoMatch } else if rest.hasPrefix("=") { type = .equal }
        else { throw bad() }
        var raw = Substring(rest.dropFirst(type.rawValue.count))
        while let f = raw.unicodeScalars.first, isSpace(f) { raw = raw.dropFirst() }
        while let l = raw.unicodeScalars.last, isSpace(l) { raw = raw.dropLast() }
        let written = String(raw)
        var expectQuote = false
        if raw.hasPrefix("\"") { raw = raw.dropFirst(); expectQuote = true }
        let chars = Array(raw.unicodeScalars)
        var value = String.UnicodeScalarView()
        var escaped = false
        let quoteError = ParseError(message: "matcher value contains unescaped double quote: \(written)", offset: i)
        for (k, c) in chars.enumerated() {
            if escaped {
                escaped = false
                switch c {
                case "n": value.append("\n")
                case "\"", "\\": value.append(c)
                default: value.append("\\"); value.append(c)
                }
                continue
            }
            switch c {
            case "\\":
                if k < chars.count - 1 { escaped = true } else { value.append(c) }
            case "\"":
                if !expectQuote || k < chars.count - 1 { throw quoteError }
                expectQuote = false
            default:
                value.append(c)
            }
        }
        if expectQuote { throw quoteError }
        do {
            return try LabelMatcher(type, name, String(value))
        } catch {
            throw ParseError(message: "\(error)", offset: i)
        }
    }
}
