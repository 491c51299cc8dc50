/// The results of one exercise's checks.
public struct ExerciseResult: Sendable, Hashable {
    public var id: String
    /// The exercise's title in the report's language.
    public var title: String
    public var checks: [CheckResult]

    public init(id: String, title: String, checks: [CheckResult]) {
        self.id = id
        self.title = title
        self.checks = checks
    }

    /// Points earned on checks that count.
    public var points: Double { checks.filter { $0.outcome.counts }.reduce(0) { $0 + $1.points } }
    /// The maximum of the checks that count (manual and grader-error checks are left out).
    public var maxPoints: Double { checks.filter { $0.outcome.counts }.reduce(0) { $0 + $1.maxPoints } }
}
