import Diagnostics
import Foundation

/// A class list: one ``RosterStudent`` per row of a roster CSV, in file order.
///
/// Columns (header names are case-insensitive; Spanish names work too):
///
/// | column | aliases | required |
/// |---|---|---|
/// | `id` | `student`, `student_id`, `estudiante`, `alumno` | yes |
/// | `prefix` | `prefijo`, `metric_prefix` | yes |
/// | `name` | `nombre`, `full_name` | no (defaults to the id) |
/// | `domain` | `dominio` | no (assigned from the id) |
/// | `entity` | `entidad` | no (assigned from the id and domain) |
/// | `email` | `correo`, `mail`, `e-mail` | no |
public struct Roster: Sendable {
    /// The students, in file order.
    public var students: [RosterStudent]
    /// The roster file (for messages).
    public var file: String

    public init(students: [RosterStudent], file: String) {
        self.students = students
        self.file = file
    }

    /// The student with `id`.
    public func student(_ id: String) -> RosterStudent? { students.first { $0.id == id } }
}

/// One row of a roster.
public struct RosterStudent: Sendable, Hashable {
    /// The student id: the name of the student's directory (letters, digits, `_`, `-`, `.`).
    public var id: String
    public var name: String
    /// The metric prefix (see ``PrefixRules``).
    public var prefix: String
    /// The domain id as written in the roster (resolved through ``DomainCatalog``), `nil` when absent.
    public var domain: String?
    public var entity: String?
    public var email: String?
    /// Where the row is.
    public var location: SourceLocation
    /// Where each column's value is, by column.
    public var fieldLocations: [RosterColumn: SourceLocation]

    public init(id: String, name: String, prefix: String, domain: String?, entity: String?, email: String?,
                location: SourceLocation, fieldLocations: [RosterColumn: SourceLocation] = [:]) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.domain = domain
        self.entity = entity
        self.email = email
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// Where `column`'s value is (the row when unknown).
    public func location(of column: RosterColumn) -> SourceLocation { fieldLocations[column] ?? location }
}

/// The columns a roster may have.
public enum RosterColumn: String, Sendable, CaseIterable, Hashable {
    case id
    case name
    case prefix
    case domain
    case entity
    case email

    /// Header names accepted for the column (lower case).
    public var aliases: [String] {
        switch self {
        case .id: return ["id", "student", "student_id", "studentid", "estudiante", "alumno", "id_estudiante"]
        case .name: return ["name", "nombre", "full_name", "nombre_completo"]
        case .prefix: return ["prefix", "prefijo", "metric_prefix"]
        case .domain: return ["domain", "dominio"]
        case .entity: return ["entity", "entidad"]
        case .email: return ["email", "e-mail", "mail", "correo"]
        }
    }

    /// Columns every roster must have.
    public static let required: [RosterColumn] = [.id, .prefix]

    /// The column a header cell names (trimmed, case-insensitive, spaces as `_`).
    public static func named(_ header: String) -> RosterColumn? {
        let key = header.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
        return allCases.first { $0.aliases.contains(key) }
    }
}
