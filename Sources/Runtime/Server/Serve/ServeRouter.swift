import Foundation

/// The one handler of `labctl serve`'s port: Alertmanager's API v2 (`/api/v2/…`) when the embedded
/// Alertmanager runs, the web pages (`/`, `/query`, `/targets`, `/rules`, `/alerts`, `/config`), and
/// Prometheus's API for everything else. The web page's queries share the API's query slots
/// (`--query.max-concurrency`), so a browser and curl are limited together.
public struct ServeRouter: HTTPRequestHandler {
    let server: LabServer
    let prometheus: PrometheusAPI
    let web: WebUI

    init(server: LabServer, prometheus: PrometheusAPI) {
        self.server = server
        self.prometheus = prometheus
        web = WebUI(server: server)
    }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let path = request.path
        if AlertmanagerAPI.handles(path) || path == "/api/v2" {
            guard let alertmanager = server.alertmanagerAPI else {
                return .json(404, "\"Alertmanager's API is served when labctl serve runs with --alertmanager.config FILE\"")
            }
            return alertmanager.handle(request)
        }
        guard WebUI.handles(path) else { return prometheus.handle(request) }
        guard path == "/query" || path == "/graph" else { return web.handle(request) }
        do {
            return try prometheus.withQuerySlot(server.engine) { web.handle(request) }
        } catch {
            return .plain(503, "query timed out waiting for one of \(server.options.queryMaxConcurrency) query slots\n")
        }
    }
}
