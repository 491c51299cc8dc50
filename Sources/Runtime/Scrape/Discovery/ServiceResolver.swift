import ConfigModel
import Foundation

/// Maps the addresses a lab's prometheus.yml names (`api:8000`, `node_exporter:9100`, the compose
/// service names) to where the service really listens on this machine (`127.0.0.1:18000`).
///
/// Entries come from `--resolve NAME=HOST:PORT` (NAME with or without a port: `api:8000=…` wins over
/// `api=…`) or a compose file's published ports (`"18000:8000"` under service `api` maps `api:8000`
/// to `127.0.0.1:18000`). Unknown addresses are used as they are.
public struct ServiceResolver: Sendable, Hashable {
    /// Address or bare name → `host:port`.
    public private(set) var entries: [String: String] = [:]

    public init(entries: [String: String] = [:]) {
        self.entries = entries
    }

    /// Parses `NAME=HOST:PORT` pairs.
    /// - Throws: ``ScrapeConfigError`` naming a malformed pair.
    public init(pairs: [String]) throws {
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "=") else {
                throw ScrapeConfigError("invalid --resolve \"\(pair)\": expected NAME=HOST:PORT")
            }
            let name = String(pair[..<eq]), target = String(pair[pair.index(after: eq)...])
            guard !name.isEmpty, (try? HTTPRequest.splitHostPort(target, defaultPort: 0)).map({ $0.1 > 0 }) == true else {
                throw ScrapeConfigError("invalid --resolve \"\(pair)\": expected NAME=HOST:PORT")
            }
            entries[name] = target
        }
    }

    /// Adds every published port of `compose`'s services: `service:containerPort` → `host:published`
    /// (host `127.0.0.1` unless the port binds a specific address), and `container_name:port` too.
    public mutating func add(compose: ComposeFile) {
        for service in compose.services {
            for port in service.ports {
                guard let published = port.published, port.protocolName == "tcp" else { continue }
                var host = port.hostIP ?? "127.0.0.1"
                if host == "0.0.0.0" || host == "::" || host.isEmpty { host = "127.0.0.1" }
                for (offset, containerPort) in port.target.enumerated() {
                    let hostPort = published.lowerBound + offset
                    guard hostPort <= published.upperBound else { break }
                    let mapped = host.contains(":") ? "[\(host)]:\(hostPort)" : "\(host):\(hostPort)"
                    for name in [service.name, service.containerName].compactMap({ $0 }) where entries["\(name):\(containerPort)"] == nil {
                        entries["\(name):\(containerPort)"] = mapped
                    }
                }
            }
        }
    }

    /// Merges `other`, whose entries win.
    public mutating func merge(_ other: ServiceResolver) {
        entries.merge(other.entries) { _, new in new }
    }

    /// Where to connect for `address` (`host:port`).
    public func resolve(_ address: String) -> String {
        if let exact = entries[address] { return exact }
        if let colon = address.lastIndex(of: ":"), let byName = entries[String(address[..<colon])] {
            return byName
        }
        return entries[address] ?? address
    }
}
