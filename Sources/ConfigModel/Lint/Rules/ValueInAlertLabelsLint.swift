import Diagnostics

/// `$value` (or `.Value`) in an alert's labels: labels identify the alert, so every new value makes a
/// new alert and the old one resolves. Put the value in an annotation.
///
/// Triggers: `labels: {current: "{{ $value }}"}`. Does not trigger: the same in `annotations`.
public struct ValueInAlertLabelsLint: LintRule {
    public static let code = "rules/value-in-alert-labels"
    public static let summary = "$value used in alert labels (creates a new alert per value)"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.flatMap { rule in
            rule.labels.filter { $0.value.contains("$value") || $0.value.contains(".Value") }.map { label in
                .warning(Self.code,
                         "alert \"\(rule.name)\" uses the query value in label \"\(label.name)\"; each new value starts a new alert (use an annotation)",
                         at: label.valueLocation ?? label.location)
            }
        }
    }
}
