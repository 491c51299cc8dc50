import Foundation

/// The class gradebook as CSV (RFC 4180 quoting): one row per roster student with their status,
/// total, points per exercise, grader errors, copy flags and grading time.
public struct Gradebook: Sendable {
    public init() {}

    /// The fixed columns before the exercises.
    public static let leadingColumns = ["student_id", "name", "status", "total", "max"]

    public func render(_ report: ClassGradeReport) -> String {
        var rows: [[String]] = [Self.leadingColumns + report.exercises.map(\.id) + ["grader_errors", "flags", "seconds"]]
        for s in report.students {
            var row = [s.studentID, s.name ?? "", s.status.rawValue]
            if let r = s.report, s.status == .graded {
                row += [Self.number(r.points), Self.number(r.maxPoints)]
                row += report.exercises.map { column in
                    r.exercises.first { $0.id == column.id }.map { Self.number($0.points) } ?? ""
                }
                row.append(String(r.graderErrors.count))
            } else {
                row += ["", Self.number(report.maxPoints)] + report.exercises.map { _ in "" } + [s.error ?? ""]
            }
            row += [s.flags.joined(separator: "; "), String(format: "%.2f", s.seconds)]
            rows.append(row)
        }
        return rows.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Points as the reports print them: to 0.01, without trailing zeros (`90`, `7.5`, `3.33`).
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        var text = String(format: "%.2f", v)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
