import Diagnostics
import Foundation

extension Roster {
    /// The largest roster file read, in bytes.
    public static let maxBytes = 4 << 20
    /// The most students in one roster.
    public static let maxStudents = 5_000

    // MARK: - Loading

    /// Reads and validates the roster at `path` (see ``parse(_:file:domains:)``).
    public static func load(path: String, domains: DomainCatalog?) -> (roster: Roster?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [.error(RosterDiagnosticCode.io, "cannot read the roster \(path)", at: start)])
        }
        guard data.count <= maxBytes else {
            return (nil, [.error(RosterDiagnosticCode.io, "the roster is larger than \(maxBytes) bytes", at: start)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error(RosterDiagnosticCode.io, "the roster is not UTF-8 text (save the CSV as UTF-8)", at: start)])
        }
        return parse(text, file: path, domains: domains)
    }

    /// Parses and validates a roster CSV. Returns the roster only when there are no errors; every
    /// diagnostic has the CSV line and column.
    public static func parse(_ text: String, file: String, domains: DomainCatalog?) -> (roster: Roster?, diagnostics: [Diagnostic]) {
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let records: [CSVRecord]
        do {
            records = try CSVReader(delimiter: CSVReader.detectDelimiter(in: text), maxRecords: maxStudents + 1).read(text)
        } catch let error as CSVError {
            return (nil, [.error(RosterDiagnosticCode.csvSyntax, error.message, at: at(error.line, error.column))])
        } catch {
            return (nil, [.error(RosterDiagnosticCode.csvSyntax, "\(error)", at: at(1, 1))])
        }
        guard let header = records.first else {
            return (nil, [.error(RosterDiagnosticCode.empty,
                                 "the roster is empty; it needs a header line (id,name,prefix,domain,entity,email) and one line per student",
                                 at: at(1, 1))])
        }
        var diagnostics: [Diagnostic] = []
        var columns: [RosterColumn: Int] = [:]
        for (index, cell) in header.fields.enumerated() {
            guard let column = RosterColumn.named(cell.value) else {
                let known = RosterColumn.allCases.map(\.rawValue)
                diagnostics.append(.warning(RosterDiagnosticCode.unknownColumn,
                                            "unknown column \"\(cell.value)\" is ignored\(Suggestion.didYouMean(cell.value.lowercased(), in: known)) (columns: \(known.joined(separator: ", ")))",
                                            at: at(cell.line, cell.column)))
                continue
            }
            if let first = columns[column], let firstCell = header.fields.dropFirst(first).first {
                diagnostics.append(.error(RosterDiagnosticCode.duplicateColumn, "column \(column.rawValue) appears twice",
                                          at: at(cell.line, cell.column),
                                          notes: [.init("first here", at: at(firstCell.line, firstCell.column))]))
                continue
            }
            columns[column] = index
        }
        for column in RosterColumn.required where columns[column] == nil {
            let names = header.values.map { "\"\($0)\"" }.joined(separator: ", ")
            diagnostics.append(.error(RosterDiagnosticCode.missingColumn,
                                      "missing required column \"\(column.rawValue)\" (also accepted: \(column.aliases.dropFirst().joined(separator: ", "))); the header has \(names)",
                                      at: at(header.line, 1)))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        if records.count == 1 {
            diagnostics.append(.error(RosterDiagnosticCode.empty, "the roster has a header but no students",
                                      at: at(header.line + 1, 1)))
            return (nil, diagnostics)
        }
        var students: [RosterStudent] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                diagnostics.append(.error(RosterDiagnosticCode.fieldCount,
                                          "the line has \(record.fields.count) field(s) but the header has \(header.fields.count)",
                                          at: at(record.line, 1)))
                continue
            }
            if let student = student(record, columns: columns, file: file, domains: domains, into: &diagnostics) {
                students.append(student)
            }
        }
        checkUnique(students, file: file, into: &diagnostics)
        let roster = Roster(students: students, file: file)
        return (diagnostics.contains { $0.severity == .error } ? nil : roster, diagnostics)
    }

    // MARK: - Rows

    private static func student(_ record: CSVRecord, columns: [RosterColumn: Int], file: String,
                                domains: DomainCatalog?, into diagnostics: inout [Diagnostic]) -> RosterStudent? {
        var locations: [RosterColumn: SourceLocation] = [:]
        func value(_ column: RosterColumn) -> String? {
            guard let index = columns[column], let field = record.fields.dropFirst(index).first else { return nil }
            locations[column] = SourceLocation(file: file, line: field.line, column: field.column)
            let trimmed = field.value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        let rowLocation = SourceLocation(file: file, line: record.line, column: 1)
        let before = diagnostics.count
        let id = value(.id) ?? ""
        if let problem = ParameterFormat.slug.problem(with: id) {
            diagnostics.append(.error(RosterDiagnosticCode.invalidID, "student id \"\(id)\" \(problem)",
                                      at: locations[.id] ?? rowLocation))
        } else if id.hasPrefix(".") {
            diagnostics.append(.error(RosterDiagnosticCode.invalidID, "student id \"\(id)\" must not start with . (it names a directory)",
                                      at: locations[.id] ?? rowLocation))
        }
        let prefix = value(.prefix) ?? ""
        if let problem = PrefixRules.problem(with: prefix) {
            diagnostics.append(.error(RosterDiagnosticCode.invalidPrefix, "prefix \"\(prefix)\" of student \(id) \(problem)",
                                      at: locations[.prefix] ?? rowLocation))
        }
        let name = value(.name)
        if let name, let problem = ParameterFormat.text.problem(with: name) {
            diagnostics.append(.error(RosterDiagnosticCode.invalidName, "name \"\(name)\" \(problem)",
                                      at: locations[.name] ?? rowLocation))
        }
        var domain = value(.domain)
        if let given = domain, let domains {
            if let found = domains.domain(named: given) {
                domain = found.id
            } else {
                diagnostics.append(.error(RosterDiagnosticCode.unknownDomain,
                                          "unknown domain \"\(given)\"\(Suggestion.didYouMean(given.lowercased(), in: domains.ids)) (domains: \(domains.ids.joined(separator: ", ")))",
                                          at: locations[.domain] ?? rowLocation))
            }
        }
        let entity = value(.entity)
        if let entity, let problem = ParameterFormat.identifier.problem(with: entity) {
            diagnostics.append(.error(RosterDiagnosticCode.invalidEntity, "entity \"\(entity)\" \(problem)",
                                      at: locations[.entity] ?? rowLocation))
        }
        let email = value(.email)
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty) || email.contains(where: \.isWhitespace) {
                diagnostics.append(.error(RosterDiagnosticCode.invalidEmail, "email \"\(email)\" is not an address",
                                          at: locations[.email] ?? rowLocation))
            }
        }
        guard diagnostics.count == before else { return nil }
        return RosterStudent(id: id, name: name ?? id, prefix: prefix, domain: domain, entity: entity, email: email,
                             location: rowLocation, fieldLocations: locations)
    }

    // MARK: - Uniqueness

    private static func checkUnique(_ students: [RosterStudent], file: String, into diagnostics: inout [Diagnostic]) {
        var ids: [String: RosterStudent] = [:]
        for student in students {
            // Compared case-insensitively: they are directory names (macOS folds case).
            let key = student.id.lowercased()
            if let first = ids[key] {
                diagnostics.append(.error(RosterDiagnosticCode.duplicateID, "student id \"\(student.id)\" is used twice",
                                          at: student.location(of: .id),
                                          notes: [.init("first used here", at: first.location(of: .id))]))
            } else {
                ids[key] = student
            }
        }
        for (i, j) in PrefixRules.clashes(students.map(\.prefix)) {
            let first = students[i], second = students[j]
            let code = first.prefix == second.prefix ? RosterDiagnosticCode.duplicatePrefix : RosterDiagnosticCode.prefixOverlap
            let why = first.prefix == second.prefix
                ? "prefix \"\(second.prefix)\" of student \(second.id) is already student \(first.id)'s"
                : PrefixRules.describeClash(first.prefix, second.prefix)
                    + " (students \(first.id) and \(second.id)): one student's metrics would match the other's"
            diagnostics.append(.error(code, why, at: second.location(of: .prefix),
                                      notes: [.init("student \(first.id)'s prefix is here", at: first.location(of: .prefix))]))
        }
    }
}
