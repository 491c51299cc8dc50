import Diagnostics
import Foundation

/// A generated Práctica 26 class with known copies, to measure `students verify` (its tests and
/// `labctl-bench copies`): every student's folder is what `labctl students generate` writes, the
/// starter or the reference solution, plus work of the student's own (a Python module of business
/// metrics, a paragraph of documentation and one more alert, all generated from the student's
/// index so no two honest students write the same). A few students instead hand in:
///
/// - ``Kind/prefixReplaced``: another student's whole folder with the prefix replaced in all its
///   forms (the id, domain, entity and business metrics stay the other student's);
/// - ``Kind/crossDomain``: another student's folder (of another domain) with the prefix, id and
///   domain replaced, but the other domain's entity and business metrics kept;
/// - ``Kind/renamedVariables``: another student's Python module with every roster value replaced
///   and every variable renamed, with documentation and alert of their own;
/// - ``Kind/noPrefix``: their own work with metric names that have no prefix (`'requests_total'`).
public struct CopyScenario: Sendable {
    /// What a student handed in.
    public enum Kind: String, Sendable, CaseIterable {
        case honest
        case prefixReplaced = "prefix-replaced"
        case crossDomain = "cross-domain"
        case renamedVariables = "renamed-variables"
        case noPrefix = "no-prefix"
    }

    /// One student of the class and what they handed in.
    public struct Student: Sendable {
        public var id: String
        public var kind: Kind
        /// The student copied from, for copies.
        public var source: String?
    }

    public var roster: Roster
    public var students: [Student]
    /// The folder with one submission per student.
    public var submissions: String

    /// The kind of student `index`: of every 15 students, one of each copy kind.
    static func kind(_ index: Int) -> Kind {
        switch index % 15 {
        case 3: return .prefixReplaced
        case 7: return .crossDomain
        case 10: return .renamedVariables
        case 13: return .noPrefix
        default: return .honest
        }
    }

    /// The roster of `count` students: ids `<name>.<i>`, prefixes `<name><i>_lab`, domains in turn.
    static func rosterText(_ count: Int, domains: DomainCatalog) -> String {
        let names = ["ana", "bruno", "carla", "diego", "elena", "fabio", "gema", "hugo", "irene", "javier", "karen", "luis"]
        var text = "id,name,prefix,domain\n"
        for i in 0..<count {
            let name = names[i % names.count]
            let domain = domains.domains.isEmpty ? "" : domains.domains[(i * 5) % domains.domains.count].id
            text += "\(name).\(i),\(name.capitalized) \(i),\(name)\(i)_lab,\(domain)\n"
        }
        return text
    }

    // MARK: - Writing

    /// Writes a class of `count` students under `directory` (`roster.csv`, `keys/`, `entregas/`).
    public static func write(count: Int, catalog: Catalog, domains: DomainCatalog, to directory: String) throws -> CopyScenario {
        let spec = try catalog.requireLab("practica26")
        let (loaded, diagnostics) = Roster.parse(rosterText(count, domains: domains),
                                                 file: (directory as NSString).appendingPathComponent("roster.csv"), domains: domains)
        guard let roster = loaded else { throw StudentsError(diagnostics: diagnostics) }
        let submissions = (directory as NSString).appendingPathComponent("entregas")
        let generator = StudentGenerator(catalog: catalog, domains: domains)
        let plans = try generator.plan(spec, roster: roster, output: submissions,
                                       keys: (directory as NSString).appendingPathComponent("keys"), force: true)
        try generator.apply(plans, output: submissions)
        let renderer = LabRenderer(catalog: catalog)
        let values = plans.map(\.plan.answers.values)
        var students: [Student] = []
        for (i, plan) in plans.enumerated() {
            let folder = plan.plan.directory
            let kind = Self.kind(i)
            var files: [String: String] = [:]
            for (path, content) in try renderer.render(spec, values: values[i], variant: i % 2 == 0 ? .solution : .starter) {
                files[path] = content
            }
            let own = OwnWork(index: i, naming: i, assignment: plan.assignment, values: values[i])
            own.add(to: &files, unprefixed: kind == .noPrefix)
            var source: Int?
            if kind == .prefixReplaced || kind == .crossDomain || kind == .renamedVariables {
                // The source is the closest earlier honest student of another domain.
                source = (0..<i).reversed().first {
                    Self.kind($0) == .honest && plans[$0].assignment.domain.id != plan.assignment.domain.id
                }
            }
            if let s = source {
                let from = plans[s]
                var copied = try read(from.plan.directory)
                switch kind {
                case .prefixReplaced:
                    copied = copied.mapValues { replace(prefixOf: from.assignment, with: plan.assignment, in: $0) }
                case .crossDomain:
                    copied = copied.mapValues { text in
                        var text = replace(prefixOf: from.assignment, with: plan.assignment, in: text)
                        text = text.replacingOccurrences(of: from.assignment.student.id, with: plan.assignment.student.id)
                        return word(from.assignment.domain.id, with: plan.assignment.domain.id, in: text)
                    }
                default:
                    // Renamed variables: the source's module, every value personalised, every name changed.
                    let theirs = OwnWork(index: s, naming: i + 1_000, assignment: plan.assignment, values: values[i])
                    files[OwnWork.modulePath] = theirs.module(unprefixed: false)
                    copied = [:]
                }
                for (path, text) in copied { files[path] = text }
            }
            try FileManager.default.removeItem(atPath: folder)
            for (path, text) in files {
                let url = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(path))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            students.append(Student(id: plan.assignment.student.id, kind: kind, source: source.map { plans[$0].assignment.student.id }))
        }
        return CopyScenario(roster: roster, students: students, submissions: submissions)
    }

    private static func read(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, text) in SubmissionFiles.read(folder).files { out[path] = text }
        return out
    }

    /// `text` with every form of `from`'s prefix replaced by `to`'s.
    static func replace(prefixOf from: StudentAssignment, with to: StudentAssignment, in text: String) -> String {
        let a = from.student.prefix, b = to.student.prefix
        var text = text
        for filter in [PlaceholderFilter.pascal, .upper, .kebab] {
            text = text.replacingOccurrences(of: filter.apply(a), with: filter.apply(b))
        }
        return text.replacingOccurrences(of: a, with: b)
    }

    /// `text` with the whole word `from` (also capitalised) replaced by `to`.
    static func word(_ from: String, with to: String, in text: String) -> String {
        let vocabulary = RosterVocabulary(owners: [[.domain: [from]]])
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        var position = 0
        for found in vocabulary.occurrences(in: text) {
            out += utf8[position..<found.offset]
            let text = vocabulary.entries[found.entry].text
            out += Array((text == from ? to : PlaceholderFilter.upper.apply(text) == text ? to.uppercased()
                : to.prefix(1).uppercased() + to.dropFirst()).utf8)
            position = found.offset + found.length
        }
        out += utf8[position...]
        return String(decoding: out, as: UTF8.self)
    }
}
