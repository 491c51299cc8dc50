// MARK: - Bracket classes

extension RegexParser {
    /// Parses a bracket class `[...]` starting at `[`.
    mutating func parseClass() throws -> RegexNode {
        let start = pos
        pos += 1
        var negate = false
        if peek() == "^" {
            negate = true
            pos += 1
        }
        let fold = flags.contains(.foldCase)
        // Ranges are collected and normalized once at the end (adding one by one is quadratic).
        var members: [ClosedRange<UInt32>] = []
        var first = true
        while first || peek() != "]" {
            guard let c = peek() else { throw missingBracket(start) }
            first = false
            if c == "[", peek(1) == ":", let named = try parseNamedClass(fold: fold) {
                members += named.ranges
                continue
            }
            if c == "\\", let d = peek(1) {
                if d == "p" || d == "P" {
                    members += try parseUnicodeClass().ranges
                    continue
                }
                if "dDsSwW".unicodeScalars.contains(d) {
                    members += try parsePerlClass().ranges
                    continue
                }
            }
            let rangeStart = pos
            let lo = try parseClassChar(classStart: start)
            var hi = lo
            if peek() == "-", let next = peek(1), next != "]" {
                pos += 1
                hi = try parseClassChar(classStart: start)
                if hi < lo {
                    throw RegexSyntaxError(.invalidCharRange, offset: rangeStart, fragment: text(rangeStart, pos))
                }
            }
            if fold {
                members += CharClass([lo...hi]).caseFolded().ranges
            } else {
                members.append(lo...hi)
            }
        }
        pos += 1
        var cls = CharClass(members)
        if negate { cls = cls.negated() }
        return try classNode(cls)
    }

    /// One class member scalar, possibly escaped.
    private mutating func parseClassChar(classStart: Int) throws -> UInt32 {
        guard let c = peek() else { throw missingBracket(classStart) }
        if c == "\\" { return try parseEscape() }
        pos += 1
        return c.value
    }

    private func missingBracket(_ start: Int) -> RegexSyntaxError {
        RegexSyntaxError(.missingBracket, offset: start, fragment: text(start, chars.count))
    }

    /// Parses `[:name:]` or `[:^name:]` at `pos`; nil when there is no closing `:]`.
    private mutating func parseNamedClass(fold: Bool) throws -> CharClass? {
        var i = pos + 2
        while i + 1 < chars.count {
            if chars[i] == ":" && chars[i + 1] == "]" { break }
            i += 1
        }
        guard i + 1 < chars.count else { return nil }
        let start = pos
        var name = text(pos + 2, i)
        pos = i + 2
        var negate = false
        if name.hasPrefix("^") {
            negate = true
            name.removeFirst()
        }
        guard var cls = UnicodeTables.posixClass(name) else {
            throw RegexSyntaxError(.invalidCharRange, offset: start, fragment: text(start, pos))
        }
        if fold { cls = cls.caseFolded() }
        return negate ? cls.negated() : cls
    }
}
