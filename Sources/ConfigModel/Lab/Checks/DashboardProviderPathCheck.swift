import Diagnostics

/// A dashboard provider's `options.path` is a path in the Grafana container: it must be mounted from
/// the lab and hold dashboard JSON, or the provider loads nothing.
///
/// Triggers:
/// ```yaml
/// # grafana/provisioning/dashboards/dashboards.yml, with only ./grafana/provisioning mounted
/// options:
///   path: /var/lib/grafana/dashboards      # error: not mounted from the lab
/// ```
/// Does not trigger: `path: /etc/grafana/provisioning/dashboards` when that directory holds `*.json`, or
/// `path: /var/lib/grafana/dashboards` with `- ./grafana/dashboards:/var/lib/grafana/dashboards`.
public struct DashboardProviderPathCheck: LabWiringCheck {
    public static let code = "lab/dashboards-not-mounted"
    public static let summary = "a dashboard provider's options.path is not mounted or holds no dashboard JSON"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        let service = lab.grafanaProvisioningMount?.service ?? "grafana"
        let binds = lab.service(named: service)?.mounts.bindSummary ?? "no bind mounts"
        return lab.providerResolutions.compactMap { r in
            guard let resolution = r.resolution, r.dashboards.isEmpty else { return nil }
            let at = r.provider.node?["options"]?["path"]?.location ?? r.provider.node?.location
            let path = r.provider.path
            switch resolution {
            case .host(let host):
                return .warning(Self.code, "dashboard provider \"\(r.provider.name)\" loads \(path), mounted from "
                                + "\(host), which holds no dashboard JSON", at: at)
            case .volume(let name):
                return .error(Self.code, "dashboard provider \"\(r.provider.name)\" loads \(path), inside volume "
                              + "\(name ?? "(anonymous)") of \(service): the lab's dashboards are not there", at: at)
            case .image:
                return .error(Self.code, "dashboard provider \"\(r.provider.name)\" loads \(path), which no bind "
                              + "mount of \(service) provides (\(binds))", at: at)
            }
        }
    }
}
