import Diagnostics
import Foundation

/// The template parameter values a class roster gives one student (`labctl init LAB --student ID
/// --roster FILE`), assigned as `labctl students generate` assigns them.
public enum RosterStudentValues {
    /// The values for student `id` (matched case-insensitively) of the roster at `path`, for lab
    /// `labID` of `catalog`; without a known lab, just `student` and `prefix`.
    /// - Throws: `CatalogError` when the domain catalog cannot be read or the student is not in the
    ///   roster; `StudentsError` with the roster's (or the assignment's) diagnostics when it has errors.
    public static func values(forStudent id: String, rosterPath path: String, labID: String?,
                              catalog: Catalog) throws -> [String: String] {
        let domains = try DomainCatalog.load(root: catalog.root)
        let (roster, diagnostics) = Roster.load(path: path, domains: domains)
        guard let roster, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw StudentsError(diagnostics: diagnostics)
        }
        guard let student = roster.students.first(where: { $0.id.lowercased() == id.lowercased() }) else {
            let hint = Suggestion.didYouMean(id, in: roster.students.map(\.id))
            throw CatalogError("student \"\(id)\" is not in the roster \(path)\(hint)")
        }
        let assignment = try StudentAssignment.assign(student, domains: domains)
        guard let lab = labID.flatMap({ catalog.lab($0) }) else { return ["student": student.id, "prefix": student.prefix] }
        return assignment.values(for: lab)
    }
}
