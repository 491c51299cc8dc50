import PromModel
import YAML

// MARK: - Generation

extension RuleFile {
    /// The rule file as a YAML node tree (`groups:` …), fields in Prometheus's documented order.
    public func yamlNode() -> YAMLNode {
        .mapping([("groups", .sequence(groups.map { $0.yamlNode() }))])
    }

    /// The rule file as YAML text; multi-line queries are written as literal blocks.
    public func yamlText() -> String { YAMLWriter().write(yamlNode()) }
}

extension RuleGroup {
    func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        b.add("name", name)
        b.add("interval", interval)
        if limit != 0 { b.add("limit", int: limit) }
        b.add("query_offset", queryOffset)
        b.add("labels", pairs: labels.map { ($0.name, $0.value) })
        b.add("rules", .sequence(rules.map { $0.yamlNode() }))
        return b.node
    }
}

extension Rule {
    func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        b.add(kind == .alerting ? "alert" : "record", name)
        b.add("expr", expr)
        b.add("for", forDuration)
        b.add("keep_firing_for", keepFiringFor)
        b.add("labels", pairs: labels.map { ($0.name, $0.value) })
        b.add("annotations", pairs: annotations.map { ($0.name, $0.value) })
        return b.node
    }
}
