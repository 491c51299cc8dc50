/// The kinds of tokens the PromQL lexer produces.
///
/// Keywords are matched case-insensitively (`SUM`, `By`, `offset`), as Prometheus does. Function names
/// and metric names are plain identifiers.
public enum TokenKind: UInt8, Sendable, Hashable {
    // MARK: - Structure
    case eof, error, comment
    case identifier, metricIdentifier, number, duration, string
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket, comma, colon, assign

    // MARK: - Operators
    case add, sub, mul, div, mod, pow
    case eqlc, neq, lss, lte, gtr, gte, eqlRegex, neqRegex
    case land, lor, lunless, atan2, at, trimUpper, trimLower

    // MARK: - Aggregators
    case avg, bottomk, count, countValues, group, max, min, quantile, stddev, stdvar, sum, topk, limitk, limitRatio

    // MARK: - Keywords
    case bool, by, groupLeft, groupRight, ignoring, offset, on, without, anchored, smoothed

    // MARK: - Preprocessors
    case start, end, step, range

    /// Keywords looked up by their lower-cased spelling. `inf` and `nan` are number literals.
    static let keywords: [String: TokenKind] = [
        "and": .land, "or": .lor, "unless": .lunless, "atan2": .atan2,
        "sum": .sum, "avg": .avg, "count": .count, "min": .min, "max": .max, "group": .group,
        "stddev": .stddev, "stdvar": .stdvar, "topk": .topk, "bottomk": .bottomk,
        "count_values": .countValues, "quantile": .quantile, "limitk": .limitk, "limit_ratio": .limitRatio,
        "offset": .offset, "smoothed": .smoothed, "anchored": .anchored, "by": .by, "without": .without,
        "on": .on, "ignoring": .ignoring, "group_left": .groupLeft, "group_right": .groupRight, "bool": .bool,
        "start": .start, "end": .end, "step": .step, "range": .range,
        "inf": .number, "nan": .number,
    ]

    /// Whether the token is an aggregation operator keyword.
    public var isAggregator: Bool {
        switch self {
        case .avg, .bottomk, .count, .countValues, .group, .max, .min, .quantile, .stddev, .stdvar, .sum, .topk,
             .limitk, .limitRatio: return true
        default: return false
        }
    }

    /// Whether the token is a binary or `@` operator (`<op:…>` in Prometheus's messages).
    public var isOperator: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow, .eqlc, .neq, .lss, .lte, .gtr, .gte, .eqlRegex, .neqRegex,
             .land, .lor, .lunless, .atan2, .at, .trimUpper, .trimLower: return true
        default: return false
        }
    }

    /// Whether the token is one of Prometheus's "keywords" (`<by>` in messages).
    public var isKeyword: Bool {
        switch self {
        case .bool, .by, .groupLeft, .groupRight, .ignoring, .offset, .on, .without, .anchored, .smoothed: return true
        default: return false
        }
    }

    /// Tokens that may stand for a metric name at the start of a vector selector
    /// (Prometheus's `metric_identifier` rule).
    var canBeMetricName: Bool {
        switch self {
        case .identifier, .metricIdentifier, .by, .without, .land, .lor, .lunless, .offset, .start, .end, .step,
             .range, .anchored, .smoothed: return true
        default: return isAggregator
        }
    }

    /// Tokens that may stand for a label name in grouping clauses (Prometheus's `maybe_label` rule).
    var canBeGroupingLabel: Bool {
        switch self {
        case .identifier, .metricIdentifier, .bool, .by, .groupLeft, .groupRight, .ignoring, .land, .lor, .lunless,
             .offset, .on, .without, .start, .end, .atan2, .step, .range, .anchored, .smoothed: return true
        default: return isAggregator
        }
    }

    /// The fixed spelling of punctuation, operators and keywords; `nil` for tokens with free text.
    var fixedText: String? {
        switch self {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .colon: return ":"
        case .assign: return "="
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .div: return "/"
        case .mod: return "%"
        case .pow: return "^"
        case .eqlc: return "=="
        case .neq: return "!="
        case .lss: return "<"
        case .lte: return "<="
        case .gtr: return ">"
        case .gte: return ">="
        case .eqlRegex: return "=~"
        case .neqRegex: return "!~"
        case .at: return "@"
        case .trimUpper: return "</"
        case .trimLower: return ">/"
        default: return nil
        }
    }
}
