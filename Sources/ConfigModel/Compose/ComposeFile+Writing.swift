import YAML

// MARK: - Generation

extension ComposeFile {
    /// The compose file as a YAML node tree: typed settings from the values, other settings as written.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if let name { pairs.append(("name", .string(name))) }
        pairs.append(("services", .mapping(services.map { ($0.name, $0.yamlNode()) })))
        func declared(_ key: String, _ names: [String]) {
            guard !names.isEmpty else { return }
            pairs.append((key, .mapping(names.map { n in (n, node?[key]?[n] ?? .scalar("")) })))
        }
        declared("networks", networks)
        declared("volumes", volumes)
        declared("secrets", secrets)
        declared("configs", configs)
        return .mapping(pairs)
    }

    /// docker-compose.yml text (the obsolete `version` is dropped).
    public func yamlText() -> String { YAMLWriter().write(yamlNode()) }
}

extension ComposeService {
    static let typedKeys: Set<String> = ["image", "build", "container_name", "command", "environment", "ports",
                                         "volumes", "networks", "depends_on", "restart"]

    /// The service as a YAML mapping.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if let image { pairs.append(("image", .string(image))) }
        if let build = node?["build"] { pairs.append(("build", build)) }
        else if let buildContext { pairs.append(("build", .string(buildContext))) }
        if let containerName { pairs.append(("container_name", .string(containerName))) }
        if let command { pairs.append(("command", .sequence(command.map { .string($0) }))) }
        if !environment.isEmpty {
            pairs.append(("environment", .mapping(environment.map { ($0.name, $0.value.map { .string($0) } ?? .scalar("")) })))
        }
        if !ports.isEmpty { pairs.append(("ports", .sequence(ports.map { .string($0.shortSyntax) }))) }
        if !volumes.isEmpty { pairs.append(("volumes", .sequence(volumes.map { .string($0.shortSyntax) }))) }
        if !networks.isEmpty { pairs.append(("networks", .sequence(networks.map { .string($0) }))) }
        if !dependsOn.isEmpty {
            pairs.append(("depends_on", .mapping(dependsOn.map { d in
                (d.service, .mapping([("condition", .string(d.condition))]))
            })))
        }
        if let restart { pairs.append(("restart", .string(restart))) }
        for pair in node?.mapping ?? [] {
            guard let key = pair.key.scalarValue, !Self.typedKeys.contains(key) else { continue }
            pairs.append((key, pair.value))
        }
        return .mapping(pairs)
    }
}
