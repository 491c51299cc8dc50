import Diagnostics

/// Two rules with the same name and the same labels (group labels included) in one file: they write
/// the same series or alert, and one silently wins. This is promtool's default lint.
///
/// Triggers: two `record: job:x:sum` rules without labels. Does not trigger: the same names with
/// different `labels`.
public struct DuplicateRuleLint: LintRule {
    public static let code = "rules/duplicate-rule"
    public static let summary = "same rule name and labels defined twice in a file"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        var seen: [String: SourceLocation?] = [:]
        var out: [Diagnostic] = []
        for group in input.file.groups {
            for rule in group.rules where !rule.name.isEmpty {
                var labels: [String: String] = [:]
                for l in group.labels { labels[l.name] = l.value }
                for l in rule.labels { labels[l.name] = l.value }
                let text = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ")
                let key = "\(rule.name){\(text)}"
                if let first = seen[key] {
                    out.append(.warning(Self.code, "duplicate rule: \"\(rule.name)\" with labels {\(text)} is defined more than once",
                                        at: rule.nameLocation,
                                        notes: [Diagnostic.Note("first defined here", at: first)]))
                } else {
                    seen[key] = rule.nameLocation
                }
            }
        }
        return out
    }
}
