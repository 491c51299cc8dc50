import Foundation

/// The class summary an instructor reads after a run: how many were graded, missing or broke the
/// grader, the score distribution, and the checks most students fail.
public struct ClassSummary: Sendable {
    public var language: GradingLanguage
    /// How many of the most-failed checks to list.
    public var topChecks: Int

    public init(language: GradingLanguage, topChecks: Int = 8) {
        self.language = language
        self.topChecks = topChecks
    }

    public func render(_ report: ClassGradeReport) -> String {
        let say = language.say
        let graded = report.graded
        let missing = report.students.filter { $0.status == .missing }
        let broken = report.students.filter { $0.status == .graderError }
        var out = "\(report.labTitle) (\(report.lab)): "
        out += say("\(graded.count) graded, \(missing.count) missing, \(broken.count) grader errors (of \(report.students.count))\n")
        let totals = graded.map(\.points).sorted()
        if let first = totals.first, let last = totals.last {
            let mean = totals.reduce(0, +) / Double(totals.count)
            let median = totals.count % 2 == 1 ? totals[totals.count / 2] : (totals[totals.count / 2 - 1] + totals[totals.count / 2]) / 2
            out += say("Score: mean \(Gradebook.number(mean)), median \(Gradebook.number(median)), min \(Gradebook.number(first)), max \(Gradebook.number(last)) of \(Gradebook.number(report.maxPoints))\n")
            out += "\n" + say("Distribution") + "\n"
            var buckets = Array(repeating: 0, count: 10)
            for s in graded {
                let ratio = report.maxPoints > 0 ? s.points / report.maxPoints : 0
                buckets[min(9, max(0, Int((ratio * 10).rounded(.down))))] += 1
            }
            for (i, n) in buckets.enumerated().reversed() {
                let range = i == 9 ? "90–100%" : "\(i * 10)–\(i * 10 + 9)%"
                out += "  " + range.padding(toLength: 8, withPad: " ", startingAt: 0) + " " + String(repeating: "█", count: n)
                    + (n > 0 ? " \(n)" : "") + "\n"
            }
        }
        var failures: [String: (title: String, count: Int)] = [:]
        for s in graded {
            for c in s.report?.checks ?? [] where c.outcome.counts && c.points < c.maxPoints {
                failures[c.id, default: (c.title, 0)].count += 1
            }
        }
        let top = failures.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }.prefix(topChecks)
        if !top.isEmpty {
            out += "\n" + say("Checks most students fail") + "\n"
            for (id, v) in top { out += "  \(v.count)/\(graded.count)  \(id)  \(v.title)\n" }
        }
        if !missing.isEmpty {
            out += "\n" + say("Missing") + ": " + missing.map(\.studentID).joined(separator: ", ") + "\n"
        }
        if !broken.isEmpty {
            out += "\n" + say("Grader errors (never counted against the student)") + "\n"
            for s in broken { out += "  \(s.studentID): \(s.error ?? "")\n" }
        }
        let flagged = report.students.filter { !$0.flags.isEmpty }
        if !flagged.isEmpty {
            out += "\n" + say("Possible copies (scores unchanged)") + "\n"
            for s in flagged { out += "  \(s.studentID): \(s.flags.joined(separator: "; "))\n" }
        }
        return out
    }
}
