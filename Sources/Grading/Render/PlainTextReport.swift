/// The terminal report of one grading: a line per check with its points, the feedback under it,
/// subtotals and the total. Hidden checks show only as a points total unless `showHidden`.
public struct PlainTextReport: Sendable {
    public var language: GradingLanguage
    public var showHidden: Bool
    public var colour: Bool

    public init(language: GradingLanguage, showHidden: Bool = false, colour: Bool = false) {
        self.language = language
        self.showHidden = showHidden
        self.colour = colour
    }

    public func render(_ report: GradeReport) -> String {
        let say = language.say
        var out = "\(report.labTitle) (\(report.lab)) — \(report.submission)\n"
        var hiddenPoints = 0.0, hiddenMax = 0.0
        for exercise in report.exercises {
            out += "\n" + paint("\(exercise.title) [\(exercise.id)]  \(Self.number(exercise.points))/\(Self.number(exercise.maxPoints))", "1") + "\n"
            for check in exercise.checks {
                if check.hidden && !showHidden {
                    if check.outcome.counts { hiddenPoints += check.points; hiddenMax += check.maxPoints }
                    continue
                }
                let (mark, code): (String, String) = {
                    switch check.outcome {
                    case .passed: return ("✔", "32")
                    case .partial: return ("~", "33")
                    case .failed: return ("✘", "31")
                    case .manual: return ("?", "36")
                    case .graderError: return ("!", "35")
                    }
                }()
                let score: String
                switch check.outcome {
                case .manual: score = say("manual") + " /\(Self.number(check.maxPoints))"
                case .graderError: score = say("grader error")
                default: score = "\(Self.number(check.points))/\(Self.number(check.maxPoints))"
                }
                out += "  " + paint(mark, code) + " \(check.id)  \(check.title)  [\(score)]\n"
                if check.outcome == .passed { continue }
                for feedback in check.feedback {
                    let at = feedback.location.map { "\($0): " } ?? ""
                    out += "      \(at)\(feedback.message)\n"
                    for note in feedback.notes { out += "        \(note)\n" }
                }
            }
        }
        if hiddenMax > 0 {
            out += "\n" + say("hidden checks: \(Self.number(hiddenPoints))/\(Self.number(hiddenMax)) points") + "\n"
        }
        out += "\n" + paint("Total: \(Self.number(report.points))/\(Self.number(report.maxPoints))", "1") + "\n"
        let manual = report.manualChecks
        if !manual.isEmpty {
            let pts = manual.reduce(0) { $0 + $1.maxPoints }
            out += say("\(manual.count) checks (\(Self.number(pts)) points) to be graded by the instructor\n")
        }
        if !report.graderErrors.isEmpty {
            out += say("\(report.graderErrors.count) grader errors: not counted against you\n")
        }
        return out
    }

    private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String((v * 100).rounded() / 100)
    }
}
