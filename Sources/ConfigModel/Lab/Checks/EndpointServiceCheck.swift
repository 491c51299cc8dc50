import Diagnostics

/// An address that reaches the wrong kind of service: Grafana's Prometheus datasource must point at the
/// Prometheus service, `alerting.alertmanagers` (and an Alertmanager datasource) at Alertmanager.
///
/// Triggers:
/// ```yaml
/// # grafana/provisioning/datasources/prometheus.yml
/// - name: Prometheus
///   type: prometheus
///   url: http://grafana:3000       # error: grafana is Grafana, not Prometheus
/// ```
/// Does not trigger: `url: http://prometheus:9090`; services whose image labctl does not know.
public struct EndpointServiceCheck: LabWiringCheck {
    public static let code = "lab/wrong-service"
    public static let summary = "a datasource URL or Alertmanager target reaches a service of the wrong kind"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.containerEndpoints.compactMap { e in
            guard case .service(let s) = lab.target(of: e), s.role != .other, s.role != .app,
                  let wanted = Self.expectedRole(e.kind), s.role != wanted else { return nil }
            var message = "\(e.description) reaches \(s.name), which runs \(s.role.displayName), "
                + "not \(wanted.displayName)"
            if let right = lab.service(role: wanted), let port = right.listeningPorts.sorted().first {
                message += "; use \(right.name):\(port)"
            }
            return .error(Self.code, message, at: e.location)
        }
    }

    static func expectedRole(_ kind: LabEndpoint.Kind) -> LabServiceRole? {
        switch kind {
        case .alertmanager: return .alertmanager
        case .datasource(_, let type) where type == "prometheus": return .prometheus
        case .datasource(_, let type) where type == "alertmanager": return .alertmanager
        default: return nil
        }
    }
}
