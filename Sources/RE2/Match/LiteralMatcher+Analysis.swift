// MARK: - Recognizing fast-path patterns

extension LiteralMatcher {
    /// A fast matcher for `root` (the user's pattern, before anchoring), or nil when the pattern
    /// needs the VM. `anchored` selects whole-string matching.
    static func analyze(_ root: RegexNode, anchored: Bool) -> LiteralMatcher? {
        var items: [RegexNode]
        switch root.strippingCaptures {
        case let .concat(subs): items = subs
        case let other: items = [other]
        }
        var leadingAny = false
        var trailingAny = false
        while let first = items.first, first.isDotStar {
            leadingAny = true
            items.removeFirst()
        }
        while let last = items.last, last.isDotStar {
            trailingAny = true
            items.removeLast()
        }
        if items.isEmpty {
            return leadingAny || !anchored ? LiteralMatcher(mode: .anything, literals: [], fold: false) : nil
        }
        if anchored && !leadingAny && !trailingAny && items.count == 1, items[0].isDotPlus {
            return LiteralMatcher(mode: .nonEmpty, literals: [], fold: false)
        }
        guard items.count == 1, let (literals, fold) = items[0].literalAlternatives else { return nil }
        let mode: Mode
        if !anchored || (leadingAny && trailingAny) {
            mode = .contains
        } else if leadingAny {
            mode = .suffix
        } else if trailingAny {
            mode = .prefix
        } else {
            mode = .exact
        }
        return LiteralMatcher(mode: mode, literals: literals, fold: fold)
    }

    /// The literal UTF-8 prefix every anchored match must start with (case-sensitive parts only).
    static func requiredPrefix(_ root: RegexNode) -> [UInt8] {
        let first: RegexNode
        switch root.strippingCaptures {
        case let .concat(subs): first = subs.first ?? .empty
        case let other: first = other
        }
        if case let .literal(scalars, fold) = first, !fold {
            var s = String.UnicodeScalarView()
            for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
            return Array(String(s).utf8)
        }
        return []
    }
}

extension RegexNode {
    /// The node with capture groups replaced by their contents (for match-only analysis).
    var strippingCaptures: RegexNode {
        switch self {
        case let .capture(_, _, sub): return sub.strippingCaptures
        case let .concat(subs):
            return RegexParser.concat(subs.map(\.strippingCaptures).flatMap { node -> [RegexNode] in
                if case let .concat(inner) = node { return inner }
                return [node]
            })
        case let .alternate(subs): return .alternate(subs.map(\.strippingCaptures))
        case let .repeat(sub, min, max, greedy):
            return .repeat(sub.strippingCaptures, min: min, max: max, greedy: greedy)
        default: return self
        }
    }

    /// `.*` with `.` matching newline.
    var isDotStar: Bool {
        if case .repeat(.anyChar, 0, -1, _) = self { return true }
        return false
    }

    /// `.+` with `.` matching newline.
    var isDotPlus: Bool {
        if case .repeat(.anyChar, 1, -1, _) = self { return true }
        return false
    }

    /// The UTF-8 literals of a literal or an alternation of literals, and whether they fold case.
    /// Nil when not all literals, mixed folding, or folding of non-ASCII text.
    var literalAlternatives: ([[UInt8]], Bool)? {
        let alts: [RegexNode]
        if case let .alternate(subs) = self { alts = subs } else { alts = [self] }
        var out: [[UInt8]] = []
        var foldSeen: Bool?
        for alt in alts {
            switch alt {
            case .empty:
                out.append([])
            case let .literal(scalars, fold):
                if let f = foldSeen, f != fold { return nil }
                foldSeen = fold
                if fold && scalars.contains(where: { $0 >= 0x80 }) { return nil }
                var s = String.UnicodeScalarView()
                for v in scalars {
                    guard let u = Unicode.Scalar(v) else { return nil }
                    s.append(u)
                }
                out.append(Array(String(s).utf8))
            default:
                return nil
            }
        }
        return (out, foldSeen ?? false)
    }
}
