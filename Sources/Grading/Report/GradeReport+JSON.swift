import Diagnostics
import Foundation

extension GradeReport {
    /// The report `JSONReport` wrote (with hidden feedback shown), read back; `nil` when `data`
    /// is not such a report. Charts are not part of the JSON and come back empty.
    public static func decode(json data: Data) -> GradeReport? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let lab = object["lab"] as? String, let exercises = object["exercises"] as? [[String: Any]] else { return nil }
        var results: [ExerciseResult] = []
        for e in exercises {
            guard let id = e["id"] as? String, let checks = e["checks"] as? [[String: Any]] else { return nil }
            var out: [CheckResult] = []
            for c in checks {
                guard let cid = c["id"] as? String, let outcome = (c["outcome"] as? String).flatMap(CheckOutcome.init(rawValue:)),
                      let points = c["points"] as? Double, let max = c["max_points"] as? Double else { return nil }
                let feedback = (c["feedback"] as? [[String: Any]] ?? []).map { f -> Feedback in
                    var location: SourceLocation?
                    if let l = f["location"] as? [String: Any], let file = l["file"] as? String,
                       let line = l["line"] as? Int, let column = l["column"] as? Int {
                        location = SourceLocation(file: file, line: line, column: column)
                    }
                    return Feedback(f["message"] as? String ?? "", location: location, notes: f["notes"] as? [String] ?? [])
                }
                out.append(CheckResult(id: cid, kind: c["kind"] as? String ?? "", title: c["title"] as? String ?? "",
                                       outcome: outcome, points: points, maxPoints: max, hidden: c["hidden"] as? Bool ?? false,
                                       feedback: feedback))
            }
            results.append(ExerciseResult(id: id, title: e["title"] as? String ?? id, checks: out))
        }
        return GradeReport(lab: lab, labTitle: object["title"] as? String ?? lab, student: object["student"] as? String,
                           submission: object["submission"] as? String ?? "", language: object["language"] as? String ?? "en",
                           exercises: results)
    }
}
