/// A failure talking to a Prometheus through ``PrometheusQueryBackend``.
public struct PrometheusAPIError: Error, Sendable, CustomStringConvertible {
    /// Prometheus's `errorType` values, plus what can go wrong before an answer arrives.
    public enum Kind: String, Sendable {
        case timeout, canceled, execution, badData = "bad_data", `internal`, unavailable, notFound = "not_found"
        /// No connection, a time-out of the exchange, or a body beyond the size limit.
        case unreachable
        /// An answer that is not Prometheus's JSON.
        case badResponse
        /// An `errorType` this client does not know.
        case other
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
