import ConfigModel
import Foundation

/// What `labctl up DIR` will do with each service of a lab's compose file: play it (Prometheus as
/// `labctl serve`, Alertmanager embedded, the FastAPI service as `demo-app`, node_exporter as Debian's
/// binary when installed) or list it as not started, with the reason. Every published port maps the
/// compose address (`api:8000`) to a loopback one (`127.0.0.1:8000 + offset`), so the lab's
/// prometheus.yml works unchanged.
public struct LabStackPlan: Sendable {
    /// How a service is run.
    public enum Role: Sendable, Equatable {
        case prometheus
        case alertmanager
        case demoApp
        case nodeExporter(executable: String)
        case notStarted(reason: String)
    }

    /// One service of the compose file.
    public struct Service: Sendable {
        public var name: String
        public var role: Role
        /// `(container port, loopback port)` of each published TCP port.
        public var ports: [(container: Int, local: Int)]
        /// The first loopback port, where the service is reached.
        public var localPort: Int? { ports.first?.local }
    }

    /// The lab directory.
    public var directory: String
    /// Services in compose order.
    public var services: [Service]
    /// The prometheus.yml on the host.
    public var prometheusConfig: String
    /// The alertmanager.yml on the host, when the lab has an Alertmanager service.
    public var alertmanagerConfig: String?
    /// The loopback port of labctl serve.
    public var prometheusPort: Int
    /// `NAME:PORT=127.0.0.1:LOCAL` pairs for the server's resolver (and `localhost:9090` → itself).
    public var resolve: [String]

    /// Reads `directory`'s compose file and decides.
    /// - Parameters:
    ///   - portOffset: added to every published port (so a second stack or a busy port can be avoided).
    ///   - nodeExporter: the node_exporter binary, or nil when it is not installed.
    /// - Throws: ``ServeError`` when there is no compose file, it is invalid, or no Prometheus service.
    public static func make(directory: String, portOffset: Int = 0, nodeExporter: String?) throws -> LabStackPlan {
        guard (0...50_000).contains(portOffset) else { throw ServeError("--port-offset must be between 0 and 50000") }
        let names = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"]
        guard let composePath = names.map({ (directory as NSString).appendingPathComponent($0) })
            .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw ServeError("\(directory) has no docker-compose.yml: is it a lab directory (labctl init LAB DIR)?")
        }
        let (compose, diagnostics) = ComposeFile.load(path: composePath).parts
        guard let compose else {
            throw ServeError("\(composePath) is invalid", details: diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        var services: [Service] = []
        var prometheusConfig: String?
        var alertmanagerConfig: String?
        var resolve: [String] = []
        for service in compose.services {
            var ports: [(Int, Int)] = []
            for port in service.ports where port.protocolName == "tcp" {
                guard let published = port.published else { continue }
                for (i, container) in port.target.enumerated() where published.lowerBound + i <= published.upperBound {
                    let local = published.lowerBound + i + portOffset
                    guard local <= 65_535 else { throw ServeError("port \(published.lowerBound + i) + offset \(portOffset) is over 65535") }
                    ports.append((container, local))
                }
            }
            let role = self.role(of: service, directory: directory, nodeExporter: nodeExporter)
            switch role {
            case .prometheus:
                prometheusConfig = hostPath(of: flag("--config.file", in: service) ?? "/etc/prometheus/prometheus.yml",
                                            service: service, directory: directory)
            case .alertmanager:
                alertmanagerConfig = hostPath(of: flag("--config.file", in: service) ?? "/etc/alertmanager/alertmanager.yml",
                                              service: service, directory: directory)
            default:
                break
            }
            for (container, local) in ports {
                for name in [service.name, service.containerName].compactMap({ $0 }) {
                    resolve.append("\(name):\(container)=127.0.0.1:\(local)")
                }
            }
            services.append(Service(name: service.name, role: role, ports: ports))
        }
        guard let prometheus = services.first(where: { $0.role == .prometheus }), let config = prometheusConfig else {
            throw ServeError("\(composePath) has no Prometheus service (image prom/prometheus) for labctl to play")
        }
        guard FileManager.default.fileExists(atPath: config) else {
            throw ServeError("the Prometheus service's configuration \(config) does not exist")
        }
        let port = prometheus.localPort ?? 9090 + portOffset
        resolve.append("localhost:9090=127.0.0.1:\(port)")
        resolve.append("127.0.0.1:9090=127.0.0.1:\(port)")
        // The embedded Alertmanager answers on the server's port.
        if let am = services.first(where: { $0.role == .alertmanager }) {
            for (container, _) in am.ports { resolve.append("\(am.name):\(container)=127.0.0.1:\(port)") }
        }
        if let path = alertmanagerConfig, !FileManager.default.fileExists(atPath: path) { alertmanagerConfig = nil }
        return LabStackPlan(directory: directory, services: services, prometheusConfig: config,
                            alertmanagerConfig: alertmanagerConfig, prometheusPort: port, resolve: resolve)
    }

    static func role(of service: ComposeService, directory: String, nodeExporter: String?) -> Role {
        let image = (service.image ?? "").lowercased()
        let name = service.name.lowercased()
        if image.hasPrefix("prom/prometheus") || image.contains("/prometheus:") || name == "prometheus" { return .prometheus }
        if image.contains("alertmanager") || name == "alertmanager" { return .alertmanager }
        if image.contains("node-exporter") || name == "node_exporter" || name == "node-exporter" {
            guard let nodeExporter else {
                return .notStarted(reason: "prometheus-node-exporter is not installed (Debian: apt-get install prometheus-node-exporter)")
            }
            return .nodeExporter(executable: nodeExporter)
        }
        if let build = service.buildContext {
            let main = ((directory as NSString).appendingPathComponent(build) as NSString).appendingPathComponent("main.py")
            if let text = try? String(contentsOfFile: main, encoding: .utf8), text.contains("FastAPI") { return .demoApp }
        }
        if image.contains("grafana/grafana") || name == "grafana" {
            return .notStarted(reason: "Grafana is not bundled with labctl; add labctl's address as a Prometheus data source")
        }
        if image.contains("k6") { return .notStarted(reason: "k6 is played by `labctl load`") }
        return .notStarted(reason: "labctl cannot play \(service.image ?? "a built image") (its scrape target shows down)")
    }

    /// The value of `--name=value` or `--name value` in the service's command.
    static func flag(_ name: String, in service: ComposeService) -> String? {
        let command = service.command ?? []
        for (i, item) in command.enumerated() {
            if item.hasPrefix(name + "=") { return String(item.dropFirst(name.count + 1)) }
            if item == name, i + 1 < command.count { return command[i + 1] }
        }
        return nil
    }

    /// The host file a container path comes from through the service's bind mounts.
    static func hostPath(of containerPath: String, service: ComposeService, directory: String) -> String {
        for volume in service.volumes where volume.kind == .bind {
            guard let source = volume.source else { continue }
            let target = volume.target.hasSuffix("/") ? String(volume.target.dropLast()) : volume.target
            guard containerPath == target || containerPath.hasPrefix(target + "/") else { continue }
            let rest = String(containerPath.dropFirst(target.count))
            let base = source.hasPrefix("/") ? source : (directory as NSString).appendingPathComponent(source)
            return ((base + rest) as NSString).standardizingPath
        }
        return (directory as NSString).appendingPathComponent((containerPath as NSString).lastPathComponent)
    }
}
