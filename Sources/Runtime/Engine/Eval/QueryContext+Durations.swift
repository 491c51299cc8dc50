import PromQL

// MARK: - Checking duration expressions

extension QueryContext {
    /// Largest duration in seconds: Go's largest `time.Duration` (the parser's bound on literals).
    static let maxDurationSeconds = 9_223_372_036.854775807

    /// Checks every range, subquery step and offset of `expr` before evaluation, as Prometheus does
    /// when it resolves duration expressions (`step()`, `range()`, arithmetic) for a query:
    /// a range or step that is not positive fails with "duration must be greater than 0", and a value
    /// that is not finite or lies beyond Go's `time.Duration` range (about 292 years) with
    /// "duration is out of range". Offsets may be negative.
    func checkDurations(_ expr: Expr) throws {
        try expr.forEachNode { node in
            switch node {
            case .vectorSelector(let vs):
                try check(vs.offset, positive: false)
            case .matrixSelector(let ms):
                try check(ms.range, positive: true)
            case .subquery(let sq):
                try check(sq.range, positive: true)
                try check(sq.step, positive: true)
                try check(sq.offset, positive: false)
            default:
                break
            }
        }
    }

    private func check(_ d: DurationExpr?, positive: Bool) throws {
        guard let d else { return }
        let seconds = d.seconds(step: Double(queryStep) / 1000, range: (Double(queryEnd) - Double(queryStart)) / 1000)
        if positive && !(seconds > 0) && !seconds.isNaN {
            throw QueryError(.execution, "duration must be greater than 0")
        }
        guard seconds.isFinite, abs(seconds) <= Self.maxDurationSeconds else {
            throw QueryError(.execution, "duration is out of range")
        }
    }
}
