import Foundation

/// The whole report as JSON (`--format json`), keys sorted; hidden feedback removed unless `showHidden`.
public struct JSONReport: Sendable {
    public var showHidden: Bool

    public init(showHidden: Bool = false) { self.showHidden = showHidden }

    public func render(_ report: GradeReport) -> String {
        func location(_ l: SourceLocationLike?) -> Any { l.map { ["file": $0.file, "line": $0.line, "column": $0.column] as [String: Any] } ?? NSNull() }
        let exercises: [[String: Any]] = report.exercises.map { e in
            ["id": e.id, "title": e.title, "points": e.points, "max_points": e.maxPoints,
             "checks": e.checks.map { c -> [String: Any] in
                 let visible = !c.hidden || showHidden
                 return ["id": c.id, "kind": c.kind, "title": visible ? c.title : "hidden", "outcome": c.outcome.rawValue,
                         "points": c.points, "max_points": c.maxPoints, "hidden": c.hidden,
                         "feedback": visible ? c.feedback.map { f -> [String: Any] in
                             ["message": f.message, "notes": f.notes, "location": location(f.location.map(SourceLocationLike.init))]
                         } : []]
             }]
        }
        let object: [String: Any] = ["lab": report.lab, "title": report.labTitle, "submission": report.submission,
                                     "student": report.student ?? NSNull(), "language": report.language,
                                     "points": report.points, "max_points": report.maxPoints,
                                     "grader_errors": report.graderErrors.count, "manual_checks": report.manualChecks.count,
                                     "exercises": exercises]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text + "\n"
    }
}

import Diagnostics

/// A location's three fields, for serialising.
struct SourceLocationLike {
    var file: String
    var line: Int
    var column: Int
    init(_ l: SourceLocation) { file = l.file; line = l.line; column = l.column }
}
