/// Answers requests for ``HTTPServer``. Called concurrently from the server's worker threads, so an
/// implementation must be thread-safe; it must not throw or crash on any request (a malformed one
/// gets a 4xx response).
public protocol HTTPRequestHandler: Sendable {
    /// The response to `request`.
    func handle(_ request: HTTPServerRequest) -> HTTPServerResponse
}

/// A handler made of a closure (for tests and small servers).
public struct HTTPClosureHandler: HTTPRequestHandler {
    private let body: @Sendable (HTTPServerRequest) -> HTTPServerResponse

    public init(_ body: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse) { self.body = body }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse { body(request) }
}
