import Foundation

/// The one handler of `labctl serve`'s port: Alertmanager's API v2 (`/api/v2/…`) when the embedded
/// Alertmanager runs, the web pages (`/`, `/query`, `/targets`, `/rules`, `/alerts`, `/config`), and
/// Prometheus's API for everything else. Queries (API and web) wait for one of
/// `--query.max-concurrency` slots, up to the query time-out, then get a 503 in Prometheus's shape.
public struct ServeRouter: HTTPRequestHandler {
    let server: LabServer
    let prometheus: PrometheusAPI
    let web: WebUI
    let querySlots: DispatchSemaphore
    let slotWait: Double

    init(server: LabServer, prometheus: PrometheusAPI) {
        self.server = server
        self.prometheus = prometheus
        web = WebUI(server: server)
        querySlots = DispatchSemaphore(value: max(1, server.options.queryMaxConcurrency))
        slotWait = max(0.1, server.options.queryTimeout)
    }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let path = request.path
        if AlertmanagerAPI.handles(path) || (path.hasPrefix("/api/v2") && path.count == 7) {
            guard let alertmanager = server.alertmanagerAPI else {
                return .json(404, "\"Alertmanager's API is served when labctl serve runs with --alertmanager.config FILE\"")
            }
            return alertmanager.handle(request)
        }
        let isQuery = path == "/api/v1/query" || path == "/api/v1/query_range" || path == "/query" || path == "/graph"
        guard isQuery else { return WebUI.handles(path) ? web.handle(request) : prometheus.handle(request) }
        guard querySlots.wait(timeout: .now() + slotWait) == .success else {
            return .json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out waiting for one of \(server.options.queryMaxConcurrency) query slots\"}")
        }
        defer { querySlots.signal() }
        return WebUI.handles(path) ? web.handle(request) : prometheus.handle(request)
    }
}
