import Diagnostics
import Foundation

/// `labctl students verify`: catches copies between the submissions of a class.
///
/// For each roster student with a directory `SUBMISSIONS/<id>/`:
/// - a file that contains another student's prefix (any form, see ``PrefixIndex``) is a copy
///   (error `students/foreign-prefix`); another student's entity, when no one else has it, is a
///   warning (`students/foreign-entity`);
/// - a file the student's answer key expects to carry the prefix but does not is a warning
///   (`students/missing-prefix`; `students/missing-file` when the file is absent);
/// - pairs of submissions whose own work is near-identical once the prefixes and entities are
///   normalised out get a warning with the score (`students/similar`). "Own work" is what the
///   student added to the files labctl generated for them: lines that are not in their render of
///   the lab, so untouched templates never look alike.
public struct SubmissionVerifier: Sendable {
    public let catalog: Catalog
    public let domains: DomainCatalog
    public let spec: LabSpec
    public var limits = SubmissionFiles.Limits()
    /// Pairs at or above this Jaccard similarity are reported.
    public var threshold = 0.9
    /// Submissions with fewer shingles of their own are not compared (too little to judge).
    public var minimumShingles = 30
    /// The most findings reported per file and foreign student.
    public static let maxFindingsPerFile = 3

    public init(catalog: Catalog, domains: DomainCatalog, spec: LabSpec) {
        self.catalog = catalog
        self.domains = domains
        self.spec = spec
    }

    /// A near-identical pair.
    public struct SimilarPair: Sendable, Hashable {
        public var first: String
        public var second: String
        public var score: Double
    }

