import Diagnostics

/// An exporter pointed at a port its service does not listen on: nginx-prometheus-exporter's
/// `--nginx.scrape-uri` (or `SCRAPE_URI`) and redis_exporter's `REDIS_ADDR` (or `--redis.addr`) must
/// name a compose service and a port it listens on. The seed's Lab 6 read `http://nginx:9113/stub_status`
/// while Nginx listened only on 80: the exporter's `nginx_up` stays 0.
///
/// Triggers: `--nginx.scrape-uri=http://nginx:9113/stub_status` with nginx listening on 80 and 8080.
/// Does not trigger: `--nginx.scrape-uri=http://nginx:8080/stub_status`; `REDIS_ADDR=redis://redis:6379`.
public struct ExporterTargetCheck: LabWiringCheck {
    public static let code = "lab/exporter-wrong-port"
    public static let summary = "an exporter's scrape URI or address names a port its service does not listen on"
    public static let isLint = false

    public init() {}

    /// The address an exporter reads, where it is written, and the flag or variable that sets it.
    struct Setting {
        var value: String
        var location: SourceLocation?
        var name: String
        var defaultPort: Int
    }

    public func check(_ lab: Lab) -> [Diagnostic] {
        lab.services.compactMap { exporter -> Diagnostic? in
            guard let setting = Self.setting(of: exporter), let (host, port) = Self.hostPort(setting.value, defaultPort: setting.defaultPort),
                  let target = lab.service(host: host), !target.listeningPorts.isEmpty,
                  !target.listeningPorts.contains(port) else { return nil }
            let listens = target.listeningPorts.sorted().map(String.init).joined(separator: ", ")
            return .error(Self.code,
                          "\(exporter.name) reads \(setting.value) (\(setting.name)), but \(target.name) listens on \(listens) "
                          + "(\(target.portSource)), not on \(port): point \(setting.name) at a port \(target.name) listens on",
                          at: setting.location)
        }
    }

    static func setting(of s: LabService) -> Setting? {
        let envNode = s.compose.node(for: "environment")
        switch s.role {
        case .nginxExporter:
            if let flag = s.commandFlag("nginx.scrape-uri") {
                return Setting(value: flag.value, location: flag.node?.location, name: "--nginx.scrape-uri", defaultPort: 80)
            }
            if let env = s.environment("SCRAPE_URI") {
                return Setting(value: env, location: envNode?.location, name: "SCRAPE_URI", defaultPort: 80)
            }
        case .redisExporter:
            if let flag = s.commandFlag("redis.addr") {
                return Setting(value: flag.value, location: flag.node?.location, name: "--redis.addr", defaultPort: 6379)
            }
            if let env = s.environment("REDIS_ADDR") {
                return Setting(value: env, location: envNode?.location, name: "REDIS_ADDR", defaultPort: 6379)
            }
        default:
            break
        }
        return nil
    }

    /// Host and port of `http://host:port/path`, `redis://host:port` or `host:port`.
    static func hostPort(_ text: String, defaultPort: Int) -> (String, Int)? {
        var rest = Substring(text)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard !authority.isEmpty, !authority.hasPrefix("[") else { return nil }
        let parts = authority.split(separator: ":", maxSplits: 1)
        guard let host = parts.first, !host.isEmpty else { return nil }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
            return (String(host), port)
        }
        return (String(host), defaultPort)
    }
}
