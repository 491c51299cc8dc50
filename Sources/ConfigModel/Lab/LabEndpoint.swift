import Diagnostics

/// An address one lab container uses to reach another: a scrape target, an Alertmanager target of
/// `alerting.alertmanagers`, or a Grafana datasource URL.
public struct LabEndpoint: Sendable {
    public enum Kind: Sendable, Equatable {
        case scrapeTarget(job: String)
        case alertmanager
        /// A provisioned datasource of `type` (`prometheus`, `alertmanager`, …).
        case datasource(name: String, type: String)
    }

    /// What a host name refers to, seen from inside a container.
    public enum Target: Sendable {
        /// `localhost`, `127.0.0.1`, `::1`, `0.0.0.0`: the client container itself.
        case loopback
        /// `host.docker.internal` and friends: the Docker host.
        case dockerHost
        /// A literal IP address or a value with `${…}` placeholders: not checked.
        case opaque
        case service(LabService)
        case unknown
    }

    public var kind: Kind
    /// The address as written.
    public var text: String
    public var host: String
    public var port: Int
    /// The node the address was written at.
    public var location: SourceLocation?
    /// The service whose container connects; `nil` when the connection starts on the host (a browser).
    public var client: LabService?

    /// "scrape target \"api:8001\" of job \"fastapi\"" and the like, for messages.
    public var description: String {
        switch kind {
        case .scrapeTarget(let job): return "scrape target \"\(text)\" of job \"\(job)\""
        case .alertmanager: return "Alertmanager target \"\(text)\""
        case .datasource(let name, _): return "datasource \"\(name)\" URL \"\(text)\""
        }
    }

    // MARK: - Parsing

    /// Splits `host:port` (`[v6]:port`; no port means the scheme's default).
    static func split(_ address: String, scheme: String) -> (host: String, port: Int)? {
        var host = Substring(address)
        var portText: Substring?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if rest.hasPrefix(":") { portText = rest.dropFirst() }
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else { return nil }
            return (String(host), port)
        }
        return (String(host), scheme.lowercased() == "https" ? 443 : 80)
    }

    /// Scheme and `host:port` of a URL such as `http://prometheus:9090/prefix`.
    static func splitURL(_ url: String) -> (scheme: String, authority: String)? {
        guard let sep = url.range(of: "://") else { return nil }
        let scheme = String(url[..<sep.lowerBound])
        var authority = url[sep.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return authority.isEmpty ? nil : (scheme, String(authority))
    }

    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "0.0.0.0", "ip6-localhost"]
    static let dockerHostNames: Set<String> = ["host.docker.internal", "gateway.docker.internal",
                                               "host.containers.internal"]
}

// MARK: - The lab's endpoints

extension Lab {
    /// Every static scrape target, Alertmanager target and datasource URL of the lab.
    public var endpoints: [LabEndpoint] {
        var out: [LabEndpoint] = []
        let prometheusService = service(role: .prometheus)
        if let config = prometheus?.value {
            for job in config.scrapeConfigs {
                for target in job.serviceDiscovery.staticConfigs.flatMap(\.targets) {
                    guard let (host, port) = LabEndpoint.split(target.value, scheme: job.scheme) else { continue }
                    out.append(LabEndpoint(kind: .scrapeTarget(job: job.jobName), text: target.value, host: host,
                                           port: port, location: target.location, client: prometheusService))
                }
            }
            for am in config.alerting.alertmanagers {
                for target in am.serviceDiscovery.staticConfigs.flatMap(\.targets) {
                    guard let (host, port) = LabEndpoint.split(target.value, scheme: am.scheme) else { continue }
                    out.append(LabEndpoint(kind: .alertmanager, text: target.value, host: host, port: port,
                                           location: target.location, client: prometheusService))
                }
            }
        }
        for central in centralPrometheus {
            for job in central.config.value.scrapeConfigs {
                for target in job.serviceDiscovery.staticConfigs.flatMap(\.targets) {
                    guard let (host, port) = LabEndpoint.split(target.value, scheme: job.scheme) else { continue }
                    out.append(LabEndpoint(kind: .scrapeTarget(job: job.jobName), text: target.value, host: host,
                                           port: port, location: target.location, client: central.service))
                }
            }
        }
        let grafana = service(role: .grafana)
        for d in datasources {
            guard let url = d.url, let (scheme, authority) = LabEndpoint.splitURL(url),
                  let (host, port) = LabEndpoint.split(authority, scheme: scheme) else { continue }
            out.append(LabEndpoint(kind: .datasource(name: d.name, type: d.type), text: url, host: host, port: port,
                                   location: d.node?["url"]?.location ?? d.node?.location,
                                   client: d.access == "direct" ? nil : grafana))
        }
        return out
    }

    /// Endpoints whose client is a container on a compose network: the ones container DNS applies to.
    public var containerEndpoints: [LabEndpoint] {
        guard hasCompose else { return [] }
        return endpoints.filter { $0.client.map { !$0.usesHostNetwork } ?? false }
    }

    /// What `endpoint.host` refers to from inside the client container.
    public func target(of endpoint: LabEndpoint) -> LabEndpoint.Target {
        let host = endpoint.host.lowercased()
        if LabEndpoint.loopbackHosts.contains(host) || host.hasPrefix("127.") { return .loopback }
        if LabEndpoint.dockerHostNames.contains(host) { return .dockerHost }
        if host.contains("$") || host.contains("{") || host.contains(":")
            || host.allSatisfy({ $0.isNumber || $0 == "." }) { return .opaque }
        if let s = service(host: endpoint.host) { return .service(s) }
        return .unknown
    }
}
