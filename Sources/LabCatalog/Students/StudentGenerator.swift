import Diagnostics
import Foundation

/// `labctl students generate`: one directory per roster student (`OUT/<id>/`) with the lab rendered
/// with the student's prefix, domain and entity, the `.labctl/answers.yaml` that `labctl init`
/// writes, and the student's ``AnswerKey``.
///
/// Nothing is written when a student's files would contain another student's prefix (which the
/// template text can cause: a prefix that is a word of the lab files), so no variant leaks into
/// another. Output is deterministic: the same roster gives byte-identical files.
public struct StudentGenerator: Sendable {
    public let catalog: Catalog
    public let domains: DomainCatalog

    public init(catalog: Catalog, domains: DomainCatalog) {
        self.catalog = catalog
        self.domains = domains
    }

    /// One student's part of the output.
    public struct StudentPlan: Sendable {
        public var assignment: StudentAssignment
        public var plan: InitPlan
        public var key: AnswerKey
        /// Where the key is written.
        public var keyPath: String
    }

    /// The summary file with every student's resolved assignment.
    public static let assignmentsFile = "assignments.csv"

    // MARK: - Planning

    /// Plans every student's directory under `output`; keys go to `keys/<id>.yaml` when `keys` is
    /// given, else to `output/<id>/.labctl/answer-key.yaml`. Throws a ``StudentsError`` with
    /// diagnostics when the lab cannot be personalised or the variants would leak.
    public func plan(_ spec: LabSpec, roster: Roster, output: String, keys: String?, force: Bool) throws -> [StudentPlan] {
        guard spec.parameter("prefix") != nil else {
            throw CatalogError("lab \(spec.id) has no prefix parameter, so it has no per-student variants (try practica26)")
        }
        let writer = LabWriter(catalog: catalog)
        let renderer = LabRenderer(catalog: catalog)
        let assignments = try roster.students.map { try StudentAssignment.assign($0, domains: domains) }
        var plans: [StudentPlan] = []
        for assignment in assignments {
            let directory = (output as NSString).appendingPathComponent(assignment.student.id)
            let plan: InitPlan
            do {
                plan = try writer.plan(spec, directory: directory, given: assignment.values(for: spec), force: force)
            } catch let error as CatalogError {
                throw CatalogError("\(assignment.student.location): student \(assignment.student.id): \(error.message)")
            }
            let values = plan.answers.values
            let renders = try renderer.render(spec, values: values, variant: .solution)
            let key = AnswerKeyBuilder(spec: spec).build(assignment, values: values, renders: renders)
            let keyPath = keys.map { ($0 as NSString).appendingPathComponent("\(assignment.student.id).yaml") }
                ?? (directory as NSString).appendingPathComponent(AnswerKey.path)
            plans.append(StudentPlan(assignment: assignment, plan: plan, key: key, keyPath: keyPath))
        }
        let leaks = Self.leaks(plans)
        guard leaks.isEmpty else { throw StudentsError(diagnostics: leaks) }
        return plans
    }

    /// Files of one student that contain another student's prefix.
    static func leaks(_ plans: [StudentPlan]) -> [Diagnostic] {
        let index = PrefixIndex(owners: plans.map { .init(prefix: $0.assignment.student.prefix) })
        var out: [Diagnostic] = []
        for (owner, plan) in plans.enumerated() {
            for entry in plan.plan.entries {
                let file = (plan.plan.directory as NSString).appendingPathComponent(entry.path)
                for found in index.occurrences(in: entry.render, limit: 20) where found.owner != owner {
                    let other = plans[found.owner].assignment.student
                    out.append(.error(RosterDiagnosticCode.prefixOverlap,
                                      "the lab files of student \(plan.assignment.student.id) contain \"\(found.text)\", the prefix of student \(other.id); give \(other.id) a more distinctive prefix",
                                      at: SourceLocation(file: file, line: found.line, column: found.column),
                                      notes: [.init("\(other.id)'s prefix is here", at: other.location(of: .prefix))]))
                }
            }
        }
        return out
    }

    // MARK: - Writing

    /// Writes every planned directory, key and `output/assignments.csv`.
    public func apply(_ plans: [StudentPlan], output: String) throws {
        let writer = LabWriter(catalog: catalog)
        for plan in plans {
            try writer.apply(plan.plan)
            try Self.write(plan.key.yaml(), to: plan.keyPath)
        }
        try Self.write(Self.assignmentsCSV(plans), to: (output as NSString).appendingPathComponent(Self.assignmentsFile))
    }

    /// `id,name,prefix,domain,entity,email`, one line per student in roster order (RFC 4180 quoting).
    public static func assignmentsCSV(_ plans: [StudentPlan]) -> String {
        var out = "id,name,prefix,domain,entity,email\r\n"
        for plan in plans {
            let s = plan.assignment.student
            out += [s.id, s.name, s.prefix, plan.assignment.domain.id, plan.assignment.entity, s.email ?? ""]
                .map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CatalogError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Problems found by `labctl students`, as diagnostics.
public struct StudentsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
