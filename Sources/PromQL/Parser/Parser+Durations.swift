// MARK: - Duration expressions (ranges, subquery steps, offsets)

extension ParseState {
    /// The largest duration in seconds that fits Go's `time.Duration`.
    static let maxDurationSeconds = 9_223_372_036.854775807

    func isDurationStart(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .duration, .step, .range, .leftParen, .add, .sub: return true
        case .identifier: return isMinMax(t)
        default: return false
        }
    }

    func isOffsetStart(_ t: Token) -> Bool { isDurationStart(t) }

    func isMinMax(_ t: Token) -> Bool {
        guard t.kind == .identifier, t.end - t.start == 6 else { return false }
        let word = text(t).lowercased()
        return word == "min_of" || word == "max_of"
    }

    /// A range or step: a duration expression whose literal value must be positive.
    func parsePositiveDuration() throws -> DurationExpr {
        let d = try parseDurationExpr(minPrecedence: 1)
        if case .number(var n) = d {
            if !(n.value > 0) { addError("duration must be greater than 0", n.span) }
            n.isDuration = true
            return .number(n)
        }
        return d
    }

    static func precedence(_ kind: TokenKind) -> (DurationExpr.Op, Int)? {
        switch kind {
        case .add: return (.add, 4)
        case .sub: return (.sub, 4)
        case .mul: return (.mul, 5)
        case .div: return (.div, 5)
        case .mod: return (.mod, 5)
        case .pow: return (.pow, 6)
        default: return nil
        }
    }

    func parseDurationExpr(minPrecedence: Int) throws -> DurationExpr {
        try enter()
        var chain = 0
        defer { leave(1 + chain) }
        var lhs = try parseDurationUnary()
        while let (op, prec) = ParseState.precedence(peek.kind), prec >= minPrecedence {
            let opToken = advance()
            try enter()
            chain += 1
            let rhs = try parseDurationExpr(minPrecedence: op == .pow ? prec : prec + 1)
            requireDurationExpressions(lhs.span)
            if op == .div || op == .mod, case .number(let n) = rhs, n.value == 0 {
                addError(op == .div ? "division by zero" : "modulo by zero", opToken.span)
            }
            lhs = .binary(op, lhs, rhs)
        }
        return lhs
    }

    func requireDurationExpressions(_ span: SourceSpan) {
        if !options.experimentalDurationExpr {
            addError("experimental duration expression is not enabled", span)
        }
    }

    /// `+d` / `-d` bind like `*`; signs on literals fold into the literal.
    func parseDurationUnary() throws -> DurationExpr {
        let t = peek
        guard t.kind == .add || t.kind == .sub else { return try parseDurationAtom() }
        advance()
        let operand = try parseDurationExpr(minPrecedence: 6)
        if case .number(var n) = operand {
            if t.kind == .sub { n.value = -n.value }
            n.span.start = t.start
            if abs(n.value) > ParseState.maxDurationSeconds { addError("duration out of range", t.span) }
            return .number(n)
        }
        if t.kind == .sub { return .unary(.minus, operand, SourceSpan(start: t.start, end: operand.span.end)) }
        return operand
    }

    func parseDurationAtom() throws -> DurationExpr {
        let t = peek
        switch t.kind {
        case .number, .duration:
            advance()
            let value = t.kind == .number ? numberValue(t) : durationSeconds(t)
            if abs(value) > ParseState.maxDurationSeconds { addError("duration out of range", t.span) }
            return .number(NumberLiteral(value: value, isDuration: t.kind == .duration, span: t.span))
        case .step, .range:
            advance()
            try expect(.leftParen)
            let close = try expect(.rightParen)
            let span = SourceSpan(start: t.start, end: close.end)
            return t.kind == .step ? .step(span) : .range(span)
        case .leftParen:
            advance()
            let inner = try parseDurationExpr(minPrecedence: 1)
            let close = try expect(.rightParen)
            requireDurationExpressions(inner.span)
            return .paren(inner, SourceSpan(start: t.start, end: close.end))
        case .identifier where isMinMax(t):
            advance()
            try expect(.leftParen)
            let a = try parseDurationExpr(minPrecedence: 1)
            try expect(.comma)
            let b = try parseDurationExpr(minPrecedence: 1)
            let close = try expect(.rightParen)
            let span = SourceSpan(start: t.start, end: close.end)
            return text(t).lowercased() == "min_of" ? .minOf(a, b, span) : .maxOf(a, b, span)
        default:
            try unexpected()
        }
    }

    /// The duration after `offset`: one (optionally signed) literal, `step()`, `range()`, `min_of`/`max_of`
    /// call or parenthesised duration expression. `foo offset 2 ^ 2` is `(foo offset 2) ^ 2`.
    func parseOffsetDuration() throws -> DurationExpr {
        let signToken: Token? = (peek.kind == .add || peek.kind == .sub) ? advance() : nil
        let atom = try parseDurationAtom()
        if case .number(var n) = atom {
            if signToken?.kind == .sub { n.value = -n.value }
            n.span.start = signToken?.start ?? n.span.start
            n.isDuration = true
            if abs(n.value) > ParseState.maxDurationSeconds { addError("duration out of range", n.span) }
            return .number(n)
        }
        guard let sign = signToken else { return atom }
        if case .paren = atom, sign.kind == .add { return atom }
        return .unary(sign.kind == .sub ? .minus : .plus, atom, SourceSpan(start: sign.start, end: atom.span.end))
    }
}
