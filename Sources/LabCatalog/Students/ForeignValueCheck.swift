import Diagnostics
import Foundation

/// Another student's id, domain or entity in a submission's file: what a copied folder keeps when
/// the copier replaces only the prefix (`"domain": "salud"` in a finanzas student's `main.py`).
///
/// - `students/foreign-student` (error): another student's id (`Práctica 26 (ana.3)`).
/// - `students/foreign-domain` (error): the id or the business counter or gauge
///   (`citas_programadas`) of a domain that is not the student's (the further metrics a domain
///   suggests are not distinctive enough). In prose (`.md`, `.txt`) a domain id is only a warning:
///   `salud` is also an ordinary word there ("chequeo de salud").
/// - `students/foreign-entity` (warning): an entity of another domain. Entities are ordinary words
///   (`cuenta`, `ruta`, `clase`), so one alone only warns; it is an error in a file that also holds
///   another value (prefix, id, domain) of a student with that entity.
///
/// Values the student's own generated files contain (starter or reference solution) and the
/// entities of the student's own domain never count. One finding per file and value, at its first
/// occurrence, with a note counting the others.
struct ForeignValueCheck: Sendable {
    let vocabulary: RosterVocabulary
    let assignments: [StudentAssignment]

    static let proseExtensions: Set<String> = ["md", "markdown", "txt", "rst"]

    /// The findings among `occurrences` (of the vocabulary in the file `file` of student `owner`). `ownWords` are entry texts of
    /// the student's generated files; `corroborating` are students whose prefix the file holds.
    func check(_ occurrences: [RosterVocabulary.Occurrence], file: String, owner: Int, ownWords: Set<String>,
               corroborating: Set<Int>) -> [Diagnostic] {
        guard assignments.indices.contains(owner) else { return [] }
        let own = assignments[owner]
        let ownEntities = Set(own.domain.entities.map { $0.lowercased() })
        var firsts: [String: RosterVocabulary.Occurrence] = [:]
        var order: [String] = []
        var more: [String: [RosterVocabulary.Occurrence]] = [:]
        for found in occurrences.prefix(10_000) {
            let entry = vocabulary.entries[found.entry]
            guard entry.kind != .prefix, entry.kind != .project, entry.kind != .suggested, !entry.owners.contains(owner),
                  !ownWords.contains(entry.text) else { continue }
            if entry.kind == .entity, ownEntities.contains(entry.text.lowercased()) { continue }
            let key = entry.kind.rawValue + "/" + entry.text.lowercased()
            if firsts[key] == nil {
                firsts[key] = found
                order.append(key)
            } else {
                more[key, default: []].append(found)
            }
        }
        let prose = Self.proseExtensions.contains((file as NSString).pathExtension.lowercased())
        var out: [Diagnostic] = []
        var errorOwners = corroborating
        var entities: [(RosterVocabulary.Occurrence, [Diagnostic.Note])] = []
        for key in order {
            guard let found = firsts[key] else { continue }
            let entry = vocabulary.entries[found.entry]
            let at = SourceLocation(file: file, line: found.line, column: found.column)
            var notes: [Diagnostic.Note] = []
            let rest = more[key] ?? []
            if let next = rest.first {
                notes.append(.init("\(rest.count) more occurrence\(rest.count == 1 ? "" : "s") of \"\(entry.text)\" in this file",
                                   at: SourceLocation(file: file, line: next.line, column: next.column)))
            }
            switch entry.kind {
            case .student:
                errorOwners.formUnion(entry.owners)
                out.append(.error("students/foreign-student",
                                  "\"\(entry.text)\" is the id of student \(names(entry.owners)), not of \(own.student.id): this file looks copied from \(names(entry.owners))",
                                  at: at, notes: notes))
            case .domain, .business:
                let domain = entry.owners.first.map { assignments[$0].domain.id } ?? entry.text
                let what = entry.kind == .domain ? "the domain" : "a business metric of the \(domain) domain"
                let message = "\"\(entry.text)\" is \(what) of \(plural(entry.owners)) \(names(entry.owners)), not of \(own.student.id) (\(own.domain.id))"
                if prose, entry.kind == .domain {
                    out.append(.warning("students/foreign-domain", message, at: at, notes: notes))
                } else {
                    errorOwners.formUnion(entry.owners)
                    out.append(.error("students/foreign-domain", message + ": this file looks copied from a \(domain) student",
                                      at: at, notes: notes))
                }
            case .entity:
                entities.append((found, notes))
            case .prefix, .project, .suggested:
                break
            }
        }
        for (found, notes) in entities {
            let entry = vocabulary.entries[found.entry]
            let message = "\"\(entry.text)\" is the entity of \(plural(entry.owners)) \(names(entry.owners)), not of \(own.student.id) (\(own.entity))"
            let at = SourceLocation(file: file, line: found.line, column: found.column)
            if !errorOwners.isDisjoint(with: entry.owners) {
                out.append(.error("students/foreign-entity", message + ", next to other values of that student", at: at, notes: notes))
            } else {
                out.append(.warning("students/foreign-entity", message, at: at, notes: notes))
            }
        }
        return out.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }

    private func plural(_ owners: [Int]) -> String { owners.count == 1 ? "student" : "students" }

    /// `ana.1`, `ana.1, bruno.2 and 3 more`.
    private func names(_ owners: [Int]) -> String {
        let ids = owners.prefix(3).compactMap { assignments.indices.contains($0) ? assignments[$0].student.id : nil }
        let rest = owners.count - ids.count
        return ids.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }
}
