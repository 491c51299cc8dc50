import Foundation
import LabCatalog

/// Grades one student's submission folder for a class run.
public protocol SubmissionRunner: Sendable {
    /// The student's grade; never throws: what goes wrong is a `.graderError` line.
    func grade(_ student: ClassStudent, directory: String) -> StudentGrade
}

/// Grades in this process (no time or memory limit beyond the grader's own budgets); for tests
/// and for embedding.
public struct InProcessSubmissionRunner: SubmissionRunner {
    public let spec: LabSpec
    public let language: GradingLanguage

    public init(spec: LabSpec, language: GradingLanguage) {
        self.spec = spec
        self.language = language
    }

    public func grade(_ student: ClassStudent, directory: String) -> StudentGrade {
        let start = Date()
        let options = GraderOptions(language: language, values: student.values, student: student.id)
        do {
            let report = try Grader(spec: spec, options: options).grade(submission: directory)
            return StudentGrade(studentID: student.id, name: student.name, status: .graded, report: report,
                                seconds: Date().timeIntervalSince(start))
        } catch let error as SubmissionError {
            return StudentGrade(studentID: student.id, name: student.name, status: .graderError,
                                error: error.message(language), seconds: Date().timeIntervalSince(start))
        } catch {
            return StudentGrade(studentID: student.id, name: student.name, status: .graderError,
                                error: "\(error)", seconds: Date().timeIntervalSince(start))
        }
    }
}
