import Diagnostics
import PromModel
import RE2
import YAML

// MARK: - Decoding and validation

extension RelabelConfig {
    static let keys = ["source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action"]

    /// Decodes one relabel step and validates it as Prometheus's `relabel.Config.Validate` does.
    static func decode(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext, what: String) -> RelabelConfig? {
        if node.isNull {
            ctx.error(ConfigCode.relabelNull, "\(what) entry must not be empty", at: node)
            return nil
        }
        guard let m = ctx.mapping(node, allowed: keys, what: what) else { return nil }
        var config = RelabelConfig(location: node.location)
        if let labels = ctx.list(m["source_labels"], what: "source_labels", { ctx, item -> String? in
            guard let name = ctx.string(item, what: "a source label") else { return nil }
            if !LabelNames.isValidUTF8Name(name) {
                ctx.error(ConfigCode.invalidLabelName, "\"\(name)\" is not a valid label name", at: item)
            }
            return name
        }) {
            config.sourceLabels = labels
        }
        if let s = ctx.string(m["separator"]) { config.separator = s }
        if let node = m["regex"], let r = ctx.string(node, what: "regex") {
            config.regex = r
            do {
                _ = try CompiledRegex(r, anchored: true)
            } catch {
                ctx.error(ConfigCode.invalidRegex, "invalid regex \"^(?s:\(r))$\": \(error)", at: node)
            }
        }
        if let n = m["modulus"], let v = ctx.int(n, in: 0...Int.max, what: "modulus") { config.modulus = UInt64(v) }
        if let s = ctx.string(m["target_label"]) { config.targetLabel = s }
        if let s = ctx.string(m["replacement"]) { config.replacement = s }
        if let node = m["action"], let s = ctx.string(node, what: "action") {
            if let action = Action(rawValue: s.lowercased()) {
                config.action = action
            } else {
                let hint = Suggestion.didYouMean(s, in: Action.allCases.map(\.rawValue))
                ctx.error(ConfigCode.unknownRelabelAction, "unknown relabel action \"\(s)\"\(hint)", at: node)
                return config
            }
        }
        config.validate(m, &ctx)
        return config
    }

    /// The cross-field rules of `relabel.Config.Validate`.
    private func validate(_ m: YAMLMapping, _ ctx: inout YAMLDecodingContext) {
        let at = m.keyNode("action") ?? m.node
        func fail(_ code: String, _ message: String, _ node: YAMLNode? = nil) {
            ctx.error(code, message, at: node ?? at)
        }
        if action == .hashmod, modulus == 0 {
            fail(ConfigCode.relabelMissingField, "relabel configuration for hashmod requires non-zero modulus")
        }
        let needsTarget: Set<Action> = [.replace, .hashmod, .lowercase, .uppercase, .keepequal, .dropequal]
        if needsTarget.contains(action), targetLabel.isEmpty {
            fail(ConfigCode.relabelMissingField,
                 "relabel configuration for \(action.rawValue) action requires 'target_label' value")
        }
        let targetNode = m["target_label"]
        if [.replace, .lowercase, .uppercase].contains(action), !targetLabel.isEmpty,
           !Self.isValidTargetLabel(targetLabel) {
            fail(ConfigCode.relabelInvalidTarget,
                 "\"\(targetLabel)\" is invalid 'target_label' for \(action.rawValue) action", targetNode)
        }
        if action == .hashmod, !targetLabel.isEmpty, !LabelNames.isValidLegacyLabelName(targetLabel) {
            fail(ConfigCode.relabelInvalidTarget,
                 "\"\(targetLabel)\" is invalid 'target_label' for \(action.rawValue) action", targetNode)
        }
        if action == .labelmap, !Self.isValidTargetLabel(replacement) {
            fail(ConfigCode.relabelInvalidTarget,
                 "\"\(replacement)\" is invalid 'replacement' for \(action.rawValue) action", m["replacement"])
        }
        if action == .labeldrop || action == .labelkeep {
            if !sourceLabels.isEmpty || !targetLabel.isEmpty || modulus != 0
                || separator != Self.defaultSeparator || replacement != Self.defaultReplacement {
                fail(ConfigCode.relabelExtraField, "\(action.rawValue) action requires only 'regex', and no other fields")
            }
        }
        if action == .keepequal || action == .dropequal {
            if regex != Self.defaultRegex || modulus != 0 || separator != Self.defaultSeparator
                || replacement != Self.defaultReplacement {
                fail(ConfigCode.relabelExtraField,
                     "\(action.rawValue) action requires only 'source_labels' and `target_label`, and no other fields")
            }
        }
    }

    /// A label name, possibly built from `$1`/`${name}` references to regex groups.
    static func isValidTargetLabel(_ label: String) -> Bool {
        guard !label.isEmpty else { return false }
        if label.contains("$") { return true }
        return LabelNames.isValidUTF8Name(label)
    }

    /// Decodes a list of relabel steps.
    static func decodeList(_ node: YAMLNode?, _ ctx: inout YAMLDecodingContext, what: String) -> [RelabelConfig] {
        ctx.list(node, what: what) { ctx, item in decode(item, &ctx, what: what) } ?? []
    }
}

// MARK: - Writing

extension RelabelConfig {
    /// The step as YAML, leaving out fields at their defaults.
    public func yamlNode() -> YAMLNode {
        var b = YAMLMappingBuilder()
        if !sourceLabels.isEmpty { b.add("source_labels", .sequence(sourceLabels.map(YAMLNode.string))) }
        if separator != Self.defaultSeparator { b.add("separator", separator) }
        if regex != Self.defaultRegex { b.add("regex", regex) }
        if modulus != 0 { b.add("modulus", .scalar(String(modulus))) }
        if !targetLabel.isEmpty { b.add("target_label", targetLabel) }
        if replacement != Self.defaultReplacement { b.add("replacement", replacement) }
        if action != .replace { b.add("action", action.rawValue) }
        return b.node
    }
}
