/// Flags that change how the parser reads a pattern (`(?imsU)`).
struct RegexFlags: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// `(?i)`: case-insensitive matching.
    static let foldCase = RegexFlags(rawValue: 1)
    /// `(?m)`: `^` and `$` match at line boundaries.
    static let multiLine = RegexFlags(rawValue: 2)
    /// `(?s)`: `.` matches `\n`.
    static let dotNL = RegexFlags(rawValue: 4)
    /// `(?U)`: swap greedy and lazy repetition.
    static let nonGreedy = RegexFlags(rawValue: 8)
}

/// Zero-width assertions.
enum RegexAssertion: UInt8, Sendable {
    case beginLine, endLine, beginText, endText, wordBoundary, notWordBoundary
}

/// The syntax tree of a parsed regular expression.
indirect enum RegexNode: Sendable, Equatable {
    /// Matches the empty string.
    case empty
    /// Never matches (e.g. an empty character class).
    case noMatch
    /// A sequence of scalars; `fold` makes it case-insensitive.
    case literal([UInt32], fold: Bool)
    /// One scalar from a set.
    case charClass(CharClass)
    /// Any scalar (`(?s).`).
    case anyChar
    /// Any scalar except `\n`.
    case anyCharNotNL
    /// A zero-width assertion.
    case assertion(RegexAssertion)
    /// A capturing group with its 1-based index and optional name.
    case capture(index: Int, name: String?, RegexNode)
    /// Sub-expressions in sequence.
    case concat([RegexNode])
    /// Alternatives, leftmost preferred.
    case alternate([RegexNode])
    /// Repetition; `max == -1` means unbounded.
    case `repeat`(RegexNode, min: Int, max: Int, greedy: Bool)
}

// MARK: - Properties

extension RegexNode {
    /// Whether the node is a repetition (used to detect nested repetition operators).
    var isRepeat: Bool {
        if case .repeat = self { return true }
        return false
    }

    /// The largest product of nested repetition counts (Go rejects more than 1000).
    var maxRepeatNesting: Int {
        switch self {
        case let .repeat(sub, min, max, _):
            let n = Swift.max(min, max)
            let inner = sub.maxRepeatNesting
            let (product, overflow) = Swift.max(n, 1).multipliedReportingOverflow(by: inner)
            return overflow ? Int.max : product
        case let .capture(_, _, sub): return sub.maxRepeatNesting
        case let .concat(subs), let .alternate(subs):
            return subs.reduce(1) { Swift.max($0, $1.maxRepeatNesting) }
        default: return 1
        }
    }
}
