import Foundation

/// A duration in a range, subquery step or offset: a literal (`5m`, `300`) or, with duration expressions
/// enabled, arithmetic over literals, `step()`, `range()`, `min_of(a, b)` and `max_of(a, b)`.
/// Values are in seconds.
public indirect enum DurationExpr: Hashable, Sendable {
    /// A literal in seconds; `isDuration` tells whether it was written as `5m` or as `300`.
    case number(NumberLiteral)
    /// `step()`: the query step.
    case step(SourceSpan)
    /// `range()`: the query range (end - start).
    case range(SourceSpan)
    case unary(UnaryExpr.Op, DurationExpr, SourceSpan)
    case binary(Op, DurationExpr, DurationExpr)
    case minOf(DurationExpr, DurationExpr, SourceSpan)
    case maxOf(DurationExpr, DurationExpr, SourceSpan)
    case paren(DurationExpr, SourceSpan)

    /// Arithmetic operators of duration expressions.
    public enum Op: String, Hashable, Sendable {
        case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^"
    }

    /// The source range.
    public var span: SourceSpan {
        switch self {
        case .number(let n): return n.span
        case .step(let s), .range(let s), .unary(_, _, let s), .minOf(_, _, let s), .maxOf(_, _, let s),
             .paren(_, let s): return s
        case .binary(_, let l, let r): return SourceSpan.merge(l.span, r.span)
        }
    }

    /// Whether this is a plain (possibly signed) literal, the only form allowed without duration expressions.
    public var isLiteral: Bool {
        if case .number = self { return true }
        return false
    }

    /// Evaluates to seconds, given the query step and range in seconds.
    public func seconds(step: Double, range: Double) -> Double {
        switch self {
        case .number(let n): return n.value
        case .step: return step
        case .range: return range
        case .unary(let op, let e, _):
            let v = e.seconds(step: step, range: range)
            return op == .minus ? -v : v
        case .binary(let op, let l, let r):
            let a = l.seconds(step: step, range: range), b = r.seconds(step: step, range: range)
            switch op {
            case .add: return a + b
            case .sub: return a - b
            case .mul: return a * b
            case .div: return a / b
            case .mod: return a.truncatingRemainder(dividingBy: b)
            case .pow: return Foundation.pow(a, b)
            }
        case .minOf(let l, let r, _):
            return Swift.min(l.seconds(step: step, range: range), r.seconds(step: step, range: range))
        case .maxOf(let l, let r, _):
            return Swift.max(l.seconds(step: step, range: range), r.seconds(step: step, range: range))
        case .paren(let e, _): return e.seconds(step: step, range: range)
        }
    }

    /// Whether the value depends on `step()` or `range()`.
    public var dependsOnQuery: Bool {
        switch self {
        case .number: return false
        case .step, .range: return true
        case .unary(_, let e, _), .paren(let e, _): return e.dependsOnQuery
        case .binary(_, let l, let r), .minOf(let l, let r, _), .maxOf(let l, let r, _):
            return l.dependsOnQuery || r.dependsOnQuery
        }
    }

    /// The value in milliseconds when it does not depend on the query, rounded like Prometheus
    /// (`math.Round(seconds * 1e9)` nanoseconds, then milliseconds); `nil` if it does or is out of range.
    public var constantMilliseconds: Int64? {
        guard !dependsOnQuery else { return nil }
        let ms = (seconds(step: 0, range: 0) * 1000).rounded()
        guard ms.isFinite, ms > -9.2e15, ms < 9.2e15 else { return nil }
        return Int64(ms)
    }
}
