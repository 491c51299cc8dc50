import Diagnostics

/// A k6 service beside a Prometheus that accepts remote write, without `K6_PROMETHEUS_RW_SERVER_URL`:
/// k6's Prometheus output then writes to `http://localhost:9090`, which inside the k6 container is not
/// Prometheus (the seed's Lab 5).
///
/// Triggers: `k6: {image: grafana/k6}` with no `K6_PROMETHEUS_RW_SERVER_URL`.
/// Does not trigger: `K6_PROMETHEUS_RW_SERVER_URL=http://prometheus:9090/api/v1/write`.
public struct K6RemoteWriteURLCheck: LabWiringCheck {
    public static let code = "lab/k6-remote-write-url"
    public static let summary = "k6 without K6_PROMETHEUS_RW_SERVER_URL writes to localhost:9090, not the Prometheus service"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let prometheus = lab.service(role: .prometheus), LabMetricCatalog.acceptsRemoteWrite(prometheus) else { return [] }
        let port = prometheus.listeningPorts.sorted().first ?? 9090
        return lab.services.compactMap { s -> Diagnostic? in
            guard let image = s.compose.image, LabServiceRole.repositoryName(image) == "k6",
                  s.environment(K6Service.serverURLVariable) == nil else { return nil }
            return .warning(Self.code, "\(s.name) has no \(K6Service.serverURLVariable): k6 writes to localhost:9090, which in "
                            + "its container is not Prometheus; set \(K6Service.serverURLVariable)=http://\(prometheus.name):\(port)/api/v1/write",
                            at: (s.compose.node(for: "environment") ?? s.compose.node)?.location)
        }
    }
}
