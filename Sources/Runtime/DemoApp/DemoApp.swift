import Exposition
import Foundation
import YAML

/// The course's FastAPI service ("BigData Lab API") rebuilt as an ``HTTPRequestHandler``: the
/// endpoints of Labs 1, 6 and 8 (`/`, `/health`, `/do_work`, `/cpu_intensive`, `/cached_work`,
/// `/chaos`, `POST /order`) and `/metrics` with the seed's metrics (see ``DemoAppMetrics``), plus `process_*`.
///
/// Like the labs' middleware, every request except `/metrics` is counted in
/// `http_requests_total{method,endpoint,status}` and timed in `http_request_duration_seconds`
/// while `http_requests_active` counts it; paths that are no endpoint are labelled `other` (so a
/// client cannot create label values at will). Bad query parameters are a 422 with FastAPI's body.
/// Thread-safe: the server calls ``handle(_:)`` from its workers.
public final class DemoApp: HTTPRequestHandler, @unchecked Sendable {
    /// The paths that are their own `endpoint` label.
    public static let endpoints: Set<String> = ["/", "/health", "/do_work", "/cpu_intensive", "/cached_work", "/chaos", "/order"]

    public let configuration: DemoAppConfiguration
    public let metrics: DemoAppMetrics
    let random: SeededRandom
    let cache: TTLCache<CachedResult>
    private let system = SystemUsageSampler()

    /// What `/cached_work` stores.
    struct CachedResult: Sendable {
        var key: String
        var delayMilliseconds: Int
    }

    public init(configuration: DemoAppConfiguration = DemoAppConfiguration()) {
        self.configuration = configuration
        metrics = DemoAppMetrics(prefix: configuration.prefix)
        random = SeededRandom(seed: configuration.seed)
        cache = TTLCache(ttl: configuration.cacheTTL, capacity: configuration.cacheCapacity, clock: configuration.clock)
    }

    /// The label `endpoint` of a request path.
    public static func endpointLabel(_ path: String) -> String { endpoints.contains(path) ? path : "other" }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        if request.path == "/metrics" || request.path == "/metrics/" {
            return request.method == "GET" || request.method == "HEAD" ? metricsResponse() : Self.methodNotAllowed
        }
        let registry = metrics.registry
        registry.add(metrics.active, [], 1)
        let start = configuration.seconds
        let response = route(request)
        let elapsed = max(0, configuration.seconds - start)
        let endpoint = Self.endpointLabel(request.path)
        let method = String(request.method.prefix(16))
        registry.add(metrics.requests, [method, endpoint, String(response.status)])
        registry.observe(metrics.duration, [method, endpoint], elapsed)
        registry.add(metrics.active, [], -1)
        return response
    }

    private func route(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard Self.endpoints.contains(request.path) else { return .json(404, "{\"detail\":\"Not Found\"}") }
        if request.path == "/order" { return request.method == "POST" ? order(request) : Self.methodNotAllowed }
        guard request.method == "GET" else { return Self.methodNotAllowed }
        var query = QueryParameters(request.queryItems)
        switch request.path {
        case "/": return .json(200, "{\"message\":\"BigData Lab API\",\"version\":\"1.0\"}")
        case "/health": return .json(200, "{\"status\":\"healthy\"}")
        case "/do_work": return doWork(&query)
        case "/cpu_intensive": return cpuIntensive(&query)
        case "/cached_work": return cachedWork(&query)
        default: return chaos(&query)
        }
    }

    private static let methodNotAllowed = HTTPServerResponse.json(405, "{\"detail\":\"Method Not Allowed\"}")

    private func metricsResponse() -> HTTPServerResponse {
        metrics.refreshSystem(system)
        let families = ProcessMetrics.families() + metrics.registry.families()
        return HTTPServerResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                                  text: ExpositionWriter().write(families))
    }

    /// Milliseconds rounded to 2 decimals, as the seed's `round(duration * 1000, 2)`.
    static func milliseconds(_ seconds: Double) -> String {
        let value = (seconds * 100_000).rounded() / 100
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) + ".0" : value.description
    }
}
