import Diagnostics

/// A service writes to Prometheus's remote-write endpoint (`K6_PROMETHEUS_RW_SERVER_URL=http://prometheus:9090/api/v1/write`)
/// but Prometheus runs without `--web.enable-remote-write-receiver`: every write gets 404 and no
/// metric arrives (the seed's Lab 5).
///
/// Triggers: k6 with that URL and a prometheus service without the flag.
/// Does not trigger: the flag present (or `--enable-feature=remote-write-receiver` on old versions).
public struct RemoteWriteReceiverCheck: LabWiringCheck {
    public static let code = "lab/remote-write-receiver-off"
    public static let summary = "a service writes to Prometheus's /api/v1/write but Prometheus does not accept remote write"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let prometheus = lab.service(role: .prometheus), !LabMetricCatalog.acceptsRemoteWrite(prometheus) else { return [] }
        return lab.services.compactMap { s -> Diagnostic? in
            guard let entry = s.compose.environment.first(where: { ($0.value ?? "").contains("/api/v1/write") }),
                  let value = entry.value, let (host, _) = ExporterTargetCheck.hostPort(value, defaultPort: 9090),
                  lab.service(host: host)?.name == prometheus.name else { return nil }
            return .error(Self.code, "\(s.name) writes to \(value) (\(entry.name)), but \(prometheus.name) runs without "
                          + "--web.enable-remote-write-receiver: every write is refused (404); add the flag to its command",
                          at: s.compose.node(for: "environment")?.location)
        }
    }
}
