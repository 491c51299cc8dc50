import Diagnostics
import Foundation

/// Finds the files of a lab directory and loads them, running every per-file check on the way.
///
/// Discovery starts from the compose file(s) (`docker-compose.yml`, `compose.yml`, `docker-compose.*.yml`…):
/// the Prometheus config is the file bind-mounted where the Prometheus container reads it (its
/// `--config.file`, else `/etc/prometheus/prometheus.yml`), rule files are `rule_files` resolved inside
/// that container and mapped back through the mounts, and so on for Alertmanager and Grafana's
/// provisioning directory. Without compose (or when a file is not mounted) conventional paths are used:
/// `prometheus/prometheus.yml`, `alertmanager/alertmanager.yml`, `grafana/provisioning/…`.
///
/// ```swift
/// let (lab, outcome) = LabLoader(lint: true).load(directory: "lab7")
/// ```
public struct LabLoader: Sendable {
    /// Whether per-file lints run.
    public var lint: Bool

    public init(lint: Bool = true) { self.lint = lint }

    /// Stable code for a lab directory that cannot be checked.
    public static let notALabCode = "lab/not-a-lab"

    /// Loads the lab at `directory`: the typed lab and every per-file finding.
    public func load(directory: String) -> (lab: Lab, outcome: CheckOutcome) {
        var lab = Lab(directory: directory)
        var outcome = CheckOutcome()
        guard LabPath.isDirectory(directory) else {
            let why = LabPath.exists(directory) ? "it is a file; give the lab's folder" : "it does not exist"
            outcome.diagnostics.append(.error(Self.notALabCode, "\(directory): not a directory (\(why))"))
            return (lab, outcome)
        }
        loadCompose(&lab, &outcome)
        loadPrometheus(&lab, &outcome)
        loadCentralPrometheus(&lab, &outcome)
        loadAlertmanager(&lab, &outcome)
        loadGrafana(&lab, &outcome)
        loadAppSources(&lab)
        loadUnlistedRuleFiles(&lab, &outcome)
        loadAnswerFiles(&lab, &outcome)
        outcome.diagnostics += PythonSyntaxCheck().check(files: lab.appMetrics.files)
        if outcome.files.isEmpty {
            outcome.diagnostics.append(.error(
                Self.notALabCode,
                "\(directory): no docker-compose.yml, prometheus/prometheus.yml, alertmanager/alertmanager.yml "
                + "or grafana/provisioning found"))
        }
        return (lab, outcome)
    }

    // MARK: - Compose

    /// Compose files of a directory: the main file first, then overrides (`docker-compose.*.yml`).
    static func composeFiles(in directory: String) -> [String] {
        let names = LabPath.contents(of: directory)
        let primary = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
        let main = primary.filter(names.contains)
        let overrides = names.filter { name in
            (name.hasPrefix("docker-compose.") || name.hasPrefix("compose."))
                && (name.hasSuffix(".yml") || name.hasSuffix(".yaml")) && !primary.contains(name)
        }
        return (main + overrides).map { LabPath.join(directory, $0) }.filter(LabPath.isFile)
    }

    func loadCompose(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        for path in Self.composeFiles(in: lab.directory) {
            let (compose, diagnostics) = ComposeFile.load(path: path).parts
            outcome.files.append(path)
            outcome.diagnostics += diagnostics
            guard let compose else { continue }
            if lint { outcome.diagnostics += ComposeLints.suite.run(compose) }
            lab.composeFiles.append(path)
            for s in compose.services {
                let service = LabService(compose: s, baseDirectory: LabPath.directory(of: path))
                if let i = lab.services.firstIndex(where: { $0.name == s.name }) {
                    lab.services[i].merge(service)
                } else {
                    lab.services.append(service)
                }
            }
        }
    }

    // MARK: - Helpers

    /// The first of `candidates` (relative to the lab) that is a file.
    static func conventional(_ candidates: [String], in directory: String) -> String? {
        candidates.map { LabPath.join(directory, $0) }.first(where: LabPath.isFile)
    }

    /// Where `service` reads the file named by `flag` (default `defaultPath`) and what provides it.
    static func configMount(_ service: LabService, flag: String, defaultPath: String) -> Lab.ConfigMount {
        let named = service.commandFlag(flag)
        let containerPath = LabPath.normalize(named?.value ?? defaultPath)
        let at = named?.node ?? service.compose.node(for: "volumes") ?? service.compose.node
        return Lab.ConfigMount(service: service.name, containerPath: containerPath,
                               resolution: service.mounts.resolve(containerPath), location: at?.location)
    }

    /// The host file of a mount, when the mount provides an existing file.
    static func mountedFile(_ mount: Lab.ConfigMount) -> String? {
        if case .host(let path) = mount.resolution, LabPath.isFile(path) { return path }
        return nil
    }

    // MARK: - Alertmanager

    func loadAlertmanager(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        var path: String?
        var containerPath: String?
        if let service = lab.service(role: .alertmanager) {
            let mount = Self.configMount(service, flag: "config.file", defaultPath: "/etc/alertmanager/alertmanager.yml")
            lab.alertmanagerMount = mount
            path = Self.mountedFile(mount)
            if path != nil { containerPath = mount.containerPath }
        }
        path = path ?? Self.conventional(["alertmanager/alertmanager.yml", "alertmanager/alertmanager.yaml",
                                          "alertmanager.yml", "alertmanager.yaml"], in: lab.directory)
        guard let path else { return }
        let (config, diagnostics) = AlertmanagerConfig.load(path: path).parts
        outcome.files.append(path)
        outcome.diagnostics += diagnostics
        guard let config else { return }
        if lint { outcome.diagnostics += AlertmanagerLints.suite.run(config) }
        lab.alertmanager = Lab.File(path: path, value: config, containerPath: containerPath)
    }

    // MARK: - App sources

    /// Python sources of built services (their build context) and of the lab directory itself.
    func loadAppSources(_ lab: inout Lab) {
        var dirs: [String] = []
        for s in lab.services where s.role == .app {
            if let context = s.compose.buildContext { dirs.append(LabPath.join(s.baseDirectory, context)) }
        }
        dirs.append(lab.directory)
        var files: [String] = []
        for dir in dirs where LabPath.isDirectory(dir) {
            for file in LabPath.files(under: dir, suffixes: [".py"], depth: 4, limit: 200) where !files.contains(file) {
                files.append(file)
            }
        }
        lab.appMetrics = AppMetricCatalog.scan(files: files)
    }
}
