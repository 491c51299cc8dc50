import Diagnostics

/// Grafana loads datasources and dashboard providers from its provisioning directory
/// (`/etc/grafana/provisioning`, or `GF_PATHS_PROVISIONING`): the lab's `grafana/provisioning` must be
/// mounted there, or Grafana starts without the Prometheus datasource.
///
/// Triggers: a `grafana` service with only `grafana_data:/var/lib/grafana`, while the lab has
/// `grafana/provisioning/datasources/prometheus.yml` (warning at the service's volumes).
/// Does not trigger: `- ./grafana/provisioning:/etc/grafana/provisioning`, or file-by-file mounts into
/// `/etc/grafana/provisioning/datasources/`.
public struct ProvisioningMountCheck: LabWiringCheck {
    public static let code = "lab/provisioning-not-mounted"
    public static let summary = "the lab has Grafana provisioning files that the Grafana container does not mount"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let mount = lab.grafanaProvisioningMount,
              let service = lab.service(named: mount.service) else { return [] }
        let files = lab.datasourceFiles.map(\.path) + lab.dashboardProviderFiles.map(\.path)
        let unmounted = files.filter { file in
            !service.mounts.entries.contains { e in
                e.hostPath.map { LabPath.relative(file, to: $0) != nil } ?? false
            }
        }
        guard let first = unmounted.first else { return [] }
        return [.warning(Self.code, "\(first) is not mounted into the \(service.name) container, which reads "
                         + "provisioning from \(mount.containerPath); mount the directory (for example "
                         + "./grafana/provisioning:\(mount.containerPath))", at: mount.location)]
    }
}
