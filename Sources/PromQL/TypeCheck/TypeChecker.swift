import PromModel

/// Prometheus's `checkAST`: type rules checked after a successful syntax parse. It also normalises the
/// tree as Prometheus does (set operators become many-to-many; matching is dropped when a side is scalar).
struct TypeChecker {
    let state: ParseState

    init(state: ParseState) {
        self.state = state
    }

    func error(_ message: String, _ span: SourceSpan) { state.addError(message, span) }

    func expectType(_ e: Expr, _ want: ValueType, _ context: String) {
        let got = e.type
        if got != want {
            error("expected type \(want.documentedName) in \(context), got \(got.documentedName)", e.span)
        }
    }

    mutating func check(_ e: Expr) -> Expr {
        switch e {
        case .number, .string: return e
        case .paren(var p):
            p.expr = check(p.expr)
            return .paren(p)
        case .stepInvariant(var s):
            s.expr = check(s.expr)
            return .stepInvariant(s)
        case .vectorSelector(let vs):
            checkSelector(vs)
            return e
        case .matrixSelector(let m):
            checkSelector(m.vectorSelector)
            return e
        case .subquery(var s):
            s.expr = check(s.expr)
            let t = s.expr.type
            if t != .vector { error("subquery is only allowed on instant vector, got \(t.rawValue) instead", s.span) }
            return .subquery(s)
        case .unary(var u):
            u.expr = check(u.expr)
            let t = u.expr.type
            if t != .scalar && t != .vector {
                error("unary expression only allowed on expressions of type scalar or instant vector, got "
                      + GoQuote.string(t.documentedName), u.span)
            }
            return .unary(u)
        case .aggregate(var a):
            a.expr = check(a.expr)
            expectType(a.expr, .vector, "aggregation expression")
            if let param = a.param {
                a.param = check(param)
                if let want = a.op.parameterType, let p = a.param { expectType(p, want, "aggregation parameter") }
            }
            return .aggregate(a)
        case .call(var c):
            c.args = c.args.enumerated().map { i, arg in
                // The second argument of info() is a label selector that may match everything.
                if c.function.name == "info", i == 1, case .vectorSelector = arg { return arg }
                return check(arg)
            }
            checkCall(c)
            return .call(c)
        case .binary(let b):
            return checkChain(b)
        }
    }

    /// Checks a binary chain bottom-up in a loop over its left spine (in the order recursion would:
    /// the left operand, the right operand, then the node), carrying each rebuilt left operand's type.
    mutating func checkChain(_ top: BinaryExpr) -> Expr {
        let spine = BinarySpine(top)
        var result = check(spine.leaf)
        var resultType = result.type
        for var node in spine.nodes.reversed() {
            node.lhs = result
            node.rhs = check(node.rhs)
            let rhsType = node.rhs.type
            node = checkBinary(node, lhsType: resultType, rhsType: rhsType)
            result = .binary(node)
            resultType = resultType == .scalar && rhsType == .scalar ? .scalar : .vector
        }
        return result
    }

    func checkSelector(_ vs: VectorSelector) {
        if !vs.name.isEmpty {
            for m in vs.matchers.dropLast() where m.name == Label.metricName {
                error("metric name must not be set twice: \(GoQuote.string(vs.name)) or \(GoQuote.string(m.value))",
                      vs.span)
            }
            return
        }
        if !vs.matchers.contains(where: { !$0.matchesEmpty }) {
            error("vector selector must contain at least one non-empty matcher", vs.span)
        }
    }

    func checkCall(_ c: Call) {
        let f = c.function
        let n = c.args.count
        if f.variadic == 0 {
            if n != f.argTypes.count {
                error("expected \(f.argTypes.count) argument(s) in call to \(GoQuote.string(f.name)), got \(n)", c.span)
            }
        } else if f.minArgs > n {
            error("expected at least \(f.minArgs) argument(s) in call to \(GoQuote.string(f.name)), got \(n)", c.span)
        } else if let most = f.maxArgs, n > most {
            error("expected at most \(most) argument(s) in call to \(GoQuote.string(f.name)), got \(n)", c.span)
        }
        for (i, arg) in c.args.enumerated() {
            guard let want = f.argType(at: i) else { break }
            expectType(arg, want, "call to function \(GoQuote.string(f.name))")
        }
        if f.name == "info", c.args.count > 1, case .vectorSelector = c.args[1] {
        } else if f.name == "info", c.args.count > 1 {
            error("expected label selectors as the second argument to \"info\" function, got "
                  + c.args[1].type.documentedName, c.args[1].span)
        }
    }

    /// The rules of one binary node whose operands are already checked and have types `lt` and `rt`.
    func checkBinary(_ input: BinaryExpr, lhsType lt: ValueType, rhsType rt: ValueType) -> BinaryExpr {
        var b = input
        let opSpan = operatorSpan(b)
        if b.returnBool && !b.op.isComparison {
            error("bool modifier can only be used on comparison operators", opSpan)
        }
        if b.op.isComparison && !b.returnBool && lt == .scalar && rt == .scalar {
            error("comparisons between scalars must use BOOL modifier", opSpan)
        }
        if b.op.isSetOperator, b.matching?.cardinality == .oneToOne { b.matching?.cardinality = .manyToMany }
        if let m = b.matching, m.on {
            for l in m.matchingLabels where m.include.contains(l) {
                error("label \(GoQuote.string(l)) must not occur in ON and GROUP clause at once", opSpan)
            }
        }
        if lt != .scalar && lt != .vector {
            error("binary expression must contain only scalar and instant vector types", b.lhs.span)
        }
        if rt != .scalar && rt != .vector {
            error("binary expression must contain only scalar and instant vector types", b.rhs.span)
        }
        if lt != .vector || rt != .vector {
            if let m = b.matching, !m.matchingLabels.isEmpty {
                error("vector matching only allowed between instant vectors", b.span)
            }
            b.matching = nil
        } else if b.op.isSetOperator, let m = b.matching {
            if m.cardinality == .oneToMany || m.cardinality == .manyToOne {
                error("no grouping allowed for \(GoQuote.string(b.op.rawValue)) operation", b.span)
            }
            if m.cardinality != .manyToMany { error("set operations must always be many-to-many", b.span) }
            if !m.fill.isEmpty { error("fill modifiers are not allowed for set operations", opSpan) }
        }
        if (lt == .scalar || rt == .scalar) && b.op.isSetOperator {
            error("set operator \(GoQuote.string(b.op.rawValue)) not allowed in binary scalar expression", b.span)
        }
        return b
    }

    /// The operator and its modifiers: from the first non-space after the left side to the last
    /// non-space before the right side.
    func operatorSpan(_ b: BinaryExpr) -> SourceSpan {
        let bytes = state.bytes
        var start = b.lhs.span.end
        while start < bytes.count, Lexer.isSpace(bytes[start]) { start += 1 }
        var end = b.rhs.span.start
        while end > start, Lexer.isSpace(bytes[end - 1]) { end -= 1 }
        return SourceSpan(start: start, end: max(start, end))
    }
}
