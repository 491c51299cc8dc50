import Foundation

extension CopyScenario {
    /// How well a `students verify` report found the scenario's copies.
    ///
    /// A student is flagged when a warning or error of `students verify` is in their folder (what
    /// `grade --roster` puts in the gradebook's flags column) or when they are in a near-identical
    /// pair. The students to flag are every copier, every student copied from and every student
    /// without prefixes; the pairs to report are (copier, source).
    public struct Score: Sendable, CustomStringConvertible {
        public var studentPrecision: Double
        public var studentRecall: Double
        public var pairPrecision: Double
        public var pairRecall: Double
        /// Honest students flagged, and copies (or sources) not flagged.
        public var falsePositives: [String]
        public var falseNegatives: [String]
        /// Reported pairs that are not copies, and copies not reported as a pair.
        public var wrongPairs: [String]
        public var missedPairs: [String]

        public var description: String {
            String(format: "students: precision %.3f recall %.3f; pairs: precision %.3f recall %.3f",
                   studentPrecision, studentRecall, pairPrecision, pairRecall)
                + (falsePositives.isEmpty ? "" : "; false positives: " + falsePositives.joined(separator: ", "))
                + (falseNegatives.isEmpty ? "" : "; missed: " + falseNegatives.joined(separator: ", "))
                + (wrongPairs.isEmpty ? "" : "; wrong pairs: " + wrongPairs.joined(separator: ", "))
                + (missedPairs.isEmpty ? "" : "; missed pairs: " + missedPairs.joined(separator: ", "))
        }
    }

    /// Codes that do not say anything about a copy.
    static let neutralCodes: Set<String> = ["students/skipped", "students/missing-submission", "students/unknown-submission"]

    /// The students `report` flags, by id.
    public func flagged(_ report: SubmissionVerifier.Report) -> Set<String> {
        let root = (submissions as NSString).standardizingPath + "/"
        var out = Set<String>()
        for d in report.diagnostics where d.code.hasPrefix("students/") && !Self.neutralCodes.contains(d.code) && d.severity != .info {
            guard let file = d.location.map({ ($0.file as NSString).standardizingPath }), file.hasPrefix(root),
                  let id = file.dropFirst(root.count).split(separator: "/").first else { continue }
            out.insert(String(id))
        }
        for pair in report.pairs { out.formUnion([pair.first, pair.second]) }
        return out
    }

    /// Precision and recall of `report` on this class.
    public func score(_ report: SubmissionVerifier.Report) -> Score {
        var expected = Set<String>()
        var pairs = Set<String>()
        func key(_ a: String, _ b: String) -> String { a < b ? "\(a)~\(b)" : "\(b)~\(a)" }
        for s in students where s.kind != .honest {
            expected.insert(s.id)
            if let source = s.source {
                expected.insert(source)
                pairs.insert(key(s.id, source))
            }
        }
        let flagged = flagged(report)
        let reported = Set(report.pairs.map { key($0.first, $0.second) })
        func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        return Score(studentPrecision: ratio(flagged.intersection(expected).count, flagged.count),
                     studentRecall: ratio(flagged.intersection(expected).count, expected.count),
                     pairPrecision: ratio(reported.intersection(pairs).count, reported.count),
                     pairRecall: ratio(reported.intersection(pairs).count, pairs.count),
                     falsePositives: flagged.subtracting(expected).sorted(), falseNegatives: expected.subtracting(flagged).sorted(),
                     wrongPairs: reported.subtracting(pairs).sorted(), missedPairs: pairs.subtracting(reported).sorted())
    }
}
