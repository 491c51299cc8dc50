import PromModel

/// Where the grader's PromQL runs: the embedded engine over a scenario (``EmbeddedQueryBackend``), or
/// any other implementation of Prometheus's query semantics.
public protocol QueryBackend {
    /// The result of `expr` at `time` (milliseconds) as labelled values.
    func instant(_ expr: String, at time: Int64) throws -> SampleSet
    /// The result of `expr` at every `step` from `start` to `end` (milliseconds), one line per series.
    func range(_ expr: String, start: Int64, end: Int64, step: Int64) throws -> [Labels: [(t: Int64, v: Double)]]
}
