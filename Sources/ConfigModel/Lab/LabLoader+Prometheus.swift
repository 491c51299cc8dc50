import Diagnostics

// MARK: - Prometheus config and rule files

extension LabLoader {
    func loadPrometheus(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        var path: String?
        var containerPath: String?
        let service = lab.service(role: .prometheus)
        if let service {
            let mount = Self.configMount(service, flag: "config.file", defaultPath: "/etc/prometheus/prometheus.yml")
            lab.prometheusMount = mount
            path = Self.mountedFile(mount)
            if path != nil { containerPath = mount.containerPath }
        }
        path = path ?? Self.conventional(["prometheus/prometheus.yml", "prometheus/prometheus.yaml", "prometheus.yml",
                                          "prometheus.yaml", "config/prometheus.yml"], in: lab.directory)
        guard let path else { return }
        let result = PrometheusConfig.load(path: path)
        outcome.files.append(path)
        outcome.diagnostics += result.diagnostics
        guard let config = result.value else { return }
        // Inside a container, rule files, TLS files and file_sd files are container paths: the host-side
        // lookup promtool would do is replaced by following the mounts (rule files) below.
        let hostDirectory = LabPath.directory(of: path)
        let referenced = config.checkReferencedFiles(baseDirectory: hostDirectory, syntaxOnly: containerPath != nil)
        outcome.diagnostics += referenced.diagnostics
        if lint { outcome.diagnostics += PrometheusConfigLints.suite.run(config) }
        lab.prometheus = Lab.File(path: path, value: config, containerPath: containerPath)

        var rulePaths: [String] = []
        if let service, let containerPath {
            for pattern in config.ruleFiles where RuleFilePattern.isValid(pattern.value) {
                let resolution = Self.resolveRuleFile(pattern, configContainerPath: containerPath,
                                                      hostDirectory: hostDirectory, service: service)
                lab.ruleFileResolutions.append(resolution)
                rulePaths += resolution.hostFiles.isEmpty ? resolution.besideConfig.map { [$0] } ?? [] : resolution.hostFiles
            }
        } else {
            rulePaths = referenced.ruleFiles.map(LabPath.normalize)
        }
        let check = RuleFileCheck(lint: lint, scrapeInterval: config.global.scrapeInterval)
        var seen = Set<String>()
        for rulePath in rulePaths where seen.insert(rulePath).inserted {
            let loaded = RuleFile.load(path: rulePath)
            outcome.files.append(rulePath)
            outcome.diagnostics += loaded.diagnostics
            guard let file = loaded.value else { continue }
            if lint { outcome.diagnostics += RuleLints.suite.run(RuleLintInput(file: file, scrapeInterval: check.scrapeInterval)) }
            lab.ruleFiles.append(Lab.File(path: rulePath, value: file, containerPath: nil))
        }
    }

    /// Follows one `rule_files` pattern into the Prometheus container and back out through its mounts.
    static func resolveRuleFile(_ pattern: Located<String>, configContainerPath: String, hostDirectory: String,
                                service: LabService) -> Lab.RuleFileResolution {
        let inContainer = pattern.value.hasPrefix("/")
            ? LabPath.normalize(pattern.value)
            : LabPath.join(LabPath.directory(of: configContainerPath), pattern.value)
        let resolution = service.mounts.resolve(inContainer)
        let isGlob = RuleFilePattern.isGlob(pattern.value)
        var hostFiles: [String] = []
        if case .host(let host) = resolution {
            hostFiles = isGlob ? FileGlob.match(host).map(LabPath.normalize) : (LabPath.isFile(host) ? [host] : [])
        }
        var beside: String?
        if !pattern.value.hasPrefix("/") {
            let candidate = LabPath.join(hostDirectory, pattern.value)
            beside = isGlob ? FileGlob.match(candidate).first.map(LabPath.normalize)
                            : (LabPath.isFile(candidate) ? candidate : nil)
        } else {
            // An absolute container path: look for the same file name beside prometheus.yml.
            let candidate = LabPath.join(hostDirectory, LabPath.fileName(of: pattern.value))
            if !isGlob, LabPath.isFile(candidate) { beside = candidate }
        }
        return Lab.RuleFileResolution(pattern: pattern, containerPath: inContainer, resolution: resolution,
                                      hostFiles: hostFiles, besideConfig: beside)
    }
}
