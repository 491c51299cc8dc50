import Diagnostics

/// Between containers the port is the one the container listens on, not the one `ports:` publishes on
/// the host: with `ports: ["8001:8000"]` Prometheus must scrape `api:8000`, not `api:8001`.
///
/// Triggers:
/// ```yaml
/// # docker-compose.yml: api: { ports: ["8001:8000"] }
/// - targets: ['api:8001']   # error: 8001 is the host port; use api:8000
/// ```
/// Does not trigger: `api:8000`; `"8000:8000"` mappings; `host.docker.internal:8001` (that does go
/// through the host).
public struct PublishedPortCheck: LabWiringCheck {
    public static let code = "lab/published-port"
    public static let summary = "a target uses the host-published port instead of the container port"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .service(let s) = lab.target(of: e), !s.listeningPorts.contains(e.port),
                  let target = s.publishedPorts[e.port], target != e.port else { return nil }
            return .error(Self.code, "\(e.description): \(e.port) is the port \(s.name) publishes on the host "
                          + "(ports: \(e.port):\(target)); containers reach it on its container port, "
                          + "use \(e.host):\(target)", at: e.location)
        }
    }
}
