import PromModel

/// An instant-vector subexpression that can be computed one series at a time, so that a consumer
/// (an aggregation) folds each series in before the next one is computed instead of holding the
/// whole series × steps matrix.
///
/// `produce(i, &points)` replaces `points` with the step points of candidate series `i` (empty when it
/// has none); the buffer is reused from series to series. `header(i)` gives the labels and the
/// delayed-name-removal flag that series has in the result.
struct SeriesStream {
    /// Number of candidate series (some may produce no points).
    let count: Int
    let header: (Int) -> (metric: Labels, dropName: Bool)
    let produce: (Int, inout [FloatPoint]) throws -> Void
}
