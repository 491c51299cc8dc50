/// The result of parsing: the syntax tree and the capture group names (index 0 is the whole match).
struct ParsedRegex: Sendable {
    var root: RegexNode
    var captureNames: [String?]
}

/// A recursive-descent parser for RE2 syntax (Go's `regexp/syntax` with Perl flags).
///
/// Positions are offsets in Unicode scalars. Error messages and fragments follow Go's parser.
struct RegexParser {
    /// The deepest nesting of groups accepted (keeps recursion bounded).
    static let maxNesting = 100
    /// The largest repeat count (`{n,m}`), as in RE2.
    static let maxRepeat = 1000

    let chars: [Unicode.Scalar]
    var pos = 0
    var flags: RegexFlags
    var captureNames: [String?] = [nil]
    private var depth = 0

    init(_ pattern: String, flags: RegexFlags = []) {
        chars = Array(pattern.unicodeScalars)
        self.flags = flags
    }

    /// Parses a whole pattern.
    static func parse(_ pattern: String, flags: RegexFlags = []) throws -> ParsedRegex {
        var p = RegexParser(pattern, flags: flags)
        let root = try p.parseAlternation()
        if p.pos < p.chars.count {
            throw RegexSyntaxError(.unexpectedParen, offset: p.pos, fragment: pattern)
        }
        return ParsedRegex(root: root, captureNames: p.captureNames)
    }

