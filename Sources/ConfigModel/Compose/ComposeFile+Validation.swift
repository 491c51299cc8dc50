import Diagnostics
import Foundation
import YAML

// MARK: - Cross-reference validation

extension ComposeFile {
    /// Undefined volumes, networks and dependencies, dependency cycles, host-port and container-name clashes,
    /// and (with `baseDirectory`) relative bind-mount sources that do not exist.
    public func validate(baseDirectory: String? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let serviceNames = Set(services.map(\.name))
        let networkNames = Set(networks + ["default"])
        let volumeNames = Set(volumes)
        var published: [String: (service: String, node: YAMLNode?)] = [:]
        var containerNames: [String: String] = [:]

        for s in services {
            let items = s.node?["volumes"]?.sequence ?? []
            for (i, v) in s.volumes.enumerated() {
                let at = items.indices.contains(i) ? items[i] : s.node(for: "volumes")
                if v.kind == .volume, let source = v.source, !volumeNames.contains(source) {
                    out.append(.error(ComposeDiagnosticCode.undefinedVolume,
                                      "service \"\(s.name)\" refers to undefined volume \(source)"
                                      + Suggestion.didYouMean(source, in: volumes), at: at?.location))
                }
                if v.kind == .bind, let base = baseDirectory, let source = v.source,
                   source.hasPrefix("."), !FileManager.default.fileExists(atPath: base + "/" + source) {
                    out.append(.warning(ComposeDiagnosticCode.missingBindSource,
                                        "bind mount source \(source) does not exist beside the compose file; "
                                        + "Docker will create an empty directory there", at: at?.location))
                }
            }
            let networkItems = s.node?["networks"]
            for n in s.networks where !networkNames.contains(n) {
                let at = networkItems?.sequence?.first { $0.scalarValue == n }
                    ?? networkItems?.mapping?.first { $0.key.scalarValue == n }?.key ?? networkItems
                out.append(.error(ComposeDiagnosticCode.undefinedNetwork,
                                  "service \"\(s.name)\" refers to undefined network \(n)"
                                  + Suggestion.didYouMean(n, in: networks), at: at?.location))
            }
            for d in s.dependsOn {
                let at = dependencyNode(s, d.service)
                if d.service == s.name {
                    out.append(.error(ComposeDiagnosticCode.undefinedDependency,
                                      "service \"\(s.name)\" depends on itself", at: at?.location))
                } else if !serviceNames.contains(d.service) {
                    out.append(.error(ComposeDiagnosticCode.undefinedDependency,
                                      "Service '\(s.name)' depends on service '\(d.service)' which is undefined."
                                      + Suggestion.didYouMean(d.service, in: serviceNames.sorted()), at: at?.location))
                } else if d.condition == "service_healthy", service(named: d.service)?.hasHealthcheck == false {
                    out.append(.warning(ComposeDiagnosticCode.dependencyWithoutHealthcheck,
                                        "service \"\(s.name)\" waits for \"\(d.service)\" to be healthy, "
                                        + "but \"\(d.service)\" has no healthcheck", at: at?.location))
                }
            }
            if let cn = s.containerName {
                if let other = containerNames[cn] {
                    out.append(.error(ComposeDiagnosticCode.containerNameConflict,
                                      "container name \"\(cn)\" is used by services \"\(other)\" and \"\(s.name)\"",
                                      at: s.node?["container_name"]?.location))
                } else {
                    containerNames[cn] = s.name
                }
            }
            let portItems = s.node?["ports"]?.sequence ?? []
            for (i, p) in s.ports.enumerated() {
                guard let range = p.published else { continue }
                let at = portItems.indices.contains(i) ? portItems[i] : s.node(for: "ports")
                for port in range.prefix(1024) {
                    let key = "\(p.hostIP ?? "0.0.0.0")|\(port)|\(p.protocolName)"
                    let wildcard = "0.0.0.0|\(port)|\(p.protocolName)"
                    if let first = published[key] ?? (p.hostIP != nil ? published[wildcard] : nil) {
                        out.append(.error(ComposeDiagnosticCode.hostPortConflict,
                                          "host port \(port)/\(p.protocolName) of service \"\(s.name)\" is already "
                                          + "published by service \"\(first.service)\"", at: at?.location,
                                          notes: [.init("first published here", at: first.node?.location)]))
                        break
                    }
                    published[key] = (s.name, at)
                }
            }
        }
        out += dependencyCycles()
        return out
    }

    private func dependencyNode(_ s: ComposeService, _ target: String) -> YAMLNode? {
        let d = s.node?["depends_on"]
        return d?.sequence?.first { $0.scalarValue == target }
            ?? d?.mapping?.first { $0.key.scalarValue == target }?.key ?? d
    }

    /// One error per cycle in `depends_on`, at the dependency that closes it.
    private func dependencyCycles() -> [Diagnostic] {
        var state: [String: Int] = [:]  // 1 = on stack, 2 = done
        var out: [Diagnostic] = []
        func visit(_ name: String, _ path: [String]) {
            state[name] = 1
            guard let s = service(named: name) else { state[name] = 2; return }
            for d in s.dependsOn where d.service != name {
                if state[d.service] == 1 {
                    let cycle = (path + [name]).drop { $0 != d.service } + [d.service]
                    out.append(.error(ComposeDiagnosticCode.dependencyCycle,
                                      "dependency cycle detected: \(cycle.joined(separator: " -> "))",
                                      at: dependencyNode(s, d.service)?.location))
                } else if state[d.service] == nil {
                    visit(d.service, path + [name])
                }
            }
            state[name] = 2
        }
        for s in services where state[s.name] == nil { visit(s.name, []) }
        return out
    }
}
