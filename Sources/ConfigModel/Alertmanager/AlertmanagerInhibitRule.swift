import YAML

/// An inhibition rule: alerts matching `target` are muted while an alert matching `source` fires
/// with the same values for the `equal` labels.
public struct AlertmanagerInhibitRule: Sendable {
    public var source = AlertmanagerMatchers()
    public var target = AlertmanagerMatchers()
    public var equal: [String] = []
    public var node: YAMLNode?

    public init() {}
}

// MARK: - Decoding

extension AlertmanagerInhibitRule {
    static let keys = ["source_match", "source_match_re", "source_matchers", "target_match", "target_match_re",
                       "target_matchers", "equal"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> AlertmanagerInhibitRule? {
        guard let m = ctx.mapping(node, allowed: keys, what: "inhibit rule") else { return nil }
        var rule = AlertmanagerInhibitRule()
        rule.node = node
        rule.source = AlertmanagerMatchers.decode(m, prefix: "source_", context: &ctx)
        rule.target = AlertmanagerMatchers.decode(m, prefix: "target_", context: &ctx)
        for item in ctx.sequence(m["equal"], what: "equal") ?? [] {
            guard let label = ctx.string(item, what: "equal") else { continue }
            if AlertmanagerMatchers.checkLabelName(label, at: item, context: &ctx) { rule.equal.append(label) }
        }
        return rule
    }

    /// The rule as a YAML mapping.
    public func yamlNode() -> YAMLNode {
        var pairs = source.nodes(prefix: "source_") + target.nodes(prefix: "target_")
        if !equal.isEmpty { pairs.append(("equal", .sequence(equal.map { .string($0) }))) }
        return .mapping(pairs)
    }
}
