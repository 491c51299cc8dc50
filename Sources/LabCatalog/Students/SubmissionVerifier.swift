import Diagnostics
import Foundation

/// `labctl students verify`: catches copies between the submissions of a class.
///
/// For each roster student with a directory `SUBMISSIONS/<id>/`:
/// - a file that contains another student's prefix (any form, see ``PrefixIndex``) is a copy
///   (error `students/foreign-prefix`); so is one with another student's id or another domain's
///   id or business metric (`students/foreign-student`, `students/foreign-domain`); another
///   domain's entity is a warning (`students/foreign-entity`, see ``ForeignValueCheck``);
/// - a file the student's answer key expects to carry the prefix but does not is a warning
///   (`students/missing-prefix`; `students/missing-file` when the file is absent), and so is a
///   metric named without the prefix (`students/unprefixed-metric`, see ``UnprefixedMetricCheck``);
/// - pairs of submissions whose own work is near-identical once every roster value (prefixes in
///   all their forms, ids, projects, domains, entities, business metrics) is normalised to a
///   placeholder get a warning with the score (`students/similar`). Two scores are kept: textual
///   (winnowed token 5-grams of all files) and structural (winnowed 10-grams of the Python files
///   with identifiers normalised, so renamed variables still match); either at or above
///   ``threshold`` reports the pair. "Own work" is what is not in the student's render of the lab,
///   starter or reference solution: untouched templates and correct answers never look alike.
public struct SubmissionVerifier: Sendable {
    public let catalog: Catalog
    public let domains: DomainCatalog
    public let spec: LabSpec
    public var limits = SubmissionFiles.Limits()
    /// Pairs at or above this Jaccard similarity (textual or structural) are reported.
    public var threshold = 0.9
    /// Submissions with fewer fingerprints of their own are not compared (too little to judge).
    public var minimumShingles = 30
    /// File pairs compared, per similar pair, when looking for its most similar files across paths.
    public static let maxFilePairComparisons = 20_000
    /// Tokens per textual and structural k-gram, and the winnowing window.
    static let textualK = 5, structuralK = 10, window = 4

    public init(catalog: Catalog, domains: DomainCatalog, spec: LabSpec) {
        self.catalog = catalog
        self.domains = domains
        self.spec = spec
    }

    /// A near-identical pair.
    public struct SimilarPair: Sendable, Hashable {
        public var first: String
        public var second: String
        /// The larger of the two scores.
        public var score: Double
        /// Jaccard similarity of the textual and of the structural fingerprints.
        public var textual: Double = 0
        public var structural: Double = 0
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
        /// Files with another student's id, domain or entity as an error.
        public var foreignValueFiles: Int = 0
    }

    // MARK: - Verifying

    /// Verifies every submission under `submissions` against `roster`.
    public func verify(roster: Roster, submissions: String) throws -> Report {
        let assignments = try roster.students.map { try StudentAssignment.assign($0, domains: domains) }
        let resolver = AnswerResolver(spec: spec)
        let resolved = try assignments.map { try resolver.resolve($0.values(for: spec)) }
        let vocabulary = RosterVocabulary(owners: zip(assignments, resolved).map { RosterVocabulary.values(of: $0, values: $1) })
        let index = PrefixIndex(owners: assignments.map { PrefixIndex.Owner(prefix: $0.student.prefix) })
        let values = ForeignValueCheck(vocabulary: vocabulary, assignments: assignments)
        var diagnostics: [Diagnostic] = []
        var checked: [String] = []
        var contributions: [Contribution] = []
        var copied = 0, foreignValueFiles = 0
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
        let context = Context(assignments: assignments, resolved: resolved, vocabulary: vocabulary, index: index, values: values)
        // Students are independent: checked in parallel, gathered in roster order.
        let results = StudentResults<Result<StudentResult, Error>>(count: assignments.count)
        DispatchQueue.concurrentPerform(iterations: assignments.count) { owner in
            let id = assignments[owner].student.id
            guard present.contains(id) else { return }
            results.set(owner, Result { try check(owner, directory: (submissions as NSString).appendingPathComponent(id), context) })
        }
        for (owner, assignment) in assignments.enumerated() {
            let id = assignment.student.id
            guard let result = results.get(owner) else {
                diagnostics.append(.warning("students/missing-submission",
                                            "no submission for student \(id) (expected \((submissions as NSString).appendingPathComponent(id)))",
                                            at: assignment.student.location))
                continue
            }
            let one = try result.get()
            checked.append(id)
            diagnostics += one.diagnostics
            allFiles += one.files
            copied += one.copiedFiles
            foreignValueFiles += one.foreignValueFiles
            contributions.append(one.contribution)
        }
        var pairs: [SimilarPair] = []
        for (pair, first, second) in similarPairs(contributions) {
            pairs.append(pair)
            diagnostics.append(similarDiagnostic(pair, first, second, submissions: submissions))
        }
        return Report(diagnostics: diagnostics, pairs: pairs, checked: checked, copiedFiles: copied, files: allFiles,
                      foreignValueFiles: foreignValueFiles)
    }

