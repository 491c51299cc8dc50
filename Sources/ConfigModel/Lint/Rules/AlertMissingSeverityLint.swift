import Diagnostics

/// An alert without a `severity` label, which Alertmanager routes usually match on.
///
/// Triggers: `labels: {team: web}`. Does not trigger: `labels: {severity: critical}`.
public struct AlertMissingSeverityLint: LintRule {
    public static let code = "rules/alert-missing-severity"
    public static let summary = "alert without a severity label"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.compactMap { rule in
            guard !rule.labels.contains(where: { $0.name == "severity" }) else { return nil }
            return .warning(Self.code, "alert \"\(rule.name)\" has no severity label", at: rule.nameLocation)
        }
    }
}
