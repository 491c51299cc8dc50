import Diagnostics

/// Prometheus and Alertmanager read their config at `--config.file` (default
/// `/etc/prometheus/prometheus.yml`, `/etc/alertmanager/alertmanager.yml`): a bind mount must put the
/// lab's file there, and the mounted host file must exist (else Docker mounts an empty directory).
///
/// Triggers:
/// ```yaml
/// prometheus:
///   image: prom/prometheus
///   volumes: ["./prometheus/prometheus.yml:/etc/prometheus/prom.yml"]   # error: read at …/prometheus.yml
/// ```
/// Does not trigger: `./prometheus:/etc/prometheus`, or `--config.file=/etc/prometheus/prom.yml` with
/// the mount above.
public struct ConfigMountCheck: LabWiringCheck {
    public static let code = "lab/config-not-mounted"
    public static let summary = "Prometheus or Alertmanager reads its config from a path no bind mount provides"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        [lab.prometheusMount, lab.alertmanagerMount].compactMap { mount -> Diagnostic? in
            guard let mount else { return nil }
            let binds = lab.service(named: mount.service)?.mounts.bindSummary ?? "no bind mounts"
            switch mount.resolution {
            case .host(let path) where LabPath.isFile(path):
                return nil
            case .host(let path):
                return .error(Self.code, "\(mount.service) reads \(mount.containerPath), mounted from \(path), "
                              + "which is not a file in the lab", at: mount.location)
            case .volume(let name):
                return .warning(Self.code, "\(mount.service) reads \(mount.containerPath) from volume "
                                + "\(name ?? "(anonymous)"); the lab's file is not used", at: mount.location)
            case .image:
                return .error(Self.code, "\(mount.service) reads its config at \(mount.containerPath), but no bind "
                              + "mount provides it (\(binds)); the image's default config is used",
                              at: mount.location)
            }
        }
    }
}
