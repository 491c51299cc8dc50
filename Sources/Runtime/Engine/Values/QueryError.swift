/// Why a query failed. The message is Prometheus's text for the same failure.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The family of failure.
    public enum Kind: String, Hashable, Sendable {
        /// More samples than `EngineOptions.maxSamples` would be held in memory at once.
        case tooManySamples
        /// The query ran past `EngineOptions.timeout`.
        case timeout
        /// The query was canceled by the caller.
        case canceled
        /// A semantic error while evaluating (matching errors, bad parameters, storage errors...).
        case execution
    }

    public var kind: Kind
    /// Prometheus's message, e.g. `query processing would load too many samples into memory in query execution`.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The too-many-samples error with Prometheus's text.
    public static let tooManySamples = QueryError(
        .tooManySamples, "query processing would load too many samples into memory in query execution")

    /// The timeout error with Prometheus's text.
    public static let timeout = QueryError(.timeout, "query timed out in query execution")

    /// A range query or subquery with more steps than `EngineOptions.maxSteps` (`Int.max` stands for
    /// "more than fits in an `Int`").
    public static func tooManySteps(_ count: Int, limit: Int, subquery: Bool) -> QueryError {
        let what = subquery ? "subquery" : "range query"
        let shown = count == .max ? "more than \(Int.max)" : String(count)
        return QueryError(.tooManySamples, "\(what) would evaluate \(shown) steps, more than the limit of \(limit) steps;"
                          + " use a larger \(subquery ? "subquery step" : "step") or a shorter range")
    }

    /// The cancellation error with Prometheus's text.
    public static let canceled = QueryError(.canceled, "query was canceled in query execution")
}
