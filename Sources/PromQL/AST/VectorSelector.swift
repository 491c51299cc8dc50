import PromModel

/// The `@` modifier of a selector or subquery.
public enum AtModifier: Hashable, Sendable {
    /// `@ <unix seconds>`, held in milliseconds (rounded like Prometheus's `timestamp.FromFloatSeconds`).
    case timestamp(milliseconds: Int64)
    /// `@ start()`
    case start
    /// `@ end()`
    case end
}

/// An instant vector selector: `name{matchers} offset d @ t`.
///
/// `matchers` includes the metric-name matcher (`__name__="name"`) when a name was written, as in
/// Prometheus, so the engine can select on `matchers` alone.
public struct VectorSelector: Hashable, Sendable {
    /// The metric name written before the braces or as a quoted name inside them; empty when absent.
    public var name: String
    public var matchers: [LabelMatcher]
    /// The `offset` modifier; `nil` when absent. Negative offsets are `.unary(.minus, …)` or negative literals.
    public var offset: DurationExpr?
    public var at: AtModifier?
    /// The experimental `anchored` modifier.
    public var anchored: Bool
    /// The experimental `smoothed` modifier.
    public var smoothed: Bool
    public var span: SourceSpan

    public init(name: String, matchers: [LabelMatcher], offset: DurationExpr? = nil, at: AtModifier? = nil,
                anchored: Bool = false, smoothed: Bool = false, span: SourceSpan) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
        self.anchored = anchored
        self.smoothed = smoothed
        self.span = span
    }

    /// The constant offset in milliseconds (0 when absent); `nil` when it uses `step()`/`range()`.
    public var offsetMilliseconds: Int64? {
        guard let offset else { return 0 }
        return offset.constantMilliseconds
    }
}

/// A range vector selector: `selector[range]`. Offset and `@` live on the inner `vectorSelector`.
public struct MatrixSelector: Hashable, Sendable {
    public var vectorSelector: VectorSelector
    public var range: DurationExpr
    public var span: SourceSpan

    public init(vectorSelector: VectorSelector, range: DurationExpr, span: SourceSpan) {
        self.vectorSelector = vectorSelector
        self.range = range
        self.span = span
    }
}

/// A subquery: `expr[range:step] offset d @ t`; `step` is `nil` for `[range:]` (default step).
public struct SubqueryExpr: Hashable, Sendable {
    public var expr: Expr
    public var range: DurationExpr
    public var step: DurationExpr?
    public var offset: DurationExpr?
    public var at: AtModifier?
    public var span: SourceSpan

    public init(expr: Expr, range: DurationExpr, step: DurationExpr?, offset: DurationExpr? = nil,
                at: AtModifier? = nil, span: SourceSpan) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
        self.span = span
    }
}
