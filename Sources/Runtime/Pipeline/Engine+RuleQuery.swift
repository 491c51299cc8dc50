import PromModel
import Storage
import PromQL

// MARK: - The engine as the rules' query function

extension Engine {
    /// A ``QueryFunc`` for rule evaluation: instant queries of this engine over `querier`. Lives with
    /// the wiring (not in Rules) so that the rules know only the closure type.
    public func ruleQuery(over querier: any Querier) -> QueryFunc {
        { expr, t in try self.instantQuery(expr, at: t, querier: querier) }
    }
}
