import Diagnostics

/// The result of one check of one exercise.
public struct CheckResult: Sendable, Hashable {
    /// The check's id: the spec's `id:` or `<exercise>.<n>` (1-based).
    public var id: String
    /// The spec's kind name (`alert_fires`).
    public var kind: String
    /// What the check verifies, in the report's language.
    public var title: String
    public var outcome: CheckOutcome
    /// Points earned (0...maxPoints; fractional for partial credit).
    public var points: Double
    public var maxPoints: Double
    /// Hidden checks count, but their feedback is shown only with `--show-hidden` or after release.
    public var hidden: Bool
    public var feedback: [Feedback]
    /// The student's query against the reference, for checks that evaluate PromQL.
    public var chart: ChartData?
    /// Where the check is declared in the lab spec (for grader errors).
    public var specLocation: SourceLocation?

    public init(id: String, kind: String, title: String, outcome: CheckOutcome, points: Double, maxPoints: Double,
                hidden: Bool = false, feedback: [Feedback] = [], chart: ChartData? = nil,
                specLocation: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.outcome = outcome
        self.points = points
        self.maxPoints = maxPoints
        self.hidden = hidden
        self.feedback = feedback
        self.chart = chart
        self.specLocation = specLocation
    }
}
