import Diagnostics

/// A `ports:` mapping whose container side is a port the service does not listen on: the host port
/// leads nowhere. The seed's Lab 6 published nginx-prometheus-exporter as `9114:9114` (it listens on
/// 9113) and `9113:9113` on nginx (which listens on 80).
///
/// Only services whose listening ports labctl knows from the image, its flags or the mounted nginx
/// config are judged (not ports it only knows from the mapping itself).
///
/// Triggers: `nginx_exporter: {image: nginx/nginx-prometheus-exporter, ports: ["9114:9114"]}`.
/// Does not trigger: `ports: ["9113:9113"]` on the exporter; `ports: ["8001:8000"]` on the app.
public struct PublishedPortNotListeningCheck: LabWiringCheck {
    public static let code = "lab/published-port-not-listening"
    public static let summary = "a ports: mapping forwards to a container port the service does not listen on"
    public static let isLint = false

    /// Ports an image listens on besides its main one (Alertmanager's cluster gossip).
    static let auxiliaryPorts: [LabServiceRole: Set<Int>] = [.alertmanager: [9094]]

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.services.flatMap { s -> [Diagnostic] in
            guard s.role != .app, s.role != .other, !s.listeningPorts.isEmpty,
                  !s.portSource.contains("ports") else { return [] }
            let items = s.compose.node?["ports"]?.sequence ?? []
            return s.compose.ports.enumerated().compactMap { index, p -> Diagnostic? in
                guard p.target.count == 1, !s.listeningPorts.contains(p.target.lowerBound),
                      !(Self.auxiliaryPorts[s.role] ?? []).contains(p.target.lowerBound) else { return nil }
                let listens = s.listeningPorts.sorted().map(String.init).joined(separator: ", ")
                let published = p.published.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
                let fix = published.map { "\"\($0):\(s.listeningPorts.sorted().first ?? 0)\"" } ?? "the port it listens on"
                let at = items.indices.contains(index) ? items[index].location : s.compose.node(for: "ports")?.location
                return .error(Self.code,
                              "\(s.name) publishes container port \(p.target.lowerBound), but it listens on \(listens) "
                              + "(\(s.portSource)): nothing answers there; publish \(fix)", at: at)
            }
        }
    }
}
