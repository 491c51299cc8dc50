import PromQL

/// What `histogram_quantile` is computed over, for the lints of rules and dashboards that look at it.
///
/// Classic histograms are queried through their `_bucket` series (`le` labels); the histogram's base
/// name (`http_request_duration_seconds`), its `_sum`/`_count`, or a counter (`http_requests_total`)
/// give an empty or meaningless result.
enum HistogramQuantileSeries {
    /// A selector inside `histogram_quantile`'s second argument that is not a bucket series.
    struct NonBucket {
        var call: Call
        var selector: VectorSelector
        /// The fix, as one sentence.
        var advice: String
    }

    /// Every non-bucket selector read by a `histogram_quantile` call of `expr`.
    static func nonBucketSelectors(in expr: Expr) -> [NonBucket] {
        expr.calls(named: ["histogram_quantile"]).flatMap { call -> [NonBucket] in
            guard call.args.count == 2 else { return [] }
            return selectors(in: call.args[1]).compactMap { s in
                guard !s.name.isEmpty, !s.name.contains("_bucket") else { return nil }
                return NonBucket(call: call, selector: s, advice: advice(for: s.name))
            }
        }
    }

    /// The spans of the selectors `nonBucketSelectors` reports.
    static func spans(in expr: Expr) -> [SourceSpan] {
        nonBucketSelectors(in: expr).map(\.selector.span)
    }

    /// The vector selectors of `expr` (also inside range selectors and subqueries).
    static func selectors(in expr: Expr) -> [VectorSelector] {
        var out: [VectorSelector] = []
        expr.forEachNode { node in
            if case .vectorSelector(let s) = node { out.append(s) }
        }
        return out
    }

    /// What to write instead of `name`.
    static func advice(for name: String) -> String {
        for suffix in ["_sum", "_count"] where name.hasSuffix(suffix) {
            return "use the buckets: \(name.dropLast(suffix.count))_bucket"
        }
        if name.hasSuffix("_total") {
            return "\(name) is a counter, not a histogram: use a histogram's _bucket series"
                + " (for example http_request_duration_seconds_bucket)"
        }
        return "use the buckets: \(name)_bucket, as in histogram_quantile(0.95, sum by (le) (rate(\(name)_bucket[5m])))"
    }

    /// The message of both lints.
    static func message(_ finding: NonBucket) -> String {
        "histogram_quantile() over \(finding.selector.name), which is not a _bucket series"
            + " (classic histograms are read through their le buckets); \(finding.advice)"
    }
}
