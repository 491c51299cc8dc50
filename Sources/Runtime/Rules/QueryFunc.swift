import PromModel
import PromQL

/// How rules run queries: evaluate an expression at a time (milliseconds). The engine is reached only
/// through this closure (made by `Engine.ruleQuery(over:)`, outside the rules), so that rules are
/// tested with fake results.
public typealias QueryFunc = @Sendable (Expr, Int64) throws -> QueryResult

/// How rules hand alerts to the notifier: every alert that needs sending after one rule's evaluation.
public typealias NotifyFunc = @Sendable ([RuleAlert]) -> Void

/// Helpers around ``QueryFunc``.
public enum RuleQuery {
    /// The instant vector of a rule's result: a scalar becomes one sample without labels (as
    /// Prometheus's `EngineQueryFunc` does); strings and matrices are errors.
    public static func vector(_ result: QueryResult, at t: Int64) throws -> [VectorSample] {
        switch result.value {
        case .vector(let samples): return samples
        case .scalar(_, let f): return [VectorSample(metric: .empty, t: t, f: f)]
        case .string, .matrix: throw RuleEvaluationError.notVectorOrScalar
        }
    }
}
