import Diagnostics
import PromModel
import YAML

/// An Alertmanager route whose matcher no alert of the lab's rules can satisfy, judged on the labels
/// the rules set themselves (`severity`, `team`… in `labels:`, and `alertname`): `severity="Critical"`
/// when the rules say `critical`, `severity: warnning`. Such a route never receives anything and the
/// alerts fall through to the default receiver.
///
/// Only labels that some alert rule sets are judged (a label the rules never set may come from the
/// series), and a templated value (`{{ $labels.x }}`) could be anything.
///
/// Inhibit rules' `source_matchers` / `target_matchers` are judged the same way (an inhibition whose
/// source matches no alert never mutes anything).
///
/// Triggers: `matchers: ['severity="Critical"']` with rules labelled `severity: critical`.
/// Does not trigger: `matchers: ['severity="critical"']`; `matchers: ['instance=~"api.*"']`.
public struct RouteNeverMatchesCheck: LabWiringCheck {
    public static let code = "lab/route-never-matches"
    public static let summary = "an Alertmanager route matcher that none of the lab's alerts can match (by the rules' labels)"
    public static let isLint = true

    public init() {}

    /// What the rules say about one alert: its name and the labels it sets (`nil` value: templated).
    struct AlertLabels {
        var name: String
        var labels: [String: String?]
    }

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let config = lab.alertmanager?.value, let root = config.route else { return [] }
        let alerts = Self.alerts(of: lab)
        guard !alerts.isEmpty else { return [] }
        let ruleLabelNames = Set(alerts.flatMap(\.labels.keys)).union(["alertname"])
        var out: [Diagnostic] = []
        for route in root.routes.flatMap(\.allRoutes) {
            for matcher in route.matchers.all where ruleLabelNames.contains(matcher.name) {
                guard let message = Self.neverMatches(matcher, alerts, what: "route matcher") else { continue }
                out.append(.warning(Self.code, message, at: route.node.flatMap { Self.location(of: matcher.name, in: $0, prefix: "") }
                                    ?? route.location(of: "matchers")))
            }
        }
        for rule in config.inhibitRules {
            for (side, matchers) in [("source_", rule.source), ("target_", rule.target)] {
                for matcher in matchers.all where ruleLabelNames.contains(matcher.name) {
                    guard let message = Self.neverMatches(matcher, alerts, what: "inhibit rule \(side)matchers entry") else { continue }
                    out.append(.warning(Self.code, message, at: rule.node.flatMap { Self.location(of: matcher.name, in: $0, prefix: side) }))
                }
            }
        }
        return out
    }

    /// The message when no alert can satisfy `matcher`, else `nil`.
    static func neverMatches(_ matcher: LabelMatcher, _ alerts: [AlertLabels], what: String) -> String? {
        let canMatch = alerts.contains { alert in
            let value: String?? = matcher.name == "alertname" ? .some(alert.name) : alert.labels[matcher.name]
            switch value {
            case .none: return matcher.matches("")       // the rule does not set it
            case .some(.none): return true                // templated: could be anything
            case .some(.some(let v)): return matcher.matches(v)
            }
        }
        guard !canMatch else { return nil }
        let values = matcher.name == "alertname" ? alerts.map(\.name) : alerts.compactMap { $0.labels[matcher.name] ?? nil }
        let distinct = Array(Set(values)).sorted()
        var message = "\(what) \(matcher) matches none of the lab's alerts: their \(matcher.name) "
            + "values are \(distinct.joined(separator: ", ")) (label values are case-sensitive)"
        if let fix = distinct.first(where: { $0.lowercased() == matcher.value.lowercased() })
            ?? Suggestion.closest(to: matcher.value, in: distinct) {
            message += "; did you mean \(matcher.name)=\"\(fix)\"?"
        }
        return message
    }

    /// The alert rules with their static labels (group labels included; rule labels win).
    static func alerts(of lab: Lab) -> [AlertLabels] {
        lab.ruleFiles.flatMap { file in
            file.value.groups.flatMap { group in
                group.rules.filter { $0.kind == .alerting }.map { rule in
                    var labels: [String: String?] = [:]
                    for l in group.labels + rule.labels {
                        labels[l.name] = .some(l.value.contains("{{") ? nil : l.value)
                    }
                    return AlertLabels(name: rule.name, labels: labels)
                }
            }
        }
    }

    /// Where a route (or one side of an inhibit rule, `prefix` `source_`/`target_`) writes its matcher
    /// on `name`: the `match:` value or the `matchers:` item.
    static func location(of name: String, in node: YAMLNode, prefix: String) -> SourceLocation? {
        let m = YAMLMapping(node: node)
        for key in ["match", "match_re"] {
            if let v = m[prefix + key].map(YAMLMapping.init(node:))?[name] { return v.location }
        }
        if let item = m[prefix + "matchers"]?.sequence?.first(where: {
            ($0.scalarValue ?? "").trimmingCharacters(in: .whitespaces).hasPrefix(name)
        }) {
            return item.location
        }
        return m.keyNode(prefix + "matchers")?.location ?? node.location
    }
}
