/// The value a query evaluates to, in the four shapes of Prometheus's API.
public enum QueryValue: Hashable, Sendable {
    /// A scalar at the evaluation time (milliseconds).
    case scalar(t: Int64, f: Double)
    /// A string at the evaluation time (milliseconds).
    case string(t: Int64, s: String)
    /// An instant vector. Unordered unless the query sorts (`sort`, `topk`, ...): order is kept as evaluated.
    case vector([VectorSample])
    /// A range vector (instant query over a range selector) or a range query result, sorted by labels.
    case matrix([RangeSeries])

    /// The API's `resultType` name.
    public var typeName: String {
        switch self {
        case .scalar: return "scalar"
        case .string: return "string"
        case .vector: return "vector"
        case .matrix: return "matrix"
        }
    }
}
