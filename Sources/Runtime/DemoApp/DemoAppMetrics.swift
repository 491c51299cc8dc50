import Foundation

/// The metrics of the lab's FastAPI service, registered in one ``MetricsRegistry`` with the seed's
/// names, types, label names and buckets.
///
/// Without a prefix (Labs 1, 3, 5, 6 and 8): `http_requests_total{method,endpoint,status}`,
/// `http_request_duration_seconds{method,endpoint}` (the Python client's default buckets),
/// `http_requests_active`, `work_duration_seconds` (0.01 … 10), `errors_total{type}`,
/// `cache_hits_total` and `cache_misses_total`, and Lab 8's business metrics `orders_total{status,payment_method}`,
/// `order_value_euros`, `active_users`, `revenue_euros_total`.
///
/// With a Práctica 26 prefix `P`, the request metrics are the student's `APIMetrics` instead:
/// `P_requests_total{method,endpoint,status}`, `P_response_duration_seconds{method,endpoint}`
/// (0.1 … 10), `P_active_connections`, `P_api_errors_total{error_type}`, the system gauges
/// `P_cpu_usage_percent`, `P_memory_usage_bytes`, `P_disk_usage_percent` and the business counters
/// `P_entities_created_total`, `P_entities_updated_total`; the work and cache metrics keep their names.
public struct DemoAppMetrics: Sendable {
    /// The seed's buckets of `work_duration_seconds`.
    public static let workBuckets: [Double] = [0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
    /// The seed's buckets of Práctica 26's `P_response_duration_seconds`.
    public static let responseBuckets: [Double] = [0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]

    public let registry: MetricsRegistry
    /// The Práctica 26 prefix, or nil for the labs' names.
    public let prefix: String?
    let requests: MetricsRegistry.Handle
    let duration: MetricsRegistry.Handle
    let active: MetricsRegistry.Handle
    let work: MetricsRegistry.Handle
    let errors: MetricsRegistry.Handle
    let cacheHits: MetricsRegistry.Handle
    let cacheMisses: MetricsRegistry.Handle
    let system: (cpu: MetricsRegistry.Handle, memory: MetricsRegistry.Handle, disk: MetricsRegistry.Handle)?
    /// Lab 8's business metrics (not with a prefix).
    let business: (orders: MetricsRegistry.Handle, orderValue: MetricsRegistry.Handle, activeUsers: MetricsRegistry.Handle,
                   revenue: MetricsRegistry.Handle)?

    /// Lab 8's buckets of `order_value_euros` (the lab template's; the seed's list is garbled).
    public static let orderBuckets: [Double] = [5, 10, 25, 50, 100, 250, 500, 1000]

    /// Registers every metric in a new registry.
    public init(prefix: String? = nil, registry: MetricsRegistry = MetricsRegistry()) {
        self.registry = registry
        self.prefix = prefix
        if let p = prefix {
            requests = registry.register("\(p)_requests_total", help: "Total de requests por endpoint", kind: .counter,
                                         labelNames: ["method", "endpoint", "status"])
            duration = registry.register("\(p)_response_duration_seconds", help: "Tiempo de respuesta por endpoint",
                                         kind: .histogram(buckets: Self.responseBuckets), labelNames: ["method", "endpoint"])
            active = registry.register("\(p)_active_connections", help: "Conexiones activas", kind: .gauge)
            system = (registry.register("\(p)_cpu_usage_percent", help: "Uso de CPU", kind: .gauge),
                      registry.register("\(p)_memory_usage_bytes", help: "Uso de memoria", kind: .gauge),
                      registry.register("\(p)_disk_usage_percent", help: "Uso de disco", kind: .gauge))
            _ = registry.register("\(p)_entities_created_total", help: "Total de entidades creadas", kind: .counter)
            _ = registry.register("\(p)_entities_updated_total", help: "Total de entidades actualizadas", kind: .counter)
            errors = registry.register("\(p)_api_errors_total", help: "Total de errores de API", kind: .counter,
                                       labelNames: ["error_type"])
        } else {
            requests = registry.register("http_requests_total", help: "Total de peticiones HTTP", kind: .counter,
                                         labelNames: ["method", "endpoint", "status"])
            duration = registry.register("http_request_duration_seconds", help: "Duración de peticiones HTTP",
                                         kind: .histogram(buckets: MetricsRegistry.defaultBuckets),
                                         labelNames: ["method", "endpoint"])
            active = registry.register("http_requests_active", help: "Número de peticiones activas", kind: .gauge)
            system = nil
            errors = registry.register("errors_total", help: "Total de errores", kind: .counter, labelNames: ["type"])
        }
        work = registry.register("work_duration_seconds", help: "Duración del trabajo simulado",
                                 kind: .histogram(buckets: Self.workBuckets))
        cacheHits = registry.register("cache_hits_total", help: "Total cache hits", kind: .counter)
        cacheMisses = registry.register("cache_misses_total", help: "Total cache misses", kind: .counter)
        if prefix == nil {
            business = (registry.register("orders_total", help: "Total orders", kind: .counter, labelNames: ["status", "payment_method"]),
                        registry.register("order_value_euros", help: "Order value in EUR", kind: .histogram(buckets: Self.orderBuckets)),
                        registry.register("active_users", help: "Currently active users", kind: .gauge),
                        registry.register("revenue_euros_total", help: "Total revenue in EUR", kind: .counter))
        } else {
            business = nil
        }
    }

    /// Counts an error of `type` (`errors_total{type}` or `P_api_errors_total{error_type}`).
    func error(_ type: String) { registry.add(errors, [type]) }

    /// Refreshes the Práctica 26 system gauges (host CPU, used memory, root disk usage).
    func refreshSystem(_ sampler: SystemUsageSampler) {
        guard let system else { return }
        if let cpu = sampler.cpuPercent() { registry.set(system.cpu, [], cpu) }
        if let memory = sampler.memoryUsedBytes() { registry.set(system.memory, [], memory) }
        if let disk = sampler.diskUsedPercent() { registry.set(system.disk, [], disk) }
    }
}
