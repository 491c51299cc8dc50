/// The catalogue of rule file lints, in the order they run.
public enum RuleLints {
    /// Every rule lint.
    public static let all: [any LintRule<RuleLintInput>.Type] = [
        DuplicateRuleLint.self, RateOnNonCounterLint.self, RateRangeTooShortLint.self,
        HistogramQuantileWithoutLeLint.self, HistogramQuantileNonBucketLint.self, AlertWithoutComparisonLint.self, AlertWithoutForLint.self,
        AlertMissingSeverityLint.self, AlertMissingAnnotationsLint.self, ValueInAlertLabelsLint.self,
        RecordingRuleNamingLint.self, RecordingRuleLevelLint.self, LabelSetMismatchLint.self,
    ]

    /// A suite running every rule lint.
    public static var suite: LintSuite<RuleLintInput> { LintSuite(all) }
}
