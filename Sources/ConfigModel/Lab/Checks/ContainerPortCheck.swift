import Diagnostics

/// A target whose port the service does not listen on: node_exporter listens on 9100, Alertmanager on
/// 9093, Grafana on 3000…, the lab's app on the port of its command/Dockerfile/`expose`.
///
/// Triggers: `targets: ['node_exporter:9090']` (node_exporter listens on 9100).
/// Does not trigger: `node_exporter:9100`; a port changed with `--web.listen-address=:9200` and targeted
/// as 9200; services whose port labctl cannot tell (an image it does not know, no `expose`); a
/// host-published port forwarding elsewhere (see ``PublishedPortCheck``).
public struct ContainerPortCheck: LabWiringCheck {
    public static let code = "lab/wrong-port"
    public static let summary = "a target's port is not one the service listens on in its container"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .service(let s) = lab.target(of: e), !s.listeningPorts.isEmpty,
                  !s.listeningPorts.contains(e.port),
                  (s.publishedPorts[e.port] ?? e.port) == e.port else { return nil }
            let ports = s.listeningPorts.sorted().map(String.init).joined(separator: ", ")
            return .error(Self.code, "\(e.description): \(s.name) listens on \(ports) (\(s.portSource)), "
                          + "not on \(e.port)", at: e.location)
        }
    }
}
