// MARK: - Escapes outside classes

extension RegexParser {
    /// Parses a backslash sequence outside a class: assertions, `\Q...\E`, classes or a literal.
    mutating func parseBackslash() throws -> [RegexNode] {
        let start = pos
        guard let c = peek(1) else {
            throw RegexSyntaxError(.trailingBackslash, offset: start)
        }
        switch c {
        case "A": pos += 2; return [.assertion(.beginText)]
        case "z": pos += 2; return [.assertion(.endText)]
        case "b": pos += 2; return [.assertion(.wordBoundary)]
        case "B": pos += 2; return [.assertion(.notWordBoundary)]
        case "Q":
            pos += 2
            var out: [RegexNode] = []
            while let d = peek() {
                if d == "\\" && peek(1) == "E" {
                    pos += 2
                    break
                }
                out.append(literal(d.value))
                pos += 1
            }
            return out
        case "p", "P":
            return [try classNode(parseUnicodeClass())]
        case "d", "D", "s", "S", "w", "W":
            return [try classNode(parsePerlClass())]
        default:
            return [literal(try parseEscape())]
        }
    }

    /// A node for a class under the current flags (already folded and negated as needed).
    func classNode(_ cls: CharClass) throws -> RegexNode {
        if cls.isEmpty { return .noMatch }
        if cls.isFull { return .anyChar }
        if let c = cls.singleScalar { return .literal([c], fold: false) }
        return .charClass(cls)
    }

    // MARK: - Named classes

    /// Parses `\d \D \s \S \w \W` at `pos`, applying case folding then negation.
    mutating func parsePerlClass() throws -> CharClass {
        let letter = peek(1) ?? "d"
        let lower = Character(String(letter).lowercased())
        pos += 2
        guard var cls = UnicodeTables.perlClass(lower) else {
            throw RegexSyntaxError(.invalidEscape, offset: pos - 2, fragment: text(pos - 2, pos))
        }
        if flags.contains(.foldCase) { cls = cls.caseFolded() }
        return letter.properties.isUppercase ? cls.negated() : cls
    }

    /// Parses `\pL`, `\p{Name}`, `\p{^Name}`, `\PL` at `pos`.
    mutating func parseUnicodeClass() throws -> CharClass {
        let start = pos
        var negate = peek(1) == "P"
        var name: String
        if peek(2) == "{" {
            guard let end = chars[(pos + 2)...].firstIndex(of: "}") else {
                throw RegexSyntaxError(.invalidCharRange, offset: start, fragment: text(start, chars.count))
            }
            name = text(pos + 3, end)
            pos = end + 1
        } else if let c = peek(2) {
            name = String(c)
            pos += 3
        } else {
            pos += 2
            throw RegexSyntaxError(.invalidCharRange, offset: start, fragment: text(start, pos))
        }
        if name.hasPrefix("^") {
            negate.toggle()
            name.removeFirst()
        }
        guard var cls = UnicodeTables.unicodeClass(name) else {
            throw RegexSyntaxError(.invalidCharRange, offset: start, fragment: text(start, pos))
        }
        if flags.contains(.foldCase) { cls = cls.caseFolded() }
        return negate ? cls.negated() : cls
    }

    // MARK: - Single-scalar escapes

    /// Parses an escape that denotes one scalar (`\n`, `\x41`, `\x{10FFFF}`, `\012`, `\.`).
    mutating func parseEscape() throws -> UInt32 {
        let start = pos
        pos += 1
        guard let c = peek() else {
            throw RegexSyntaxError(.trailingBackslash, offset: start)
        }
        pos += 1
        switch c {
        case "1"..."7":
            guard let d = peek(), d >= "0", d <= "7" else { throw invalidEscape(start) }
            return octal(first: c.value - 0x30)
        case "0":
            return octal(first: 0)
        case "x":
            return try parseHexEscape(start)
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            if c.isASCII && !c.properties.isAlphabetic && !("0"..."9").contains(c) {
                return c.value
            }
            throw invalidEscape(start)
        }
    }

    private func invalidEscape(_ start: Int) -> RegexSyntaxError {
        RegexSyntaxError(.invalidEscape, offset: start, fragment: text(start, pos))
    }

    /// Reads up to two more octal digits after the first.
    private mutating func octal(first: UInt32) -> UInt32 {
        var value = first
        for _ in 0..<2 {
            guard let d = peek(), d >= "0", d <= "7" else { break }
            value = value * 8 + (d.value - 0x30)
            pos += 1
        }
        return value
    }

    private mutating func parseHexEscape(_ start: Int) throws -> UInt32 {
        func hex(_ c: Unicode.Scalar?) -> UInt32? {
            guard let c else { return nil }
            switch c {
            case "0"..."9": return c.value - 0x30
            case "a"..."f": return c.value - 0x61 + 10
            case "A"..."F": return c.value - 0x41 + 10
            default: return nil
            }
        }
        if peek() == "{" {
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            while let d = peek(), d != "}" {
                pos += 1
                guard let h = hex(d) else { throw invalidEscape(start) }
                value = value * 16 + h
                digits += 1
                if value > CharClass.maxScalar { throw invalidEscape(start) }
            }
            guard peek() == "}", digits > 0 else {
                if peek() == "}" { pos += 1 }
                throw invalidEscape(start)
            }
            pos += 1
            return value
        }
        guard let h1 = hex(peek()) else {
            if peek() != nil { pos += 1 }
            throw invalidEscape(start)
        }
        pos += 1
        guard let h2 = hex(peek()) else {
            if peek() != nil { pos += 1 }
            throw invalidEscape(start)
        }
        pos += 1
        return h1 * 16 + h2
    }
}
