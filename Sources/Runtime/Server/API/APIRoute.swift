/// One endpoint of ``PrometheusAPI``: its path, the methods it answers and what runs.
struct APIRoute: Sendable {
    /// The path as Prometheus's router names it (`/api/v1/label/:name/values`).
    let path: String
    let methods: Set<String>
    /// Runs the endpoint; the last argument is the `:name` path parameter (empty for other routes).
    let run: @Sendable (PrometheusAPI, HTTPServerRequest, String) throws -> HTTPServerResponse

    init(_ path: String, _ methods: Set<String>,
         _ run: @escaping @Sendable (PrometheusAPI, HTTPServerRequest, String) throws -> HTTPServerResponse) {
        self.path = path
        self.methods = methods
        self.run = run
    }

    static let getPost: Set<String> = ["GET", "POST"]
    static let get: Set<String> = ["GET"]
    static let postPut: Set<String> = ["POST", "PUT"]

    /// Every endpoint, in Prometheus's registration order.
    static let all: [APIRoute] = [
        APIRoute("/api/v1/query", getPost) { api, r, _ in try api.query(r) },
        APIRoute("/api/v1/query_range", getPost) { api, r, _ in try api.queryRange(r) },
        APIRoute("/api/v1/query_exemplars", getPost) { api, r, _ in try api.queryExemplars(r) },
        APIRoute("/api/v1/format_query", getPost) { api, r, _ in try api.formatQuery(r) },
        APIRoute("/api/v1/parse_query", getPost) { api, r, _ in try api.parseQuery(r) },
        APIRoute("/api/v1/labels", getPost) { api, r, _ in try api.labelNames(r) },
        APIRoute("/api/v1/label/:name/values", get) { api, r, name in try api.labelValues(r, name: name) },
        APIRoute("/api/v1/series", getPost) { api, r, _ in try api.series(r) },
        APIRoute("/api/v1/targets", get) { api, r, _ in api.targets(r) },
        APIRoute("/api/v1/targets/metadata", get) { api, r, _ in try api.targetMetadata(r) },
        APIRoute("/api/v1/metadata", get) { api, r, _ in try api.metricMetadata(r) },
        APIRoute("/api/v1/alertmanagers", get) { api, _, _ in api.alertmanagers() },
        APIRoute("/api/v1/status/config", get) { api, _, _ in api.statusConfig() },
        APIRoute("/api/v1/status/runtimeinfo", get) { api, _, _ in api.statusRuntimeInfo() },
        APIRoute("/api/v1/status/buildinfo", get) { api, _, _ in api.statusBuildInfo() },
        APIRoute("/api/v1/status/flags", get) { api, _, _ in api.statusFlags() },
        APIRoute("/api/v1/status/tsdb", get) { api, r, _ in try api.statusTSDB(r) },
        APIRoute("/api/v1/status/walreplay", get) { _, _, _ in
            PrometheusAPI.success("{\"min\":0,\"max\":0,\"current\":0}")
        },
        APIRoute("/api/v1/write", ["POST"]) { api, r, _ in api.remoteWrite(r) },
        APIRoute("/api/v1/alerts", get) { api, _, _ in api.alerts() },
        APIRoute("/api/v1/rules", get) { api, r, _ in try api.rules(r) },
        APIRoute("/federate", get) { api, r, _ in api.federate(r) },
        APIRoute("/metrics", get) { api, _, _ in api.selfMetrics() },
        APIRoute("/-/healthy", get) { api, _, _ in api.healthy() },
        APIRoute("/-/ready", get) { api, _, _ in api.ready() },
        APIRoute("/-/reload", postPut) { api, _, _ in api.reload() },
        APIRoute("/-/quit", postPut) { api, _, _ in api.quit() },
    ]

    static let byPath: [String: APIRoute] = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
}
