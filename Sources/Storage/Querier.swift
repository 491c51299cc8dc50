import PromModel

/// Read access to series: what the PromQL engine uses.
///
/// Matchers follow Prometheus: all must hold; a matcher that accepts the empty string also matches
/// series that lack the label (`{a=~".*"}` matches everything, `{a=""}` matches series without `a`).
/// Requiring one non-empty-matching matcher per selector is the engine's job, not the storage's.
public protocol Querier: Sendable {
    /// The series matching all `matchers` that have samples in `[mint, maxt]` (milliseconds,
    /// inclusive), sorted by labels, each with a snapshot of its samples in that range.
    func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64, hints: SelectHints?) throws -> SeriesSet

    /// Sorted, distinct label names of the series matching `matchers` (all series when empty).
    func labelNames(matchers: [LabelMatcher]) throws -> [String]

    /// Sorted, distinct values of label `name` among series matching `matchers` (all when empty).
    func labelValues(_ name: String, matchers: [LabelMatcher]) throws -> [String]
}

extension Querier {
    /// `select` without hints.
    public func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) throws -> SeriesSet {
        try select(matchers, mint: mint, maxt: maxt, hints: nil)
    }
}
