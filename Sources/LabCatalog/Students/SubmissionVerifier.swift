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
    /// File pairs compared, per similar pair, when looking for its most similar files across paths.
    public static let maxFilePairComparisons = 20_000

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
        var shingles: [Contribution] = []
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
            // The key comes from the reference solution; "own work" is what differs from the starter
            // the student was given.
            let key = AnswerKeyBuilder(spec: spec).build(
                assignment, values: values, renders: try LabRenderer(catalog: catalog).render(spec, values: values, variant: .solution))
            let renders = try LabRenderer(catalog: catalog).render(spec, values: values, variant: .starter)
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
            shingles.append(contribution(id: id, directory: directory, files, renders: renders, assignment: assignment,
                                         index: index))
        }
        let compared = shingles.filter { $0.set.count >= minimumShingles }
        var pairs: [SimilarPair] = []
        for (pair, first, second) in similarPairs(compared) {
            pairs.append(pair)
            diagnostics.append(similarDiagnostic(pair, first, second, submissions: submissions))
        }
        return Report(diagnostics: diagnostics, pairs: pairs, checked: checked, copiedFiles: copied, files: allFiles)
    }

    // MARK: - Pieces

    /// One finding per file and foreign student, at the first occurrence, with a note counting the others.
    private func foreign(in text: String, owner: Int, index: PrefixIndex, assignments: [StudentAssignment],
                         file: String) -> [Diagnostic] {
        let own = assignments[owner]
        var firsts: [String: PrefixIndex.Occurrence] = [:]
        var order: [String] = []
        var more: [String: [PrefixIndex.Occurrence]] = [:]
        for found in index.occurrences(in: text, limit: 10_000) where found.owner != owner {
            if found.form == .entity, found.text == own.entity { continue }
            let key = "\(found.owner)/\(found.form == .entity)"
            if firsts[key] == nil {
                firsts[key] = found
                order.append(key)
            } else {
                more[key, default: []].append(found)
            }
        }
        return order.compactMap { key -> Diagnostic? in
            guard let found = firsts[key] else { return nil }
            let other = assignments[found.owner]
            let at = SourceLocation(file: file, line: found.line, column: found.column)
            let rest = more[key] ?? []
            var notes: [Diagnostic.Note] = []
            if let next = rest.first {
                let what = found.form == .entity ? "entity" : "prefix"
                notes.append(.init("\(rest.count) more occurrence\(rest.count == 1 ? "" : "s") of \(other.student.id)'s \(what) in this file",
                                   at: SourceLocation(file: file, line: next.line, column: next.column)))
            }
            if found.form == .entity {
                return .warning("students/foreign-entity",
                                "\"\(found.text)\" is the entity of student \(other.student.id), not of \(own.student.id) (\(own.entity))",
                                at: at, notes: notes)
            }
            return .error("students/foreign-prefix",
                          "\"\(found.text)\" is the prefix of student \(other.student.id): this file looks copied from \(other.student.id)",
                          at: at, notes: notes)
        }
    }

    /// One submission's own work: per file and as a whole.
    struct Contribution {
        var id: String
        var directory: String
        /// Path (relative to `directory`) and shingles of each file with own work.
        var files: [(path: String, set: ShingleSet)]
        var set: ShingleSet
    }

    /// The student's own lines (not in their render of the lab), normalised, as shingles.
    private func contribution(id: String, directory: String, _ files: SubmissionFiles,
                              renders: [(path: String, content: String)],
                              assignment: StudentAssignment, index: PrefixIndex) -> Contribution {
        let own = PrefixIndex(owners: [.init(prefix: assignment.student.prefix, entity: assignment.entity)])
        func normalise(_ text: String) -> String {
            let once = index.replacing(in: text) { $0.form == .entity ? "ENTITY" : "PREFIX" }
            return own.replacing(in: once) { $0.form == .entity ? "ENTITY" : "PREFIX" }
        }
        let baselines = Dictionary(renders.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        var out = Contribution(id: id, directory: directory, files: [], set: ShingleSet())
        for (path, text) in files.files {
            let base = Set(normalise(baselines[path] ?? "").split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
            let added = normalise(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !base.contains($0) }
            var set = ShingleSet()
            set.add(added.joined(separator: "\n"))
            guard set.count > 0 else { continue }
            out.set.formUnion(set)
            out.files.append((path, set))
        }
        return out
    }

    private func similarPairs(_ candidates: [Contribution]) -> [(SimilarPair, Contribution, Contribution)] {
        var out: [(SimilarPair, Contribution, Contribution)] = []
        for i in candidates.indices {
            for j in candidates.indices where j > i {
                let score = candidates[i].set.jaccard(candidates[j].set)
                if score >= threshold {
                    out.append((SimilarPair(first: candidates[i].id, second: candidates[j].id, score: score),
                                candidates[i], candidates[j]))
                }
            }
        }
        return out.sorted { ($0.0.score, $1.0.first, $1.0.second) > ($1.0.score, $0.0.first, $0.0.second) }
    }

    /// The `students/similar` warning, at the second submission's file most like one of the first's.
    private func similarDiagnostic(_ pair: SimilarPair, _ first: Contribution, _ second: Contribution,
                                   submissions: String) -> Diagnostic {
        let message = "submissions \(pair.first) and \(pair.second) are near-identical after normalising the prefixes out "
            + "(similarity \(String(format: "%.2f", pair.score)) ≥ \(String(format: "%.2f", threshold)))"
        guard let (a, b, score) = mostSimilarFiles(first, second) else {
            return .warning("students/similar", message,
                            at: SourceLocation(file: (submissions as NSString).appendingPathComponent(pair.second), line: 1, column: 1))
        }
        let firstFile = (first.directory as NSString).appendingPathComponent(a)
        let secondFile = (second.directory as NSString).appendingPathComponent(b)
        let note = Diagnostic.Note("most similar files: \(firstFile) and \(secondFile) (similarity \(String(format: "%.2f", score)))",
                                   at: SourceLocation(file: firstFile, line: 1, column: 1))
        return .warning("students/similar", message, at: SourceLocation(file: secondFile, line: 1, column: 1), notes: [note])
    }

    /// The pair of files (one per submission) whose own work is most alike: files at the same path
    /// first, then any two files (up to ``maxFilePairComparisons`` comparisons).
    private func mostSimilarFiles(_ first: Contribution, _ second: Contribution) -> (String, String, Double)? {
        var best: (String, String, Double)?
        let byPath = Dictionary(first.files.map { ($0.path, $0.set) }, uniquingKeysWith: { a, _ in a })
        for (path, set) in second.files {
            guard let other = byPath[path] else { continue }
            let score = other.jaccard(set)
            if score > 0, score > best?.2 ?? 0 { best = (path, path, score) }
        }
        var budget = Self.maxFilePairComparisons
        for (b, setB) in second.files {
            for (a, setA) in first.files where a != b {
                guard budget > 0 else { return best }
                budget -= 1
                let score = setA.jaccard(setB)
                if score > 0, score > best?.2 ?? 0 { best = (a, b, score) }
            }
        }
        return best
    }
}
