import Diagnostics
import Foundation
import PromModel
import Storage
import PromQL

/// Prometheus's HTTP API over a ``MemoryStorage`` and the PromQL ``Engine``: `/api/v1/*` with
/// Prometheus 3.x's bodies and error shapes, `/federate`, the remote-write receiver, `/-/healthy`,
/// `/-/ready`, `/-/reload`, `/-/quit` and `/metrics` about the API itself.
///
/// ```swift
/// let api = PrometheusAPI(storage: storage, engineOptions: .standard,
///                         context: APIContext(scrapeManager: scrapes, enableLifecycle: true))
/// let response = api.handle(HTTPServerRequest(method: "GET", target: "/api/v1/query?query=up"))
/// ```
///
/// Every answer is built from the request alone: a bad parameter is a `bad_data` 400, a query that
/// fails while running an `execution` 422, a time-out a `timeout` 503, an unknown `/api/v1` path a
/// `not_found` 404 and a known path with the wrong method a 405. Thread-safe: the server calls
/// ``handle(_:)`` from many threads.
public final class PrometheusAPI: HTTPRequestHandler {
    /// The storage queried and appended to (remote write).
    public let storage: MemoryStorage
    /// The engine's settings: lookback, `--query.timeout`, `--query.max-samples`.
    public let engineOptions: EngineOptions
    /// How queries are parsed (Prometheus's defaults: experimental functions off).
    public let parserOptions: ParserOptions
    /// Managers, configuration, flags and lifecycle hooks.
    public let context: APIContext
    /// Requests and durations by handler, for `/metrics`.
    public let metrics: APIMetrics
    /// Free query slots (``APIContext/maxConcurrentQueries``).
    let querySlots: DispatchSemaphore

    public init(storage: MemoryStorage, engineOptions: EngineOptions = .standard,
                parserOptions: ParserOptions = .standard, context: APIContext = APIContext(),
                extraMetrics: (@Sendable () -> String)? = nil) {
        self.storage = storage
        self.engineOptions = engineOptions
        self.parserOptions = parserOptions
        self.context = context
        self.metrics = APIMetrics(extra: extraMetrics)
        self.querySlots = DispatchSemaphore(value: context.maxConcurrentQueries)
    }

    // MARK: - Dispatch

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        var (handler, response) = route(request)
        if request.path.hasPrefix("/api/v1/"), let origin = request.header("Origin") {
            // Prometheus's CORS headers for its default `--web.cors.origin=.*`.
            response.headers += [("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Origin"),
                                 ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                                 ("Access-Control-Allow-Origin", origin),
                                 ("Access-Control-Expose-Headers", "Date")]
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- started) / 1e9
        metrics.observe(handler: handler, code: response.status, seconds: elapsed)
        return response
    }

    /// The handler name (for metrics) and the response of `request`.
    func route(_ request: HTTPServerRequest) -> (String, HTTPServerResponse) {
        let path = request.path
        let method = request.method == "HEAD" ? "GET" : request.method
        if path.hasPrefix("/api/v1/"), method == "OPTIONS" {
            return ("/api/v1/*path", HTTPServerResponse(status: 204))
        }
        if let (route, name) = findRoute(path) {
            guard route.methods.contains(method) else {
                // Prometheus's router answers in plain text, listing OPTIONS for the API's paths.
                var allowed = route.methods
                if path.hasPrefix("/api/") { allowed.insert("OPTIONS") }
                var response = Self.httpError(405, "Method Not Allowed")
                if path == "/-/reload" || path == "/-/quit" {
                    response = .plain(405, "Only POST or PUT requests allowed")
                }
                response.headers.append(("Allow", allowed.sorted().joined(separator: ", ")))
                return (name, response)
            }
            if path != "/-/healthy", path != "/metrics", !context.isReady() { return (name, Self.notReady) }
            do {
                return (name, try route.run(self, request, pathParameter(route, path)))
            } catch let error as APIError {
                return (name, Self.errorResponse(error))
            } catch {
                return (name, Self.errorResponse(APIError(.internal, "\(error)")))
            }
        }
        if path.hasPrefix("/api/v1/") || path == "/api/v1" {
            return ("/api/v1/*path", Self.errorResponse(APIError(.notFound, "404 page not found")))
        }
        return ("other", .plain(404, "404 page not found\n"))
    }

    private func findRoute(_ path: String) -> (APIRoute, String)? {
        if let route = APIRoute.byPath[path] { return (route, route.path) }
        if path.hasPrefix("/api/v1/label/"), path.hasSuffix("/values"), path.count > "/api/v1/label//values".count,
           !path.dropFirst("/api/v1/label/".count).dropLast("/values".count).contains("/") {
            if let route = APIRoute.byPath["/api/v1/label/:name/values"] { return (route, route.path) }
        }
        return nil
    }

    private func pathParameter(_ route: APIRoute, _ path: String) -> String {
        guard route.path == "/api/v1/label/:name/values" else { return "" }
        return String(path.dropFirst("/api/v1/label/".count).dropLast("/values".count))
    }

    // MARK: - Bodies

    /// `{"status":"success","data":<data>}` with warnings and infos when there are any.
    static func success(_ data: String, warnings: [String] = [], infos: [String] = []) -> HTTPServerResponse {
        .json(200, "{\"status\":\"success\",\"data\":" + data
              + QueryResultJSON.annotationArrays(warnings: warnings, infos: infos) + "}")
    }

    /// Prometheus's error body with the status of its type.
    static func errorResponse(_ error: APIError) -> HTTPServerResponse {
        .json(error.status, QueryResultJSON.error(type: error.kind.rawValue, message: error.message))
    }

    /// Go's `http.Error`: the text and a newline, `text/plain; charset=utf-8`, `X-Content-Type-Options: nosniff`.
    static func httpError(_ status: Int, _ text: String) -> HTTPServerResponse {
        var response = HTTPServerResponse.plain(status, text + "\n")
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        return response
    }
}
