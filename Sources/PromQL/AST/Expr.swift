import GoCompat
/// A PromQL expression tree.
///
/// Every node carries a `SourceSpan`. Equality compares positions too; use `strippingPositions()`
/// on both sides to compare structure only.
public indirect enum Expr: Hashable, Sendable {
    case number(NumberLiteral)
    case string(StringLiteral)
    case vectorSelector(VectorSelector)
    case matrixSelector(MatrixSelector)
    case subquery(SubqueryExpr)
    case aggregate(AggregateExpr)
    case binary(BinaryExpr)
    case unary(UnaryExpr)
    case call(Call)
    case paren(ParenExpr)
    /// Marks a subtree whose value does not depend on the evaluation step. Never produced by the
    /// parser; the engine may wrap subtrees in it.
    case stepInvariant(StepInvariantExpr)

    // MARK: - Properties

    /// The source range of the node.
    public var span: SourceSpan {
        switch self {
        case .number(let n): return n.span
        case .string(let n): return n.span
        case .vectorSelector(let n): return n.span
        case .matrixSelector(let n): return n.span
        case .subquery(let n): return n.span
        case .aggregate(let n): return n.span
        case .binary(let n): return n.span
        case .unary(let n): return n.span
        case .call(let n): return n.span
        case .paren(let n): return n.span
        case .stepInvariant(let n): return n.span
        }
    }

    /// The type the expression evaluates to.
    public var type: ValueType {
        switch self {
        case .number: return .scalar
        case .string: return .string
        case .vectorSelector: return .vector
        case .matrixSelector, .subquery: return .matrix
        case .aggregate: return .vector
        case .binary(let b):
            // A chain is scalar only when every operand is: walk its left spine instead of recursing.
            var node = b
            while true {
                guard node.rhs.type == .scalar else { return .vector }
                switch node.lhs {
                case .binary(let l): node = l
                default: return node.lhs.type == .scalar ? .scalar : .vector
                }
            }
        case .unary(let u): return u.expr.type
        case .call(let c): return c.function.returnType
        case .paren(let p): return p.expr.type
        case .stepInvariant(let s): return s.expr.type
        }
    }

    /// The direct children, in source order.
    public var children: [Expr] {
        switch self {
        case .number, .string, .vectorSelector: return []
        case .matrixSelector(let m): return [.vectorSelector(m.vectorSelector)]
        case .subquery(let s): return [s.expr]
        case .aggregate(let a): return (a.param.map { [$0] } ?? []) + [a.expr]
        case .binary(let b): return [b.lhs, b.rhs]
        case .unary(let u): return [u.expr]
        case .call(let c): return c.args
        case .paren(let p): return [p.expr]
        case .stepInvariant(let s): return [s.expr]
        }
    }
}

// MARK: - Node types

/// A number literal: `1`, `0x1f`, `1_000`, `Inf`, `NaN`, or a duration used as a number (`5m` = 300).
public struct NumberLiteral: Hashable, Sendable {
    public var value: Double
    /// Whether the literal was written as a duration (printed back as one).
    public var isDuration: Bool
    public var span: SourceSpan

    public init(value: Double, isDuration: Bool = false, span: SourceSpan) {
        self.value = value
        self.isDuration = isDuration
        self.span = span
    }

    /// NaN literals are equal to each other so that trees compare structurally.
    public static func == (a: NumberLiteral, b: NumberLiteral) -> Bool {
        (a.value == b.value || (a.value.isNaN && b.value.isNaN)) && a.isDuration == b.isDuration && a.span == b.span
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
        hasher.combine(isDuration)
        hasher.combine(span)
    }
}

/// A string literal (already unescaped).
public struct StringLiteral: Hashable, Sendable {
    public var value: String
    /// The unescaped bytes when escapes (`\xc5`, `\305`) made them invalid UTF-8, which a Swift string
    /// cannot hold (`value` then has U+FFFD in their place); `nil` when `value` is exact.
    public var invalidUTF8: [UInt8]?
    public var span: SourceSpan
    public init(value: String, invalidUTF8: [UInt8]? = nil, span: SourceSpan) {
        self.value = value
        self.invalidUTF8 = invalidUTF8
        self.span = span
    }

    /// A literal of the unescaped `bytes`, keeping them when they are not valid UTF-8.
    public init(bytes: [UInt8], span: SourceSpan) {
        if let s = String(validating: bytes, as: UTF8.self) {
            self.init(value: s, span: span)
        } else {
            self.init(value: String(decoding: bytes, as: UTF8.self), invalidUTF8: bytes, span: span)
        }
    }

    /// The literal quoted as Go quotes it (`strconv.Quote`), invalid bytes as `\xhh`.
    public var goQuoted: String {
        if let invalidUTF8 { return GoQuoting.quote(bytes: invalidUTF8) }
        return GoQuote.string(value)
    }
}

/// `-expr` or `+expr` on a non-literal operand (signs on number literals are folded into the literal).
public struct UnaryExpr: Hashable, Sendable {
    /// The sign; the raw value is the operator as written.
    public enum Op: String, Hashable, Sendable { case plus = "+", minus = "-" }
    public var op: Op
    public var expr: Expr
    public var span: SourceSpan
    public init(op: Op, expr: Expr, span: SourceSpan) {
        self.op = op
        self.expr = expr
        self.span = span
    }
}

/// `( expr )`, kept in the tree so that printing reproduces the grouping.
public struct ParenExpr: Hashable, Sendable {
    public var expr: Expr
    public var span: SourceSpan
    public init(expr: Expr, span: SourceSpan) {
        self.expr = expr
        self.span = span
    }
}

/// A function call with its resolved signature.
public struct Call: Hashable, Sendable {
    public var function: FunctionSignature
    public var args: [Expr]
    public var span: SourceSpan
    public init(function: FunctionSignature, args: [Expr], span: SourceSpan) {
        self.function = function
        self.args = args
        self.span = span
    }
}

/// A subtree the engine evaluates once for all steps (see `Expr.stepInvariant`).
public struct StepInvariantExpr: Hashable, Sendable {
    public var expr: Expr
    public var span: SourceSpan
    public init(expr: Expr, span: SourceSpan) {
        self.expr = expr
        self.span = span
    }
}
