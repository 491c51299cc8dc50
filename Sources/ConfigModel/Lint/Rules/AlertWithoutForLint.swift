import Diagnostics

/// An alert without `for` (or with `for: 0s`): it fires on the first evaluation that matches, so a
/// single bad scrape pages someone.
///
/// Triggers: an alert with no `for:`. Does not trigger: `for: 5m`, nor an invalid `for: 1min` (that is
/// already an error of its own).
public struct AlertWithoutForLint: LintRule {
    public static let code = "rules/alert-without-for"
    public static let summary = "alert without a for duration (fires on a single evaluation)"

    public init() {}

    public func check(_ input: RuleLintInput) -> [Diagnostic] {
        input.alerts.compactMap { rule in
            if let d = rule.forDuration, d > .zero { return nil }
            // Written but not a duration: the decoding error says so; "no for" would contradict it.
            if rule.forDuration == nil, rule.forLocation != nil { return nil }
            return .warning(Self.code,
                            "alert \"\(rule.name)\" has no 'for' duration: it fires on the first matching evaluation",
                            at: rule.forLocation ?? rule.nameLocation)
        }
    }
}
