import Foundation
import LabCatalog

/// `--compare OLD.csv`: whose score changed since an earlier gradebook, and in which exercises.
public struct GradebookComparison: Sendable {
    /// One student whose line changed.
    public struct Change: Sendable, Hashable {
        public var studentID: String
        public var before: String
        public var after: String
        /// `rules +10`, `status missing → graded` …
        public var reasons: [String]
    }

    public var changes: [Change] = []

    /// Compares the gradebook CSV text `old` with `report`; throws `GraderError` with line:column
    /// when `old` is not a gradebook.
    public init(old: String, file: String, report: ClassGradeReport) throws {
        let records: [CSVRecord]
        do { records = try CSVReader().read(old) } catch let error as CSVError {
            throw GraderError("\(file):\(error.line):\(error.column): \(error.message)")
        }
        guard let header = records.first?.values, let idColumn = header.firstIndex(of: "student_id"),
              let totalColumn = header.firstIndex(of: "total") else {
            throw GraderError("\(file):1:1: not a labctl gradebook (no student_id and total columns)")
        }
        let statusColumn = header.firstIndex(of: "status")
        var oldRows: [String: [String: String]] = [:]
        for record in records.dropFirst() {
            let values = record.values
            guard idColumn < values.count else { continue }
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() where i < values.count { row[name] = values[i] }
            oldRows[values[idColumn]] = row
        }
        _ = totalColumn
        for student in report.students {
            let id = student.studentID
            let newTotal = student.status == .graded ? Gradebook.number(student.points) : ""
            guard let old = oldRows.removeValue(forKey: id) else {
                changes.append(Change(studentID: id, before: "—", after: newTotal.isEmpty ? student.status.rawValue : newTotal,
                                      reasons: ["new in the roster"]))
                continue
            }
            var reasons: [String] = []
            let oldStatus = statusColumn.map { _ in old["status"] ?? "" } ?? "graded"
            if oldStatus != student.status.rawValue { reasons.append("status \(oldStatus) → \(student.status.rawValue)") }
            for column in report.exercises {
                let before = Double(old[column.id] ?? "") ?? 0
                let after = student.report?.exercises.first { $0.id == column.id }?.points ?? 0
                if abs(after - before) >= 0.005 {
                    reasons.append("\(column.id) \(after > before ? "+" : "")\(Gradebook.number(after - before))")
                }
            }
            let before = old["total"] ?? ""
            if before != newTotal || !reasons.isEmpty {
                changes.append(Change(studentID: id, before: before.isEmpty ? oldStatus : before,
                                      after: newTotal.isEmpty ? student.status.rawValue : newTotal, reasons: reasons))
            }
        }
        for id in oldRows.keys.sorted() {
            changes.append(Change(studentID: id, before: oldRows[id]?["total"] ?? "", after: "—", reasons: ["no longer in the roster"]))
        }
    }

    /// One line per change.
    public func render() -> String {
        guard !changes.isEmpty else { return "no score changed\n" }
        return changes.map { "\($0.studentID): \($0.before) → \($0.after)" + ($0.reasons.isEmpty ? "" : " (\($0.reasons.joined(separator: ", ")))") }
            .joined(separator: "\n") + "\n"
    }
}
