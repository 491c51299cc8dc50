import PromModel
import PromQL

/// One `eval instant …` or `eval range …` command with its expectations.
public struct PromQLTestEval: Sendable {
    /// Instant or range evaluation, times in milliseconds since the epoch.
    public enum Mode: Hashable, Sendable {
        case instant(at: Int64)
        case range(start: Int64, end: Int64, step: Int64)
    }

    /// `expect range vector from … to … step …` (an instant query that returns a matrix).
    public struct RangeVector: Hashable, Sendable {
        public var start: Int64
        public var end: Int64
        public var step: Int64
    }

    /// What an expected result line says.
    public struct ExpectedSeries: Sendable {
        public var line: Int
        public var labels: Labels
        public var values: [SeriesValue]
    }

    public var line: Int
    /// 1-based column where the expression starts on `line`.
    public var exprColumn: Int
    /// The expression as written.
    public var exprText: String
    public var expr: Expr
    public var mode: Mode

    // MARK: - Expectations

    /// `expect fail [msg:|regex:]` or `eval_fail`; `nil` when the query must succeed.
    public var fail: PromQLTestMessageMatch?
    public var warnings: [PromQLTestMessageMatch] = []
    public var infos: [PromQLTestMessageMatch] = []
    public var noWarn = false
    public var noInfo = false
    public var ordered = false
    /// Deprecated `eval_warn` / `eval_info`: at least one such annotation is required.
    public var requireWarning = false
    public var requireInfo = false
    public var rangeVector: RangeVector?
    /// `expect string "…"`.
    public var expectedString: String?
    /// A bare number line: the expected scalar.
    public var expectedScalar: Double?
    public var expectedSeries: [ExpectedSeries] = []

    public init(line: Int, exprColumn: Int, exprText: String, expr: Expr, mode: Mode) {
        self.line = line
        self.exprColumn = exprColumn
        self.exprText = exprText
        self.expr = expr
        self.mode = mode
    }

    /// Whether any expected value is a native histogram.
    public var expectsHistograms: Bool {
        expectedSeries.contains { s in s.values.contains { if case .histogram = $0 { true } else { false } } }
    }

    /// `eval instant at 5m` / `eval range from 0 to 10m step 1m` as written back in reports.
    public var header: String {
        switch mode {
        case .instant(let at): return "eval instant at \(PromQLTestEval.format(at)) \(exprText)"
        case .range(let s, let e, let st):
            return "eval range from \(PromQLTestEval.format(s)) to \(PromQLTestEval.format(e)) step \(PromQLTestEval.format(st)) \(exprText)"
        }
    }

    /// A time or duration in milliseconds as Prometheus prints durations (`0s`, `1m30s`).
    static func format(_ ms: Int64) -> String { Duration(milliseconds: ms).description }
}

/// How an `expect` line matches an error or annotation text.
public enum PromQLTestMessageMatch: Sendable, CustomStringConvertible {
    /// Any message.
    case any
    /// `msg:<text>`: the whole message.
    case exact(String)
    /// `regex:<RE2>`: the pattern matches somewhere in the message.
    case regex(String, LabelMatcher)

    /// Builds a `regex:` match; throws for invalid patterns.
    public static func regex(_ pattern: String) throws -> PromQLTestMessageMatch {
        .regex(pattern, try LabelMatcher(.regexMatch, "message", "(?s:.*)(?:" + pattern + ")(?s:.*)"))
    }

    public func matches(_ message: String) -> Bool {
        switch self {
        case .any: return true
        case .exact(let text): return message == text
        case .regex(_, let matcher): return matcher.matches(message)
        }
    }

    public var description: String {
        switch self {
        case .any: return "any message"
        case .exact(let text): return "msg:\(text)"
        case .regex(let pattern, _): return "regex:\(pattern)"
        }
    }
}
