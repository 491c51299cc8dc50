/// The graded result of one submission: every exercise and check, with totals.
public struct GradeReport: Sendable, Hashable {
    /// The lab's id (`lab7`).
    public var lab: String
    /// The lab's title in the report's language.
    public var labTitle: String
    /// The student, when grading a class (roster id).
    public var student: String?
    /// The submission directory as the user named it.
    public var submission: String
    /// The report's language (`es` or `en`).
    public var language: String
    public var exercises: [ExerciseResult]

    public init(lab: String, labTitle: String, student: String? = nil, submission: String, language: String,
                exercises: [ExerciseResult]) {
        self.lab = lab
        self.labTitle = labTitle
        self.student = student
        self.submission = submission
        self.language = language
        self.exercises = exercises
    }

    /// Every check of every exercise, in order.
    public var checks: [CheckResult] { exercises.flatMap(\.checks) }
    /// Points earned on checks that count.
    public var points: Double { exercises.reduce(0) { $0 + $1.points } }
    /// The maximum of the checks that count.
    public var maxPoints: Double { exercises.reduce(0) { $0 + $1.maxPoints } }
    /// Checks the grader could not evaluate (shown to the instructor, never counted).
    public var graderErrors: [CheckResult] { checks.filter { $0.outcome == .graderError } }
    /// Checks waiting for the instructor.
    public var manualChecks: [CheckResult] { checks.filter { $0.outcome == .manual } }
}
