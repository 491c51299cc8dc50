import GoCompat
import PromModel

/// An error answer of ``PrometheusAPI``: Prometheus's `errorType`, its message and the HTTP status
/// that goes with the type (`bad_data` 400, `execution` 422, `timeout` 503, `canceled` 499,
/// `not_found` 404, `internal` 500).
public struct APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Prometheus's error types.
    public enum Kind: String, Hashable, Sendable {
        case badData = "bad_data"
        case execution
        case timeout
        case canceled
        case `internal`
        case notFound = "not_found"
        case unavailable
    }

    /// The `errorType`.
    public var kind: Kind
    /// The `error` text.
    public var message: String

    /// An error of `kind` with Prometheus's `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status Prometheus answers with for this kind.
    public var status: Int {
        switch kind {
        case .badData: return 400
        case .execution: return 422
        case .timeout: return 503
        case .canceled: return 499
        case .internal: return 500
        case .notFound: return 404
        case .unavailable: return 503
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }

    /// `invalid parameter "name": message`, type `bad_data` (Prometheus's `invalidParamError`).
    public static func invalidParameter(_ name: String, _ message: String) -> APIError {
        APIError(.badData, "invalid parameter " + GoQuoting.quote(name) + ": " + message)
    }

    /// The error of a query that failed while running, typed as Prometheus's `returnAPIError`.
    public static func query(_ error: QueryError) -> APIError {
        switch error.kind {
        case .timeout: return APIError(.timeout, error.message)
        case .canceled: return APIError(.canceled, error.message)
        case .tooManySamples, .execution: return APIError(.execution, error.message)
        }
    }
}
