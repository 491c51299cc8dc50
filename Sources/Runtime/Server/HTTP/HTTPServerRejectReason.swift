/// Why ``HTTPServer`` answered a request (or a connection) itself with an error instead of calling
/// the handler. The raw values are stable label values for labctl's own `/metrics`.
public enum HTTPServerRejectReason: String, Sendable, CaseIterable, Hashable {
    /// More than `maxConnections` open: `503`.
    case tooManyConnections = "too_many_connections"
    /// A malformed request line, header, `Content-Length` or chunk: `400`.
    case badRequest = "bad_request"
    /// The request line was longer than `maxRequestLineBytes`: `414`.
    case requestLineTooLong = "uri_too_long"
    /// The header block was larger than `maxHeaderBytes`: `431`.
    case headersTooLarge = "headers_too_large"
    /// The body was larger than `maxBodyBytes`: `413`.
    case bodyTooLarge = "body_too_large"
    /// The head did not arrive within `headerTimeout`: `408`.
    case headerTimeout = "header_timeout"
    /// The body did not arrive within `bodyTimeout`: `408`.
    case bodyTimeout = "body_timeout"
    /// An HTTP version other than 1.0 and 1.1: `505`.
    case unsupportedVersion = "unsupported_version"
    /// A transfer coding other than `chunked`: `501`; an `Expect` other than `100-continue`: `417`.
    case unsupportedFeature = "unsupported_feature"
    /// The client did not read the response within `writeTimeout` (the connection is dropped).
    case writeTimeout = "write_timeout"
}