    /// What verification found.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pairs: [SimilarPair]
        /// Students whose submission was checked.
        public var checked: [String]
        /// Files that contain another student's prefix.
        public var copiedFiles: Int
        /// Files read, over all submissions.
        public var files: [String]
    }

    // MARK: - Verifying

    /// Verifies every submission under `submissions` against `roster`.
    public func verify(roster: Roster, submissions: String) throws -> Report {
        let assignments = try roster.students.map { try StudentAssignment.assign($0, domains: domains) }
        var entityOwners: [String: Int] = [:]
        for a in assignments { entityOwners[a.entity, default: 0] += 1 }
        let owners = assignments.map { a in
            PrefixIndex.Owner(prefix: a.student.prefix, entity: entityOwners[a.entity] == 1 ? a.entity : nil)
        }
        let index = PrefixIndex(owners: owners)
        var diagnostics: [Diagnostic] = []
        var checked: [String] = []
        var shingles: [(id: String, set: ShingleSet)] = []
        var copied = 0
        var allFiles: [String] = []
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: submissions)) ?? [])
        let known = Set(assignments.map(\.student.id))
        for name in present.sorted() where !known.contains(name) && !name.hasPrefix(".") {
            let path = (submissions as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            diagnostics.append(.warning("students/unknown-submission", "\(name) is not a student of the roster",
                                        at: SourceLocation(file: path, line: 1, column: 1)))
        }
        for (owner, assignment) in assignments.enumerated() {
            let id = assignment.student.id
            let directory = (submissions as NSString).appendingPathComponent(id)
            guard present.contains(id) else {
                diagnostics.append(.warning("students/missing-submission", "no submission for student \(id) (expected \(directory))",
                                            at: assignment.student.location))
                continue
            }
            checked.append(id)
            let files = SubmissionFiles.read(directory, limits: limits)
            diagnostics += files.skipped
            allFiles += files.files.map { (directory as NSString).appendingPathComponent($0.path) }
            let values = try AnswerResolver(spec: spec).resolve(assignment.values(for: spec))
            let renders = try LabRenderer(catalog: catalog).render(spec, values: values)
            let key = AnswerKeyBuilder(spec: spec).build(assignment, values: values, renders: renders)
            for (path, text) in files.files {
                let file = (directory as NSString).appendingPathComponent(path)
                let found = foreign(in: text, owner: owner, index: index, assignments: assignments, file: file)
                if found.contains(where: { $0.severity == .error }) { copied += 1 }
                diagnostics += found
            }
            for path in key.prefixedFiles {
                let file = (directory as NSString).appendingPathComponent(path)
                guard let text = files.text(path) else {
                    diagnostics.append(.warning("students/missing-file", "\(path) is missing (the lab has it with your prefix)",
                                                at: SourceLocation(file: file, line: 1, column: 1)))
                    continue
                }
                let own = PrefixIndex(owners: [.init(prefix: assignment.student.prefix)])
                if own.occurrences(in: text, limit: 1).isEmpty {
                    diagnostics.append(.warning("students/missing-prefix",
                                                "\(path) does not contain your prefix \(assignment.student.prefix) (expected e.g. \(key.metrics.first?.name ?? assignment.student.prefix))",
                                                at: SourceLocation(file: file, line: 1, column: 1)))
                }
            }
            shingles.append((id, contribution(files, renders: renders, assignment: assignment, index: index)))
        }
        let pairs = similarPairs(shingles)
        for pair in pairs {
            diagnostics.append(.warning("students/similar",
                                        "submissions \(pair.first) and \(pair.second) are near-identical after normalising the prefixes out (similarity \(String(format: "%.2f", pair.score)) ≥ \(String(format: "%.2f", threshold)))",
                                        at: SourceLocation(file: (submissions as NSString).appendingPathComponent(pair.second), line: 1, column: 1)))
        }
        return Report(diagnostics: diagnostics, pairs: pairs, checked: checked, copiedFiles: copied, files: allFiles)
    }

    // MARK: - Pieces

    private func foreign(in text: String, owner: Int, index: PrefixIndex, assignments: [StudentAssignment],
                         file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var perOwner: [String: Int] = [:]
        let own = assignments[owner]
        for found in index.occurrences(in: text, limit: 10_000) where found.owner != owner {
            let other = assignments[found.owner]
            if found.form == .entity, found.text == own.entity { continue }
            let counter = "\(found.owner)/\(found.form == .entity)"
            perOwner[counter, default: 0] += 1
            guard perOwner[counter, default: 0] <= Self.maxFindingsPerFile else { continue }
            let at = SourceLocation(file: file, line: found.line, column: found.column)
            if found.form == .entity {
                out.append(.warning("students/foreign-entity",
                                    "\"\(found.text)\" is the entity of student \(other.student.id), not of \(own.student.id) (\(own.entity))",
                                    at: at))
            } else {
                out.append(.error("students/foreign-prefix",
                                  "\"\(found.text)\" is the prefix of student \(other.student.id): this file looks copied from \(other.student.id)",
                                  at: at))
            }
        }
        return out
    }

    /// The student's own lines (not in their render of the lab), normalised, as shingles.
    private func contribution(_ files: SubmissionFiles, renders: [(path: String, content: String)],
                              assignment: StudentAssignment, index: PrefixIndex) -> ShingleSet {
        let own = PrefixIndex(owners: [.init(prefix: assignment.student.prefix, entity: assignment.entity)])
        func normalise(_ text: String) -> String {
            let once = index.replacing(in: text) { $0.form == .entity ? "ENTITY" : "PREFIX" }
            return own.replacing(in: once) { $0.form == .entity ? "ENTITY" : "PREFIX" }
        }
        let baselines = Dictionary(renders.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        var set = ShingleSet()
        for (path, text) in files.files {
            let base = Set(normalise(baselines[path] ?? "").split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
            let added = normalise(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !base.contains($0) }
            set.add(added.joined(separator: "\n"))
        }
        return set
    }

    private func similarPairs(_ sets: [(id: String, set: ShingleSet)]) -> [SimilarPair] {
        let candidates = sets.filter { $0.set.count >= minimumShingles }
        var out: [SimilarPair] = []
        for i in candidates.indices {
            for j in candidates.indices where j > i {
                let score = candidates[i].set.jaccard(candidates[j].set)
                if score >= threshold {
                    out.append(SimilarPair(first: candidates[i].id, second: candidates[j].id, score: score))
                }
            }
        }
        return out.sorted { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }
    }
}
