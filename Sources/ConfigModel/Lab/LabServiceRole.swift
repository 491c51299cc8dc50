/// What a compose service is, told by its image (or, for built services, that it is the lab's own app):
/// the role decides the port it listens on and the metrics it exposes.
public enum LabServiceRole: String, Sendable, CaseIterable {
    case prometheus, grafana, alertmanager, nodeExporter, cadvisor, redisExporter, nginxExporter, pushgateway
    case blackboxExporter, postgresExporter, redis, nginx, postgres
    /// A service built from the lab's sources (the FastAPI app).
    case app
    /// Anything else: ports and metrics unknown.
    case other

    // MARK: - Classification

    /// The role of an image reference such as `prom/prometheus:v2.53.0` or `gcr.io/cadvisor/cadvisor:latest`.
    public static func classify(image: String?, buildContext: String?) -> LabServiceRole {
        guard let image, !image.isEmpty else { return buildContext == nil ? .other : .app }
        let name = repositoryName(image)
        switch name {
        case "prometheus": return .prometheus
        case "grafana", "grafana-oss", "grafana-enterprise": return .grafana
        case "alertmanager": return .alertmanager
        case "node-exporter", "node_exporter": return .nodeExporter
        case "cadvisor": return .cadvisor
        case "redis_exporter", "redis-exporter": return .redisExporter
        case "nginx-prometheus-exporter", "nginx-exporter", "nginx_exporter": return .nginxExporter
        case "pushgateway": return .pushgateway
        case "blackbox-exporter", "blackbox_exporter": return .blackboxExporter
        case "postgres-exporter", "postgres_exporter": return .postgresExporter
        case "redis", "redis-stack-server": return .redis
        case "nginx": return .nginx
        case "postgres": return .postgres
        default: return buildContext == nil ? .other : .app
        }
    }

    /// The last path component of an image reference, without tag or digest.
    static func repositoryName(_ image: String) -> String {
        var ref = Substring(image)
        if let at = ref.firstIndex(of: "@") { ref = ref[..<at] }
        let last = ref.split(separator: "/").last ?? ref
        let name = last.split(separator: ":", maxSplits: 1).first ?? last
        return name.lowercased()
    }

    // MARK: - Ports and metrics

    /// The port the image listens on by default (`nil` when unknown).
    public var defaultPort: Int? {
        switch self {
        case .prometheus: return 9090
        case .grafana: return 3000
        case .alertmanager: return 9093
        case .nodeExporter: return 9100
        case .cadvisor: return 8080
        case .redisExporter: return 9121
        case .nginxExporter: return 9113
        case .pushgateway: return 9091
        case .blackboxExporter: return 9115
        case .postgresExporter: return 9187
        case .redis: return 6379
        case .nginx: return 80
        case .postgres: return 5432
        case .app, .other: return nil
        }
    }

    /// The metric-name prefixes a `/metrics` of this image exposes (an entry without a trailing `_` is an
    /// exact name, as for nginx-prometheus-exporter's fixed set); `nil` when anything may appear
    /// (unknown services, the Pushgateway) and `[]` when the service has no Prometheus endpoint.
    /// The app's own metrics come from its sources (see ``AppMetricCatalog``).
    public var metricPrefixes: [String]? {
        let goRuntime = ["go_", "process_", "promhttp_"]
        switch self {
        case .prometheus: return ["prometheus_", "net_conntrack_"] + goRuntime
        case .grafana: return ["grafana_"] + goRuntime
        case .alertmanager: return ["alertmanager_", "net_conntrack_"] + goRuntime
        case .nodeExporter: return ["node_"] + goRuntime
        case .cadvisor: return ["container_", "machine_", "cadvisor_"] + goRuntime
        case .redisExporter: return RedisExporterMetrics.names + goRuntime
        case .nginxExporter:
            // Open-source Nginx's stub_status gives exactly these (Nginx Plus's series are nginxplus_*).
            return ["nginx_up", "nginx_connections_accepted", "nginx_connections_active", "nginx_connections_handled",
                    "nginx_connections_reading", "nginx_connections_waiting", "nginx_connections_writing",
                    "nginx_http_requests_total", "nginxexporter_", "nginxplus_"] + goRuntime
        case .blackboxExporter: return ["probe_", "blackbox_"] + goRuntime
        case .postgresExporter: return ["pg_", "postgres_exporter_"] + goRuntime
        case .app: return ["python_gc_", "python_info", "process_"]
        case .redis, .nginx, .postgres: return []
        case .pushgateway, .other: return nil
        }
    }

    /// A human name for messages.
    public var displayName: String {
        switch self {
        case .prometheus: return "Prometheus"
        case .grafana: return "Grafana"
        case .alertmanager: return "Alertmanager"
        case .nodeExporter: return "node_exporter"
        case .cadvisor: return "cAdvisor"
        case .redisExporter: return "redis_exporter"
        case .nginxExporter: return "nginx-prometheus-exporter"
        case .pushgateway: return "Pushgateway"
        case .blackboxExporter: return "blackbox_exporter"
        case .postgresExporter: return "postgres_exporter"
        case .redis: return "Redis"
        case .nginx: return "nginx"
        case .postgres: return "PostgreSQL"
        case .app: return "the lab's app"
        case .other: return "a service"
        }
    }
}
