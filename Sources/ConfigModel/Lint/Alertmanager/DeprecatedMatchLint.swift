import Diagnostics
import PromModel
import YAML

/// `match:` / `match_re:` in routes and `source_match(_re):` / `target_match(_re):` in inhibit rules:
/// deprecated since Alertmanager 0.22 in favour of `matchers:` / `source_matchers:` / `target_matchers:`.
///
/// Triggers: `match: {severity: critical}`. Does not trigger: `matchers: ['severity="critical"']`.
public struct DeprecatedMatchLint: LintRule {
    public static let code = "am-lint/deprecated-match"
    public static let summary = "deprecated match/match_re (source_match, target_match): use matchers"

    public init() {}

    public func check(_ config: AlertmanagerConfig) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for route in config.route?.allRoutes ?? [] {
            guard let node = route.node else { continue }
            out += Self.findings(in: node, prefix: "")
        }
        for rule in config.inhibitRules {
            guard let node = rule.node else { continue }
            out += Self.findings(in: node, prefix: "source_") + Self.findings(in: node, prefix: "target_")
        }
        return out
    }

    /// One warning per deprecated key of `node`, with the equivalent `matchers:` list.
    static func findings(in node: YAMLNode, prefix: String) -> [Diagnostic] {
        let mapping = YAMLMapping(node: node)
        var out: [Diagnostic] = []
        for (key, op) in [("match", "="), ("match_re", "=~")] {
            guard let key = Optional(prefix + key), let keyNode = mapping.keyNode(key), let value = mapping[key] else { continue }
            let items = (value.mapping ?? []).compactMap { pair -> String? in
                guard let name = pair.key.scalarValue else { return nil }
                let v = Labels.escapeValue(pair.value.scalarValue ?? "")
                return "'\(name)\(op)\"\(v)\"'"
            }
            out.append(.warning(code, "\(key) is deprecated (Alertmanager 0.22+); write \(prefix)matchers: [\(items.joined(separator: ", "))]",
                                at: keyNode.location))
        }
        return out
    }
}
