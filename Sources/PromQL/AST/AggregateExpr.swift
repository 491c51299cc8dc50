/// An aggregation: `op [by|without (labels)] ([param,] expr)`.
public struct AggregateExpr: Hashable, Sendable {
    public var op: AggregationOp
    public var expr: Expr
    /// The parameter of `topk`, `bottomk`, `quantile`, `count_values`, `limitk`, `limit_ratio`.
    public var param: Expr?
    public var grouping: [String]
    public var without: Bool
    public var span: SourceSpan

    public init(op: AggregationOp, expr: Expr, param: Expr?, grouping: [String], without: Bool, span: SourceSpan) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
        self.span = span
    }
}

/// Aggregation operators.
public enum AggregationOp: String, Hashable, Sendable, CaseIterable {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk
    case countValues = "count_values", quantile, limitk
    case limitRatio = "limit_ratio"

    /// Whether the operator takes a parameter before the vector.
    public var hasParameter: Bool {
        switch self {
        case .topk, .bottomk, .countValues, .quantile, .limitk, .limitRatio: return true
        default: return false
        }
    }

    /// The parameter's type: a string for `count_values`, a scalar otherwise.
    public var parameterType: ValueType? {
        guard hasParameter else { return nil }
        return self == .countValues ? .string : .scalar
    }

    /// `limitk` and `limit_ratio` need experimental functions enabled.
    public var isExperimental: Bool { self == .limitk || self == .limitRatio }

    init?(token: TokenKind) {
        switch token {
        case .sum: self = .sum
        case .avg: self = .avg
        case .count: self = .count
        case .min: self = .min
        case .max: self = .max
        case .group: self = .group
        case .stddev: self = .stddev
        case .stdvar: self = .stdvar
        case .topk: self = .topk
        case .bottomk: self = .bottomk
        case .countValues: self = .countValues
        case .quantile: self = .quantile
        case .limitk: self = .limitk
        case .limitRatio: self = .limitRatio
        default: return nil
        }
    }
}
