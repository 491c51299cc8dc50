import Diagnostics
import YAML

/// The instructor's marks for the checks graded by hand (`--manual FILE`):
///
/// ```yaml
/// profiling.manual:
///   points: 8
///   comment: "Buen análisis del cuello de botella; falta medir la mejora."
/// ```
///
/// Each entry names a check id of the lab; its points (0 … the check's points) replace the
/// check's verdict and count in the total, and the comment becomes its feedback.
public struct ManualMarks: Sendable {
    /// One instructor mark.
    public struct Mark: Sendable, Hashable {
        public var points: Double
        public var comment: String?
        public var location: SourceLocation
    }

    /// Check id → mark.
    public var marks: [String: Mark]

    /// The largest file read.
    public static let maxBytes = 1 << 20

    /// Parses `text`; errors (malformed YAML, unknown keys, points that are not numbers) carry
    /// file:line:col. Check ids and the points' upper bound are checked by ``validate(against:)``.
    public static func parse(_ text: String, file: String) -> (marks: ManualMarks?, diagnostics: [Diagnostic]) {
        guard text.utf8.count <= maxBytes else {
            return (nil, [.error("grade/manual", "\(file) is larger than \(maxBytes) bytes", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard parsed.diagnostics.isEmpty else { return (nil, parsed.diagnostics) }
        guard let root = parsed.documents.first?.root else { return (ManualMarks(marks: [:]), []) }
        if case .scalar(let s) = root.kind, s.value.isEmpty { return (ManualMarks(marks: [:]), []) }
        var ctx = YAMLDecodingContext()
        guard let top = ctx.mapping(root, what: "manual marks") else { return (nil, ctx.diagnostics) }
        var marks: [String: Mark] = [:]
        for pair in top.pairs {
            guard let id = ctx.string(pair.key, what: "check id") else { continue }
            guard let m = ctx.mapping(pair.value, allowed: ["points", "comment"], what: "mark of \(id)") else { continue }
            guard let pointsNode = ctx.required("points", in: m, what: "mark of \(id)"),
                  let points = ctx.double(pointsNode, what: "points") else { continue }
            guard points >= 0, points.isFinite else {
                ctx.error("grade/manual", "points of \(id) must be 0 or more, not \(points)", at: pointsNode)
                continue
            }
            let comment = m["comment"].flatMap { ctx.string($0, what: "comment") }
            if marks[id] != nil {
                ctx.error("grade/manual", "check \(id) is marked twice", at: pair.key)
            }
            marks[id] = Mark(points: points, comment: comment, location: pair.key.location)
        }
        let errors = ctx.diagnostics.filter { $0.severity == .error }
        return (errors.isEmpty ? ManualMarks(marks: marks) : nil, ctx.diagnostics)
    }

    /// Problems of these marks against a graded report: an id that is no check of the lab, points
    /// above the check's.
    public func validate(against report: GradeReport) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let checks = Dictionary(report.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, mark) in marks.sorted(by: { $0.key < $1.key }) {
            guard let check = checks[id] else {
                let hint = Suggestion.didYouMean(id, in: checks.keys.sorted())
                out.append(.error("grade/manual", "\(report.lab) has no check \(id)\(hint)", at: mark.location))
                continue
            }
            if mark.points > check.maxPoints + 1e-9 {
                out.append(.error("grade/manual", "check \(id) is worth \(Gradebook.number(check.maxPoints)) points; \(Gradebook.number(mark.points)) were given",
                                  at: mark.location))
            }
        }
        return out
    }

    /// `report` with each marked check's verdict replaced by the instructor's mark (call after
    /// ``validate(against:)`` found nothing).
    public func apply(to report: GradeReport, language: GradingLanguage) -> GradeReport {
        var out = report
        for e in out.exercises.indices {
            for c in out.exercises[e].checks.indices {
                let check = out.exercises[e].checks[c]
                guard let mark = marks[check.id] else { continue }
                let points = min(mark.points, check.maxPoints)
                var result = check
                result.points = points
                result.outcome = points >= check.maxPoints ? .passed : points > 0 ? .partial : .failed
                let who = language.say("instructor's mark")
                result.feedback = [Feedback("\(who): \(Gradebook.number(points))/\(Gradebook.number(check.maxPoints))"
                                            + (mark.comment.map { " — \($0)" } ?? ""))]
                out.exercises[e].checks[c] = result
            }
        }
        return out
    }
}
