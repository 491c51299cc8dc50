import Diagnostics

/// A container that reaches the Docker host as `host.docker.internal` without
/// `extra_hosts: ['host.docker.internal:host-gateway']`: Docker Desktop resolves the name, Docker on
/// Linux does not, so the scrape (or datasource) fails there. Práctica 26 scrapes the API running on
/// the host this way.
///
/// Triggers: `targets: ['host.docker.internal:8000']` with a prometheus service without `extra_hosts`.
/// Does not trigger: the same with `extra_hosts: ['host.docker.internal:host-gateway']`.
public struct DockerHostCheck: LabWiringCheck {
    public static let code = "lab/docker-host-unresolved"
    public static let summary = "host.docker.internal is used by a container without extra_hosts host-gateway (fails on Linux)"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        var reported = Set<String>()
        return lab.endpoints.compactMap { e -> Diagnostic? in
            guard case .dockerHost = lab.target(of: e), let client = e.client,
                  !Self.mapsHost(client, e.host), reported.insert(client.name + "/" + e.host).inserted else { return nil }
            return .warning(Self.code,
                            "\(e.description): \(client.name) reaches the Docker host as \(e.host), which Docker on "
                            + "Linux does not resolve by itself; add to the \(client.name) service: "
                            + "extra_hosts: ['\(e.host):host-gateway']", at: e.location)
        }
    }

    /// Whether `service` maps `host` in its `extra_hosts` (list `name:ip` / `name=ip`, or a mapping).
    static func mapsHost(_ service: LabService, _ host: String) -> Bool {
        guard let node = service.compose.node?["extra_hosts"] else { return false }
        if let items = node.sequence {
            return items.contains { item in
                let text = item.scalarValue ?? ""
                return text.hasPrefix(host + ":") || text.hasPrefix(host + "=")
            }
        }
        return (node.mapping ?? []).contains { $0.key.scalarValue == host }
    }
}
