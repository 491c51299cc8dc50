/// Why a rule evaluation failed, with Prometheus's message.
public struct RuleEvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A recording rule gave two series with the same labels once `__name__` and its labels were set.
    public static let duplicateRecordedSeries = RuleEvaluationError(
        "vector contains metrics with the same labelset after applying rule labels")

    /// An alerting rule gave two alerts with the same labels once its labels were set.
    public static let duplicateAlertLabelSet = RuleEvaluationError(
        "vector contains metrics with the same labelset after applying alert labels")

    /// The query gave a string or a range vector.
    public static let notVectorOrScalar = RuleEvaluationError("rule result is not a vector or scalar")
}
