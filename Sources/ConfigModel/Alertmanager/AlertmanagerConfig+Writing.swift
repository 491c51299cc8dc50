import YAML

// MARK: - Generation

extension AlertmanagerConfig {
    /// The configuration as a YAML node tree, sections in Alertmanager's documented order.
    public func yamlNode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if !global.writtenKeys.isEmpty { pairs.append(("global", global.yamlNode())) }
        if !templates.isEmpty { pairs.append(("templates", .sequence(templates.map { .string($0) }))) }
        if let route { pairs.append(("route", route.yamlNode())) }
        if !inhibitRules.isEmpty { pairs.append(("inhibit_rules", .sequence(inhibitRules.map { $0.yamlNode() }))) }
        pairs.append(("receivers", .sequence(receivers.map { $0.yamlNode() })))
        let current = timeIntervals.filter { !$0.declaredAsMuteTimeInterval }
        let mute = timeIntervals.filter(\.declaredAsMuteTimeInterval)
        if !current.isEmpty { pairs.append(("time_intervals", .sequence(current.map { $0.yamlNode() }))) }
        if !mute.isEmpty { pairs.append(("mute_time_intervals", .sequence(mute.map { $0.yamlNode() }))) }
        return .mapping(pairs)
    }

    /// alertmanager.yml text for this configuration.
    public func yamlText() -> String {
        YAMLWriter().write(yamlNode())
    }
}
