import Diagnostics

/// An alert without `summary` or `description` annotations: the notification says nothing about what
/// is wrong.
///
/// Triggers: an alert with only a `summary`. Does not trigger: one with `summary` and `description`.
public struct AlertMissingAnnotationsLint: LintRule {
    public static let code = "rules/alert-missing-annotations"
    public static let summary = "alert without summary or description annotations"
    static let required = ["summary", "description"]

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.compactMap { rule in
            let names = Set(rule.annotations.map(\.name))
            let missing = Self.required.filter { !names.contains($0) }
            guard !missing.isEmpty else { return nil }
            return .warning(Self.code,
                            "alert \"\(rule.name)\" has no \(missing.joined(separator: " or ")) annotation",
                            at: rule.nameLocation)
        }
    }
}
