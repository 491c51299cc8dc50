/// What one check found: an outcome, the fraction of its points earned, and feedback.
public struct CheckVerdict: Sendable {
    public var outcome: CheckOutcome
    /// 0…1 of the check's points.
    public var score: Double
    public var feedback: [Feedback]
    public var chart: ChartData?

    public init(outcome: CheckOutcome, score: Double, feedback: [Feedback] = [], chart: ChartData? = nil) {
        self.outcome = outcome
        self.score = score
        self.feedback = feedback
        self.chart = chart
    }

    public static func passed(_ feedback: [Feedback] = [], chart: ChartData? = nil) -> CheckVerdict {
        CheckVerdict(outcome: .passed, score: 1, feedback: feedback, chart: chart)
    }

    public static func failed(_ feedback: [Feedback], chart: ChartData? = nil) -> CheckVerdict {
        CheckVerdict(outcome: .failed, score: 0, feedback: feedback, chart: chart)
    }

    public static func failed(_ feedback: Feedback) -> CheckVerdict { failed([feedback]) }

    /// `met` of `total` parts: passed when all, partial when some, failed when none.
    public static func parts(met: Int, of total: Int, _ feedback: [Feedback]) -> CheckVerdict {
        guard total > 0 else { return .passed(feedback) }
        if met >= total { return .passed(feedback) }
        if met <= 0 { return .failed(feedback) }
        return CheckVerdict(outcome: .partial, score: Double(met) / Double(total), feedback: feedback)
    }

    public static func graderError(_ error: GraderError) -> CheckVerdict {
        CheckVerdict(outcome: .graderError, score: 0, feedback: [Feedback(error.message, location: error.location)])
    }
}