    // MARK: - One student

    /// What every student's check shares.
    private struct Context: Sendable {
        var assignments: [StudentAssignment]
        var resolved: [[String: String]]
        var vocabulary: RosterVocabulary
        var index: PrefixIndex
        var values: ForeignValueCheck
    }

    /// What one student's check found.
    private struct StudentResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        var copiedFiles = 0
        var foreignValueFiles = 0
        var contribution: Contribution
    }

    /// Checks the submission of student `owner` in `directory`.
    private func check(_ owner: Int, directory: String, _ context: Context) throws -> StudentResult {
        let assignment = context.assignments[owner]
        let vocabulary = context.vocabulary
        let files = SubmissionFiles.read(directory, limits: limits)
        var diagnostics = files.skipped
        var copied = 0, foreignValueFiles = 0
        // The key comes from the reference solution; "own work" is what differs from both the
        // starter the student was given and the reference solution.
        let renderer = LabRenderer(catalog: catalog)
        let solution = try renderer.render(spec, values: context.resolved[owner], variant: .solution)
        let key = AnswerKeyBuilder(spec: spec).build(assignment, values: context.resolved[owner], renders: solution)
        let starter = try renderer.render(spec, values: context.resolved[owner], variant: .starter)
        let baseline = solution + starter
        var ownWords = Set<String>()
        var normalisedBaseline: [(path: String, content: String)] = []
        for (path, content) in baseline {
            let found = vocabulary.occurrences(in: content)
            for occurrence in found { ownWords.insert(vocabulary.entries[occurrence.entry].text) }
            normalisedBaseline.append((path, vocabulary.normalised(content, occurrences: found)))
        }
        var normalisedFiles: [(path: String, text: String)] = []
        let unprefixed = UnprefixedMetricCheck(prefix: assignment.student.prefix, metrics: key.metrics)
        for (path, text) in files.files {
            let file = (directory as NSString).appendingPathComponent(path)
            let occurrences = context.index.occurrences(in: text, limit: 10_000)
            let found = foreign(occurrences, owner: owner, assignments: context.assignments, file: file)
            if found.contains(where: { $0.severity == .error }) { copied += 1 }
            diagnostics += found
            let prefixOwners = Set(occurrences.map(\.owner)).subtracting([owner])
            let values = vocabulary.occurrences(in: text)
            normalisedFiles.append((path, vocabulary.normalised(text, occurrences: values)))
            let others = context.values.check(values, file: file, owner: owner, ownWords: ownWords, corroborating: prefixOwners)
            if others.contains(where: { $0.severity == .error }) { foreignValueFiles += 1 }
            diagnostics += others
            diagnostics += unprefixed.check(text, file: file)
        }
        let own = PrefixIndex(owners: [.init(prefix: assignment.student.prefix)])
        for path in key.prefixedFiles {
            let file = (directory as NSString).appendingPathComponent(path)
            guard let text = files.text(path) else {
                diagnostics.append(.warning("students/missing-file", "\(path) is missing (the lab has it with your prefix)",
                                            at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            if own.occurrences(in: text, limit: 1).isEmpty {
                diagnostics.append(.warning("students/missing-prefix",
                                            "\(path) does not contain your prefix \(assignment.student.prefix) (expected e.g. \(key.metrics.first?.name ?? assignment.student.prefix))",
                                            at: SourceLocation(file: file, line: 1, column: 1)))
            }
        }
        return StudentResult(diagnostics: diagnostics, files: files.files.map { (directory as NSString).appendingPathComponent($0.path) },
                             copiedFiles: copied, foreignValueFiles: foreignValueFiles,
                             contribution: contribution(id: assignment.student.id, directory: directory, normalisedFiles,
                                                        baseline: normalisedBaseline))
    }

    // MARK: - Pieces

    /// One finding per file and foreign student, at the first occurrence, with a note counting the others.
    private func foreign(_ occurrences: [PrefixIndex.Occurrence], owner: Int, assignments: [StudentAssignment],
                         file: String) -> [Diagnostic] {
        var firsts: [Int: PrefixIndex.Occurrence] = [:]
        var order: [Int] = []
        var more: [Int: [PrefixIndex.Occurrence]] = [:]
        for found in occurrences where found.owner != owner {
            if firsts[found.owner] == nil {
                firsts[found.owner] = found
                order.append(found.owner)
            } else {
                more[found.owner, default: []].append(found)
            }
        }
        return order.compactMap { key -> Diagnostic? in
            guard let found = firsts[key], assignments.indices.contains(found.owner) else { return nil }
            let other = assignments[found.owner]
            let at = SourceLocation(file: file, line: found.line, column: found.column)
            let rest = more[key] ?? []
            var notes: [Diagnostic.Note] = []
            if let next = rest.first {
                notes.append(.init("\(rest.count) more occurrence\(rest.count == 1 ? "" : "s") of \(other.student.id)'s prefix in this file",
                                   at: SourceLocation(file: file, line: next.line, column: next.column)))
            }
            return .error("students/foreign-prefix",
                          "\"\(found.text)\" is the prefix of student \(other.student.id): this file looks copied from \(other.student.id)",
                          at: at, notes: notes)
        }
    }

    /// One submission's own work: per file and as a whole, textual and structural.
    struct Contribution: Sendable {
        var id: String
        var directory: String
        /// Path (relative to `directory`) and fingerprints of each file with own work.
        var files: [(path: String, set: Fingerprints)]
        var set: Fingerprints
        var structure: Fingerprints
    }

    /// The student's own work: the fingerprints of their files (every roster value normalised)
    /// minus every k-gram of their render of the lab (starter and solution, normalised too).
    private func contribution(id: String, directory: String, _ files: [(path: String, text: String)],
                              baseline: [(path: String, content: String)]) -> Contribution {
        func isPython(_ path: String) -> Bool { path.hasSuffix(".py") }
        var textual = Set<UInt64>(), structural = Set<UInt64>()
        for (path, normalised) in baseline {
            textual.formUnion(Fingerprints.kgrams(SubmissionTokens.textual(normalised), k: Self.textualK))
            if isPython(path) {
                structural.formUnion(Fingerprints.kgrams(SubmissionTokens.structural(normalised), k: Self.structuralK))
            }
        }
        var out = Contribution(id: id, directory: directory, files: [], set: Fingerprints(), structure: Fingerprints())
        for (path, normalised) in files {
            var set = Fingerprints()
            set.add(tokens: SubmissionTokens.textual(normalised), k: Self.textualK, window: Self.window, excluding: textual)
            if isPython(path) {
                var structure = Fingerprints()
                structure.add(tokens: SubmissionTokens.structural(normalised), k: Self.structuralK, window: Self.window,
                              excluding: structural)
                out.structure.formUnion(structure)
            }
            guard set.count > 0 else { continue }
            out.set.formUnion(set)
            out.files.append((path, set))
        }
        return out
    }

    private func similarPairs(_ candidates: [Contribution]) -> [(SimilarPair, Contribution, Contribution)] {
        var scores: [Int: (textual: Double, structural: Double)] = [:]
        let n = candidates.count
        for pair in SimilarityIndex.pairs(candidates.map(\.set), minimum: minimumShingles, threshold: 0) {
            scores[pair.first * n + pair.second, default: (0, 0)].textual = pair.score
        }
        for pair in SimilarityIndex.pairs(candidates.map(\.structure), minimum: minimumShingles, threshold: 0) {
            scores[pair.first * n + pair.second, default: (0, 0)].structural = pair.score
        }
        var out: [(SimilarPair, Contribution, Contribution)] = []
        for (key, score) in scores where max(score.textual, score.structural) >= threshold {
            let (i, j) = (key / n, key % n)
            out.append((SimilarPair(first: candidates[i].id, second: candidates[j].id, score: max(score.textual, score.structural),
                                    textual: score.textual, structural: score.structural),
                        candidates[i], candidates[j]))
        }
        return out.sorted { ($0.0.score, $1.0.first, $1.0.second) > ($1.0.score, $0.0.first, $0.0.second) }
    }

    /// The `students/similar` warning, at the second submission's file most like one of the first's.
    private func similarDiagnostic(_ pair: SimilarPair, _ first: Contribution, _ second: Contribution,
                                   submissions: String) -> Diagnostic {
        let message = "submissions \(pair.first) and \(pair.second) are near-identical after normalising the roster values out "
            + "(similarity \(String(format: "%.2f", pair.score)) ≥ \(String(format: "%.2f", threshold)): "
            + "text \(String(format: "%.2f", pair.textual)), code structure \(String(format: "%.2f", pair.structural)))"
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

/// Per-student results filled from several threads.
private final class StudentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    func get(_ index: Int) -> T? {
        lock.lock(); defer { lock.unlock() }
        return slots[index]
    }
}
