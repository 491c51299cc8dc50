import Diagnostics

/// `rule_files` are read inside the Prometheus container, relative to prometheus.yml's directory
/// there: mounting only prometheus.yml leaves `alert_rules.yml` beside it on the host but absent in
/// the container, and Prometheus fails to start (or, with a glob, silently loads no rules).
///
/// Triggers:
/// ```yaml
/// # docker-compose.yml: - ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml
/// rule_files: ['alert_rules.yml']    # error: /etc/prometheus/alert_rules.yml is not mounted
/// ```
/// Does not trigger: `- ./prometheus:/etc/prometheus` with `prometheus/alert_rules.yml` in the lab.
public struct RuleFileMountCheck: LabWiringCheck {
    public static let code = "lab/rule-file-not-mounted"
    public static let summary = "a rule_files entry resolves inside the Prometheus container to no mounted file"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        let service = lab.prometheusMount?.service ?? "prometheus"
        let binds = lab.service(named: service)?.mounts.bindSummary ?? "no bind mounts"
        return lab.ruleFileResolutions.compactMap { r in
            guard r.hostFiles.isEmpty else { return nil }
            let glob = RuleFilePattern.isGlob(r.pattern.value)
            let severity: Severity = glob ? .warning : .error
            var message: String
            switch r.resolution {
            case .host(let host):
                message = "rule file \"\(r.pattern.value)\" is \(r.containerPath) in the \(service) container, "
                    + "mounted from \(host), which " + (glob ? "matches no file" : "does not exist")
            case .volume(let name):
                message = "rule file \"\(r.pattern.value)\" is \(r.containerPath) in the \(service) container, "
                    + "inside volume \(name ?? "(anonymous)"): the lab's rule files are not there"
            case .image:
                message = "rule file \"\(r.pattern.value)\" is \(r.containerPath) in the \(service) container, "
                    + "which no bind mount provides (\(binds))"
            }
            if let beside = r.besideConfig {
                let relative = LabPath.relative(LabPath.directory(of: beside), to: lab.directory) ?? "prometheus"
                let source = relative.isEmpty ? "." : "./" + relative
                message += "; \(beside) exists on the host: mount its directory "
                    + "(\(source):\(LabPath.directory(of: r.containerPath)))"
            }
            var notes: [Diagnostic.Note] = []
            if !glob, r.besideConfig == nil, let lookedFor = hostSideCandidate(r, lab) {
                notes += MissingFileSuggestion.note(written: r.pattern.value, lookedFor: lookedFor).map { [$0] } ?? []
            }
            return Diagnostic(severity, code: Self.code, message, at: r.pattern.location, notes: notes)
        }
    }

    /// Where on the host the missing rule file was looked for: the mounted path, else beside prometheus.yml.
    private func hostSideCandidate(_ r: Lab.RuleFileResolution, _ lab: Lab) -> String? {
        if case .host(let host) = r.resolution { return host }
        guard let config = lab.prometheus?.path else { return nil }
        let name = r.pattern.value.hasPrefix("/") ? LabPath.fileName(of: r.pattern.value) : r.pattern.value
        return LabPath.join(LabPath.directory(of: config), name)
    }
}
