import Diagnostics

/// `localhost` inside a container is the container itself, not the host and not the other services: the
/// classic mistake of copying `localhost:8000` from the browser into prometheus.yml.
///
/// Triggers (Prometheus runs in compose, the app is the `api` service):
/// ```yaml
/// - targets: ['localhost:8000']   # error: inside the prometheus container; use api:8000
/// ```
/// Does not trigger: `localhost:9090` in Prometheus's own job (the Prometheus container does listen on
/// 9090), `api:8000`, any target when Prometheus uses `network_mode: host`, a datasource with
/// `access: direct` (the browser connects), or a lab without compose.
public struct LocalhostTargetCheck: LabWiringCheck {
    public static let code = "lab/localhost-target"
    public static let summary = "localhost in a container means that container, not the host or another service"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in lab.containerEndpoints {
            guard case .loopback = lab.target(of: e), let client = e.client,
                  !client.listeningPorts.contains(e.port) else { continue }
            var message = "\(e.description) points at the \(client.name) container itself: inside a container "
                + "localhost is that container, not the host nor the other services"
            if let hint = Self.suggestion(lab, port: e.port) { message += "; use \(hint)" }
            out.append(.error(Self.code, message, at: e.location))
        }
        return out
    }

    /// `service:port` for the service listening on `port` in its container, else the one publishing it.
    static func suggestion(_ lab: Lab, port: Int) -> String? {
        if let s = lab.services.first(where: { $0.listeningPorts.contains(port) }) { return "\(s.name):\(port)" }
        for s in lab.services {
            if let target = s.publishedPorts[port] { return "\(s.name):\(target)" }
        }
        return nil
    }
}
