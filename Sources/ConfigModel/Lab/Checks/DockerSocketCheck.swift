import Diagnostics

/// `docker_sd_configs` reading the Docker socket (`unix:///var/run/docker.sock`) from a Prometheus
/// container that does not mount it: discovery fails and the job has no targets (the seed's Lab 8).
///
/// Triggers: `docker_sd_configs: [{host: unix:///var/run/docker.sock}]` with no
/// `/var/run/docker.sock:/var/run/docker.sock` volume on the prometheus service.
/// Does not trigger: the socket mounted (read-only is enough); `host: tcp://…`.
public struct DockerSocketCheck: LabWiringCheck {
    public static let code = "lab/docker-socket-not-mounted"
    public static let summary = "docker_sd_configs uses the Docker socket, which the Prometheus container does not mount"
    public static let isLint = false

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let prometheus = lab.service(role: .prometheus), let file = lab.prometheus else { return [] }
        let config = file.value
        let mounted = (prometheus.compose.node?["volumes"]?.sequence ?? []).contains { item in
            let text = item.scalarValue ?? item["target"]?.scalarValue ?? ""
            return text.contains("docker.sock")
        }
        guard !mounted else { return [] }
        return config.scrapeConfigs.flatMap { job in
            job.serviceDiscovery.dockerSDConfigs.compactMap { sd -> Diagnostic? in
                guard sd.host.hasPrefix("unix://") else { return nil }
                let socket = String(sd.host.dropFirst("unix://".count))
                return .error(Self.code, "job \(job.jobName) discovers containers through \(socket), which the "
                              + "\(prometheus.name) container does not mount: add the volume \(socket):\(socket):ro "
                              + "(and user: root, the socket's group)",
                              at: Self.location(of: sd.host, in: file.path, after: job.location) ?? job.jobNameLocation)
            }
        }
    }

    /// Where `value` is first written in `path` at or after `start` (the config keeps no node for it).
    static func location(of value: String, in path: String, after start: SourceLocation?) -> SourceLocation? {
        guard let text = LabPath.readText(path) else { return nil }
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard line >= (start?.line ?? 1), let r = raw.range(of: value) else { continue }
            return SourceLocation(file: path, line: line, column: raw[..<r.lowerBound].unicodeScalars.count + 1)
        }
        return nil
    }
}