    // MARK: - Helpers

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i >= 0 && i < chars.count ? chars[i] : nil
    }

    func text(_ from: Int, _ to: Int) -> String {
        let lo = max(0, min(from, chars.count))
        let hi = max(lo, min(to, chars.count))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: chars[lo..<hi])
        return String(s)
    }

    var wholePattern: String { text(0, chars.count) }

    /// A literal node for one scalar under the current flags.
    func literal(_ c: UInt32) -> RegexNode {
        .literal([c], fold: flags.contains(.foldCase))
    }

    // MARK: - Alternation and concatenation

    mutating func parseAlternation() throws -> RegexNode {
        var branches = [try parseConcat()]
        while peek() == "|" {
            pos += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcat() throws -> RegexNode {
        var items: [RegexNode] = []
        var lastRepeatStart: Int?
        while let c = peek(), c != "|", c != ")" {
            let start = pos
            switch c {
            case "*", "+", "?":
                pos += 1
                let (lo, hi) = c == "*" ? (0, -1) : c == "+" ? (1, -1) : (0, 1)
                try applyRepeat(&items, min: lo, max: hi, opStart: start, lastRepeatStart: lastRepeatStart)
                lastRepeatStart = start
                continue
            case "{":
                if let (lo, hi, end) = repeatBraces() {
                    pos = end
                    if lo > Self.maxRepeat || hi > Self.maxRepeat || (hi >= 0 && lo > hi) {
                        throw RegexSyntaxError(.invalidRepeatSize, offset: start, fragment: text(start, pos))
                    }
                    try applyRepeat(&items, min: lo, max: hi, opStart: start, lastRepeatStart: lastRepeatStart)
                    lastRepeatStart = start
                    continue
                }
                pos += 1
                items.append(literal(c.value))
            case "(":
                if let node = try parseGroup() { items.append(node) }
            case "[":
                items.append(try parseClass())
            case ".":
                pos += 1
                items.append(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
            case "^":
                pos += 1
                items.append(.assertion(flags.contains(.multiLine) ? .beginLine : .beginText))
            case "$":
                pos += 1
                items.append(.assertion(flags.contains(.multiLine) ? .endLine : .endText))
            case "\\":
                items.append(contentsOf: try parseBackslash())
            default:
                pos += 1
                items.append(literal(c.value))
            }
            lastRepeatStart = nil
        }
        return Self.concat(items)
    }

    /// Joins items, merging runs of single literals with the same case folding.
    static func concat(_ items: [RegexNode]) -> RegexNode {
        var out: [RegexNode] = []
        for item in items {
            if case let .literal(b, fold) = item, case let .literal(a, lastFold)? = out.last, fold == lastFold {
                out[out.count - 1] = .literal(a + b, fold: fold)
            } else if case .empty = item {
                continue
            } else {
                out.append(item)
            }
        }
        switch out.count {
        case 0: return .empty
        case 1: return out[0]
        default: return .concat(out)
        }
    }

    // MARK: - Repetition

    private mutating func applyRepeat(
        _ items: inout [RegexNode], min lo: Int, max hi: Int, opStart: Int, lastRepeatStart: Int?
    ) throws {
        var greedy = !flags.contains(.nonGreedy)
        if peek() == "?" {
            pos += 1
            greedy.toggle()
        }
        if let last = lastRepeatStart {
            throw RegexSyntaxError(.invalidRepeatOp, offset: last, fragment: text(last, pos))
        }
        guard let sub = items.popLast() else {
            throw RegexSyntaxError(.missingRepeatArgument, offset: opStart, fragment: text(opStart, pos))
        }
        let node = RegexNode.repeat(sub, min: lo, max: hi, greedy: greedy)
        if (lo >= 2 || hi >= 2) && node.maxRepeatNesting > Self.maxRepeat {
            throw RegexSyntaxError(.invalidRepeatSize, offset: opStart, fragment: text(opStart, pos))
        }
        items.append(node)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `pos` without consuming; nil when it is a literal `{`.
    private func repeatBraces() -> (Int, Int, Int)? {
        var i = pos + 1
        func number() -> Int? {
            let start = i
            var value = 0
            while i < chars.count, let d = digit(chars[i]) {
                value = value > 100_000 ? 100_000 : value * 10 + d
                i += 1
            }
            return i > start ? value : nil
        }
        guard let lo = number() else { return nil }
        var hi = lo
        if i < chars.count, chars[i] == "," {
            i += 1
            hi = number() ?? -1
        }
        guard i < chars.count, chars[i] == "}" else { return nil }
        return (lo, hi, i + 1)
    }

    private func digit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil
    }

    // MARK: - Groups

    /// Parses a group starting at `(`; returns nil for a flag-only group such as `(?i)`.
    private mutating func parseGroup() throws -> RegexNode? {
        let start = pos
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting {
            throw RegexSyntaxError(.nestingDepth, offset: start, fragment: "")
        }
        var name: String?
        let savedFlags = flags
        if peek(1) == "?" {
            if (peek(2) == "P" && peek(3) == "<") || peek(2) == "<" {
                name = try parseCaptureName()
            } else {
                pos += 2
                guard let scoped = try parseFlags(groupStart: start) else { return nil }
                _ = scoped
                let inner = try parseAlternation()
                try expectCloseParen()
                flags = savedFlags
                return inner
            }
        } else {
            pos += 1
        }
        captureNames.append(name)
        let index = captureNames.count - 1
        let inner = try parseAlternation()
        try expectCloseParen()
        flags = savedFlags
        return .capture(index: index, name: name, inner)
    }

    private mutating func expectCloseParen() throws {
        guard peek() == ")" else {
            throw RegexSyntaxError(.missingParen, offset: pos, fragment: wholePattern)
        }
        pos += 1
    }

    private mutating func parseCaptureName() throws -> String {
        let start = pos
        let nameStart = peek(2) == "P" ? pos + 4 : pos + 3
        guard let end = chars[nameStart...].firstIndex(of: ">") else {
            throw RegexSyntaxError(.invalidNamedCapture, offset: start, fragment: text(start, chars.count))
        }
        let name = text(nameStart, end)
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || digit($0) != nil))
        }
        guard valid else {
            throw RegexSyntaxError(.invalidNamedCapture, offset: start, fragment: text(start, end + 1))
        }
        pos = end + 1
        return name
    }

    /// Parses flags after `(?`. Returns true for `(?flags:` (a scoped group follows),
    /// nil for `(?flags)` which changes the flags of the enclosing group.
    private mutating func parseFlags(groupStart: Int) throws -> Bool? {
        var newFlags = flags
        var negate = false
        var sawFlag = false
        while let c = peek() {
            pos += 1
            switch c {
            case "i", "m", "s", "U":
                let f: RegexFlags = c == "i" ? .foldCase : c == "m" ? .multiLine : c == "s" ? .dotNL : .nonGreedy
                if negate { newFlags.remove(f) } else { newFlags.insert(f) }
                sawFlag = true
            case "-":
                if negate { return try invalidPerl(groupStart) }
                negate = true
                sawFlag = false
            case ":", ")":
                if negate && !sawFlag { return try invalidPerl(groupStart) }
                flags = newFlags
                return c == ":" ? true : nil
            default:
                return try invalidPerl(groupStart)
            }
        }
        return try invalidPerl(groupStart)
    }

    private func invalidPerl(_ start: Int) throws -> Bool? {
        throw RegexSyntaxError(.invalidPerlOp, offset: start, fragment: text(start, pos))
    }
}
