import Diagnostics
/// What to grade and how.
public struct GraderOptions: Sendable {
    public var language: GradingLanguage
    /// Only this exercise (`--exercise`).
    public var exercise: String?
    /// Only this check id (`--check`).
    public var check: String?
    /// The student's values substituted into the spec (Práctica 26's prefix, domain, entity).
    public var values: [String: String]
    /// The student's id, for reports.
    public var student: String?
    /// Seconds one query may take.
    public var queryTimeout: Double
    /// A running Prometheus holding the lab's scenarios (see ``ScenarioTimeline``) that the PromQL,
    /// recording-rule and alert checks query instead of the embedded engine (`--prometheus`).
    public var prometheusURL: String?

    public init(language: GradingLanguage = .en, exercise: String? = nil, check: String? = nil,
                values: [String: String] = [:], student: String? = nil, queryTimeout: Double = 10) {
        self.language = language
        self.exercise = exercise
        self.check = check
        self.values = values
        self.student = student
        self.queryTimeout = queryTimeout
    }
}
