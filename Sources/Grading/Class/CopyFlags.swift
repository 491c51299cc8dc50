import Diagnostics
import Foundation
import LabCatalog

/// Copies in a class run: the findings of `labctl students verify` (another student's prefix,
/// id, domain or entity; metrics without the prefix; near-identical pairs, on both students) become
/// flags on the students' gradebook lines, never changing a score.
public enum CopyFlags {
    /// Verifies `submissions` against `roster` and adds each finding's code to the line of the
    /// student whose folder it is in; returns the verifier's diagnostics (empty when it could not run).
    @discardableResult
    public static func apply(to report: inout ClassGradeReport, roster: Roster, submissions: String,
                             verifier: SubmissionVerifier) -> [Diagnostic] {
        guard let verified = try? verifier.verify(roster: roster, submissions: submissions) else { return [] }
        let root = (submissions as NSString).standardizingPath
        for d in verified.diagnostics where d.code.hasPrefix("students/") {
            // A near-identical pair flags both students: its note is in the other one's folder.
            let locations = [d.location] + (d.code == "students/similar" ? d.notes.map(\.location) : [])
            for location in locations {
                guard let file = location.map({ ($0.file as NSString).standardizingPath }), file.hasPrefix(root + "/") else { continue }
                guard let id = file.dropFirst(root.count + 1).split(separator: "/").first.map(String.init),
                      let index = report.students.firstIndex(where: { $0.studentID == id }) else { continue }
                if !report.students[index].flags.contains(d.code) { report.students[index].flags.append(d.code) }
            }
        }
        return verified.diagnostics
    }
}
