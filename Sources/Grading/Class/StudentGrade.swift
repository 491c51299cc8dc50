/// One roster student's line of a class run: their report, or why there is none.
public struct StudentGrade: Sendable, Hashable {
    /// Why a student has no report, or a report that is not the whole story.
    public enum Status: String, Sendable, Hashable {
        /// Graded (whatever the score).
        case graded
        /// The roster names the student but `DIR/<student_id>/` does not exist.
        case missing
        /// The submission could not be graded: it crashed, hung or exhausted its limits.
        case graderError = "grader_error"
    }

    /// The roster's student id (the folder name of the submission).
    public var studentID: String
    /// The roster's display name, when it has one.
    public var name: String?
    public var status: Status
    /// The report when the student was graded.
    public var report: GradeReport?
    /// What went wrong for `missing` and `graderError`.
    public var error: String?
    /// Copy findings of `students verify` for this student (foreign prefix, near-identical pair …);
    /// shown as a flag column, never changing the score.
    public var flags: [String]
    /// Wall time spent on this submission, in seconds.
    public var seconds: Double

    public init(studentID: String, name: String? = nil, status: Status, report: GradeReport? = nil,
                error: String? = nil, flags: [String] = [], seconds: Double = 0) {
        self.studentID = studentID
        self.name = name
        self.status = status
        self.report = report
        self.error = error
        self.flags = flags
        self.seconds = seconds
    }

    /// The student's total (0 without a report).
    public var points: Double { report?.points ?? 0 }
}
