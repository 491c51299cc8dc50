import Diagnostics

// MARK: - Further Prometheus servers (a central one that federates the lab's Prometheus)

extension LabLoader {
    /// The configs of the compose file's other Prometheus services (the first one is the lab's
    /// Prometheus, ``loadPrometheus(_:_:)``): each is checked like prometheus.yml (federation jobs with
    /// `honor_labels`, `metrics_path: /federate` and `params: {match[]: …}` included), and its static
    /// targets join the lab's endpoints, so a federated host that no service answers to is found.
    func loadCentralPrometheus(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        let servers = lab.services.filter { $0.role == .prometheus }.dropFirst()
        let loaded = Set(outcome.files.map(LabPath.normalize))
        for service in servers {
            let mount = Self.configMount(service, flag: "config.file", defaultPath: "/etc/prometheus/prometheus.yml")
            guard let path = Self.mountedFile(mount), !loaded.contains(LabPath.normalize(path)) else { continue }
            let result = PrometheusConfig.load(path: path)
            outcome.files.append(path)
            outcome.diagnostics += result.diagnostics
            guard let config = result.value else { continue }
            outcome.diagnostics += config.checkReferencedFiles(baseDirectory: LabPath.directory(of: path), syntaxOnly: true)
                .diagnostics
            if lint { outcome.diagnostics += PrometheusConfigLints.suite.run(config) }
            lab.centralPrometheus.append(Lab.CentralPrometheus(
                service: service, config: Lab.File(path: path, value: config, containerPath: mount.containerPath)))
        }
    }
}
