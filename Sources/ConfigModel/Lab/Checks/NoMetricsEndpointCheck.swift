import Diagnostics

/// Redis, nginx and PostgreSQL do not serve `/metrics`: Prometheus scrapes their exporters
/// (redis_exporter on 9121, nginx-prometheus-exporter on 9113, postgres_exporter on 9187).
///
/// Triggers: `targets: ['redis:6379']` (the target is down, the scrape gets no metrics).
/// Does not trigger: `targets: ['redis_exporter:9121']`.
public struct NoMetricsEndpointCheck: LabWiringCheck {
    public static let code = "lab/no-metrics-endpoint"
    public static let summary = "a scrape target is a service without a Prometheus endpoint (Redis, nginx, PostgreSQL)"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .scrapeTarget = e.kind, case .service(let s) = lab.target(of: e),
                  s.role.metricPrefixes?.isEmpty == true else { return nil }
            var message = "\(e.description): \(s.name) runs \(s.role.displayName), which serves no Prometheus metrics"
            let exporter: LabServiceRole? = s.role == .redis ? .redisExporter : s.role == .nginx ? .nginxExporter
                : s.role == .postgres ? .postgresExporter : nil
            if let exporter, let x = lab.service(role: exporter), let port = x.listeningPorts.sorted().first {
                message += "; scrape its exporter \(x.name):\(port)"
            } else if let exporter {
                message += "; run \(exporter.displayName) and scrape it"
            }
            return .warning(Self.code, message, at: e.location)
        }
    }
}
