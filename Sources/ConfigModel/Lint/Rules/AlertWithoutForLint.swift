import Diagnostics

/// An alert without `for` (or with `for: 0s`): it fires on the first evaluation that matches, so a
/// single bad scrape pages someone.
///
/// Triggers: an alert with no `for:`. Does not trigger: `for: 5m`.
public struct AlertWithoutForLint: LintRule {
    public static let code = "rules/alert-without-for"
    public static let summary = "alert without a for duration (fires on a single evaluation)"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.compactMap { rule in
            if let d = rule.forDuration, d > .zero { return nil }
            return .warning(Self.code,
                            "alert \"\(rule.name)\" has no 'for' duration: it fires on the first matching evaluation",
                            at: rule.forLocation ?? rule.nameLocation)
        }
    }
}
