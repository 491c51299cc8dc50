/// How one check ended.
///
/// Only ``passed``, ``partial`` and ``failed`` count towards the student's score. ``manual`` checks
/// wait for the instructor's marks, and a ``graderError`` (a broken scenario or reference, a limit hit
/// by the grader itself) is shown to the instructor and never counted against the student.
public enum CheckOutcome: String, Sendable, Hashable, CaseIterable {
    case passed
    case partial
    case failed
    /// Graded by the instructor; pending until a `--manual` file gives its points.
    case manual
    /// The grader could not evaluate the check (broken spec, reference or scenario).
    case graderError = "grader_error"

    /// Whether the check's points are part of the score's maximum.
    public var counts: Bool {
        switch self {
        case .passed, .partial, .failed: return true
        case .manual, .graderError: return false
        }
    }
}
