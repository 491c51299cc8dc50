import GoCompat
import Foundation
import PromModel

// MARK: - Listening

extension LabServer {
    /// The handler of the server's port (Prometheus's API, the web pages, Alertmanager's API v2),
    /// with `/metrics` describing this server; `httpStats` gives the HTTP server's counters.
    public func makeHandler(flags: [String: String] = [:],
                            httpStats: (@Sendable () -> HTTPServerStats)? = nil) -> ServeRouter {
        let context = APIContext(
            scrapeManager: scrapeManager, ruleManager: ruleManager,
            configYAML: { [weak self] in self?.configuration.prometheusText ?? "" },
            externalLabels: { [weak self] in
                Labels((self?.configuration.prometheus.global.externalLabels ?? []).map { Label($0.name, $0.value) })
            },
            flags: flags, storageRetention: Duration(milliseconds: options.retention).description,
            startTime: startTime,
            reload: { [weak self] in try self?.reload() },
            lastReload: { [weak self] in
                guard let stats = self?.reloadStats else { return (true, Date()) }
                return (stats.failed == 0 || stats.lastFailure < stats.lastSuccess, stats.lastSuccess)
            },
            quit: { [weak self] in self?.requestQuit() },
            enableLifecycle: options.enableLifecycle, enableRemoteWrite: options.enableRemoteWriteReceiver,
            maxConcurrentQueries: options.queryMaxConcurrency)
        var withTarget = context
        withTarget.remoteWriteTarget = persistent
        let api = PrometheusAPI(storage: storage, engineOptions: engine.options, context: withTarget,
                                extraMetrics: { [weak self] in self?.selfMetrics(httpStats?()) ?? "" })
        return ServeRouter(server: self, prometheus: api)
    }

    /// The HTTP server of this lab server on `options.listenAddress`, started.
    /// - Throws: ``ServeError`` for a malformed address or one that is in use.
    public func listen(flags: [String: String] = [:], configuration: HTTPServerConfiguration? = nil) throws -> HTTPServer {
        let (host, port) = try Self.splitListenAddress(options.listenAddress)
        var http = configuration ?? HTTPServerConfiguration()
        http.host = host
        http.port = port
        let box = HTTPServerBox()
        let server = HTTPServer(configuration: http, handler: makeHandler(flags: flags, httpStats: { box.server?.stats ?? HTTPServerStats() }))
        box.server = server
        do { try server.start() } catch { throw ServeError("cannot listen on \(options.listenAddress): \(error)") }
        return server
    }

    /// `host:port` (`:9090` means loopback; `[::1]:9090` for IPv6).
    static func splitListenAddress(_ address: String) throws -> (String, Int) {
        let text = address.hasPrefix(":") ? "127.0.0.1" + address : address
        do {
            let (host, port) = try HTTPRequest.splitHostPort(text, defaultPort: -1)
            guard (0...65535).contains(port) else { throw ServeError("") }
            return (host == "localhost" ? "127.0.0.1" : host, port)
        } catch {
            throw ServeError("invalid listen address \"\(address)\": expected HOST:PORT, like 127.0.0.1:9090")
        }
    }

    /// labctl's own metrics beyond the API's request counters: storage, scrapes, rules, alerts,
    /// reloads and the HTTP server.
    func selfMetrics(_ http: HTTPServerStats?) -> String {
        var out = ""
        func gauge(_ name: String, _ help: String, _ value: Double, type: String = "gauge") {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(GoFloatFormat.g(value))\n"
        }
        let stats = storage.stats()
        gauge("prometheus_tsdb_head_series", "Total number of series in the head block.", Double(stats.seriesCount))
        gauge("prometheus_tsdb_head_samples", "Samples held in memory.", Double(stats.sampleCount))
        gauge("prometheus_tsdb_head_chunks_bytes", "Bytes of the in-memory chunks.", Double(stats.chunkBytes))
        let targets = scrapeManager.activeTargets()
        gauge("prometheus_sd_discovered_targets", "Targets discovered.", Double(targets.count))
        gauge("labctl_scrape_targets_up", "Targets whose last scrape succeeded.", Double(targets.filter { $0.health == .up }.count))
        let reload = reloadStats
        gauge("prometheus_config_last_reload_successful", "Whether the last configuration reload attempt was successful.",
              reload.failed == 0 || reload.lastFailure < reload.lastSuccess ? 1 : 0)
        gauge("prometheus_config_last_reload_success_timestamp_seconds", "Timestamp of the last successful configuration reload.",
              reload.lastSuccess.timeIntervalSince1970)
        gauge("labctl_rule_evaluation_failures_recent", "Rule evaluation failures kept for the rules page.",
              Double(recentRuleFailures.count))
        if let client = alertmanagerClient {
            let counts = client.counts
            gauge("prometheus_notifications_sent_total", "Alerts sent to Alertmanagers.", Double(counts.sent), type: "counter")
            gauge("prometheus_notifications_errors_total", "Alerts that failed to send.", Double(counts.failed), type: "counter")
            gauge("prometheus_notifications_dropped_total", "Alerts dropped because the queue was full.", Double(counts.dropped), type: "counter")
        }
        out += RemoteWriteQueue.exposition(remoteWriteQueues)
        if let http {
            gauge("labctl_http_connections_open", "Open HTTP connections.", Double(http.openConnections))
            gauge("labctl_http_connections_accepted_total", "HTTP connections accepted.", Double(http.connectionsAccepted), type: "counter")
            gauge("labctl_http_requests_in_flight", "HTTP requests being answered.", Double(http.inFlightRequests))
            gauge("labctl_http_received_bytes_total", "Bytes received.", Double(http.bytesReceived), type: "counter")
            gauge("labctl_http_sent_bytes_total", "Bytes sent.", Double(http.bytesSent), type: "counter")
            gauge("labctl_http_idle_timeouts_total", "Keep-alive connections closed when idle.", Double(http.idleTimeouts), type: "counter")
            out += "# HELP labctl_http_rejected_requests_total Requests refused before the handler, by reason.\n"
            out += "# TYPE labctl_http_rejected_requests_total counter\n"
            for (reason, count) in http.rejects.sorted(by: { "\($0.key)" < "\($1.key)" }) {
                out += "labctl_http_rejected_requests_total{reason=\"\(reason)\"} \(count)\n"
            }
        }
        return out
    }
}

/// Lets the handler read the stats of the HTTP server it is installed in (created just after it).
final class HTTPServerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: HTTPServer?
    var server: HTTPServer? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
