import Foundation
import YAML

/// A compose service as the lab checks see it: its role, the names other containers reach it by, its
/// networks, the ports it listens on inside its container, and its mounts.
public struct LabService: Sendable {
    public var compose: ComposeService
    public var role: LabServiceRole
    /// Names Docker's DNS resolves to this container: the service name, `container_name`, network aliases.
    public var hostNames: [String]
    /// Networks joined (`default` when none is listed); empty with `network_mode`.
    public var networks: [String]
    /// Ports the process in the container listens on; empty when unknown.
    public var listeningPorts: Set<Int>
    /// Where `listeningPorts` came from (for messages: "image default", "--web.listen-address", …).
    public var portSource: String
    public var mounts: LabMountTable
    /// The directory relative bind sources and build contexts are resolved against.
    public var baseDirectory: String

    public var name: String { compose.name }

    /// Whether the service shares the host's network stack (`network_mode: host`).
    public var usesHostNetwork: Bool { compose.networkMode == "host" }

    /// The lab view of `compose`, with relative bind sources and build contexts resolved against
    /// `baseDirectory` (the compose file's directory).
    public init(compose: ComposeService, baseDirectory: String) {
        self.compose = compose
        self.baseDirectory = baseDirectory
        role = LabServiceRole.classify(image: compose.image, buildContext: compose.buildContext)
        var names = [compose.name]
        if let c = compose.containerName { names.append(c) }
        if let networks = compose.node?["networks"]?.mapping {
            for pair in networks {
                for alias in pair.value["aliases"]?.sequence ?? [] {
                    if let a = alias.scalarValue { names.append(a) }
                }
            }
        }
        for link in compose.node?["links"]?.sequence ?? [] {
            if let text = link.scalarValue, let alias = text.split(separator: ":").last { names.append(String(alias)) }
        }
        hostNames = names
        networks = compose.networkMode != nil ? [] : (compose.networks.isEmpty ? ["default"] : compose.networks)
        mounts = LabMountTable(service: compose, baseDirectory: baseDirectory)
        (listeningPorts, portSource) = (Set<Int>(), "")
        (listeningPorts, portSource) = inferListeningPorts()
    }

    /// The value of a command-line flag (`--config.file=X` or `--config.file X`; one or two dashes).
    public func commandFlag(_ flag: String) -> (value: String, node: YAMLNode?)? {
        let args = compose.command ?? []
        let items = compose.node?["command"]?.sequence
        let bare = flag.drop { $0 == "-" }
        for (i, arg) in args.enumerated() {
            let stripped = arg.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            let name = stripped.drop { $0 == "-" }
            guard stripped.hasPrefix("-") else { continue }
            let node = items.flatMap { $0.indices.contains(i) ? $0[i] : nil } ?? compose.node(for: "command")
            if name.hasPrefix(bare + "=") {
                return (String(name.dropFirst(bare.count + 1)), node)
            }
            if name == bare, args.indices.contains(i + 1) {
                let next = items.flatMap { $0.indices.contains(i + 1) ? $0[i + 1] : nil } ?? node
                return (args[i + 1].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")), next)
            }
        }
        return nil
    }

    /// The value of an environment variable set in the compose file.
    public func environment(_ name: String) -> String? {
        compose.environment.first { $0.name == name }?.value ?? nil
    }

    /// Whether this service's container can reach `other` by name: they share a network (services with
    /// `network_mode: host` reach nobody by name).
    public func sharesNetwork(with other: LabService) -> Bool {
        !Set(networks).isDisjoint(with: other.networks)
    }

    /// Host ports this service publishes that forward to a different container port: `[published: target]`.
    public var publishedPorts: [Int: Int] {
        var out: [Int: Int] = [:]
        for p in compose.ports {
            guard let published = p.published else { continue }
            for (offset, host) in published.prefix(1024).enumerated() {
                let target = p.target.count == 1 ? p.target.lowerBound : p.target.lowerBound + offset
                if out[host] == nil { out[host] = target }
            }
        }
        return out
    }
}

// MARK: - Merging compose files

extension LabService {
    /// Applies a later compose file's definition of the same service (an override file): scalar
    /// settings are replaced when given, mounts at the same container path replaced, lists extended.
    mutating func merge(_ later: LabService) {
        if later.compose.image != nil { compose.image = later.compose.image; role = later.role }
        if later.compose.command != nil { compose.command = later.compose.command }
        if later.compose.containerName != nil { compose.containerName = later.compose.containerName }
        compose.ports += later.compose.ports
        compose.environment += later.compose.environment
        let replaced = Set(later.mounts.entries.map(\.containerPath))
        mounts.entries = mounts.entries.filter { !replaced.contains($0.containerPath) } + later.mounts.entries
        for n in later.hostNames where !hostNames.contains(n) { hostNames.append(n) }
        if !later.compose.networks.isEmpty {
            networks = Array(Set(networks + later.networks)).sorted()
        }
        if !later.listeningPorts.isEmpty, later.portSource.hasPrefix("--") || listeningPorts.isEmpty {
            (listeningPorts, portSource) = (later.listeningPorts, later.portSource)
        }
    }
}
