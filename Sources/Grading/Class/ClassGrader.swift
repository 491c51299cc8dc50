import Foundation
import LabCatalog

/// Grades a whole class: every roster student's folder `submissions/<student_id>/` against their
/// own variant, `jobs` at a time. A missing folder is a `.missing` line; whatever goes wrong in one
/// submission stays in its line.
public struct ClassGrader: Sendable {
    public let spec: LabSpec
    public let runner: any SubmissionRunner
    public var jobs: Int

    public init(spec: LabSpec, runner: any SubmissionRunner, jobs: Int = 2) {
        self.spec = spec
        self.runner = runner
        self.jobs = max(1, jobs)
    }

    /// The class report; `progress` is called (from any thread, one call at a time) after each student.
    public func grade(_ students: [ClassStudent], submissions: String,
                      progress: @escaping @Sendable (_ done: Int, _ total: Int, _ grade: StudentGrade) -> Void = { _, _, _ in })
        -> ClassGradeReport {
        let results = ResultBox(count: students.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        for (index, student) in students.enumerated() {
            let directory = (submissions as NSString).appendingPathComponent(student.id)
            let runner = self.runner
            queue.addOperation {
                var isDirectory: ObjCBool = false
                let grade: StudentGrade
                if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue {
                    grade = runner.grade(student, directory: directory)
                } else {
                    grade = StudentGrade(studentID: student.id, name: student.name, status: .missing,
                                         error: "no submission folder \(directory)")
                }
                let done = results.set(index, grade)
                progress(done, students.count, grade)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        let columns = spec.exercises.map { e in
            ClassGradeReport.ExerciseColumn(id: e.id, title: e.title.text(.en),
                                            maxPoints: Double(e.checks.filter { $0.kind != .manual }.reduce(0) { $0 + $1.points }))
        }
        let max = columns.reduce(0) { $0 + $1.maxPoints }
        return ClassGradeReport(lab: spec.id, labTitle: spec.title.text(.en), exercises: columns, maxPoints: max,
                                students: results.values.enumerated().map { i, g in
                                    g ?? StudentGrade(studentID: students[i].id, status: .graderError, error: "not graded")
                                })
    }
}

/// The lines of a class run, filled from several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [StudentGrade?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores line `index`; returns how many are done.
    func set(_ index: Int, _ grade: StudentGrade) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = grade
        done += 1
        return done
    }

    var values: [StudentGrade?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
