import PromQL

extension Evaluator {
    func evalAggregate(_ a: AggregateExpr) throws -> EvalValue { throw QueryError(.execution, "not implemented") }
    func evalBinary(_ b: BinaryExpr) throws -> EvalValue { throw QueryError(.execution, "not implemented") }
    func evalCall(_ c: Call) throws -> EvalValue { throw QueryError(.execution, "not implemented") }
    func evalSubqueryRaw(_ s: SubqueryExpr) throws -> [StepSeries] { throw QueryError(.execution, "not implemented") }
    func subqueryArg(_ s: SubqueryExpr) throws -> RangeArg { throw QueryError(.execution, "not implemented") }
}
