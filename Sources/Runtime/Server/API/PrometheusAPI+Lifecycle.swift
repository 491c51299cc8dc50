// MARK: - Health, readiness and lifecycle

extension PrometheusAPI {
    /// `/-/healthy`: always 200 while the process answers.
    func healthy() -> HTTPServerResponse { .plain(200, "Prometheus Server is Healthy.\n") }

    /// `/-/ready`: 200 once ``APIContext/isReady`` says so (503 before, from ``route(_:)``).
    func ready() -> HTTPServerResponse { .plain(200, "Prometheus Server is Ready.\n") }

    /// The answer to everything but `/-/healthy` and `/metrics` while the server is not ready.
    static let notReady: HTTPServerResponse = {
        var response = HTTPServerResponse.plain(503, "Service Unavailable")
        response.headers.append(("X-Prometheus-Stopping", "false"))
        return response
    }()

    /// `POST|PUT /-/reload`: 403 unless lifecycle is enabled; 500 with the reason when reloading fails.
    func reload() -> HTTPServerResponse {
        guard context.enableLifecycle else { return .plain(403, "Lifecycle API is not enabled.") }
        guard let reload = context.reload else {
            return Self.httpError(500, "failed to reload config: reloading is not available")
        }
        do {
            try reload()
        } catch {
            return Self.httpError(500, "failed to reload config: \(error)")
        }
        return HTTPServerResponse(status: 200)
    }

    /// `POST|PUT /-/quit`: 403 unless lifecycle is enabled; otherwise asks the server to stop.
    /// The ``APIContext/quit`` closure must not block (it should schedule the shutdown).
    func quit() -> HTTPServerResponse {
        guard context.enableLifecycle else { return .plain(403, "Lifecycle API is not enabled.") }
        context.quit?()
        return .plain(200, "Requesting termination... Goodbye!")
    }
}

// MARK: - Self metrics

extension PrometheusAPI {
    /// `/metrics`: the API's own request counters and latencies, then the server's extra text.
    func selfMetrics() -> HTTPServerResponse {
        HTTPServerResponse(status: 200, contentType: Self.federateContentType, text: metrics.exposition())
    }
}
