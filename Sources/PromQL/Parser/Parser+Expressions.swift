import PromModel

// MARK: - Binary and unary expressions

extension ParseState {
    /// Precedence climbing over binary operators; `^` is right-associative.
    ///
    /// The depth limit counts nesting (parentheses, calls, aggregations, unary signs, right operands
    /// that recurse), not the length of a left-associative chain: `a + a + … + a` is built in the loop
    /// below however long it is, as Prometheus's parser accepts it. Every walker of the tree folds such
    /// chains over their left spine (`BinarySpine`) instead of recursing once per term.
    func parseExpr(minPrecedence: Int) throws -> Expr {
        try enter()
        defer { leave() }
        var lhs = try parseUnary()
        while let op = BinaryOperator(token: peek.kind), op.precedence >= minPrecedence {
            advance()
            let modifiers = try parseBinaryModifiers()
            let next = op.isRightAssociative ? op.precedence : op.precedence + 1
            let rhs = try parseExpr(minPrecedence: next)
            lhs = .binary(BinaryExpr(op: op, lhs: lhs, rhs: rhs, matching: modifiers.matching,
                                     returnBool: modifiers.returnBool,
                                     span: SourceSpan.merge(lhs.span, rhs.span)))
        }
        return lhs
    }

    /// `+expr` / `-expr`, binding like `*` (so `-a ^ b` is `-(a ^ b)` and `-a * b` is `(-a) * b`).
    /// Signs on number literals are folded into the literal.
    func parseUnary() throws -> Expr {
        let t = peek
        guard t.kind == .add || t.kind == .sub else { return try parsePostfix(try parsePrimary()) }
        advance()
        let operand = try parseExpr(minPrecedence: BinaryOperator.pow.precedence)
        if case .number(var n) = operand {
            if t.kind == .sub { n.value = -n.value }
            n.span.start = t.start
            return .number(n)
        }
        let span = SourceSpan(start: t.start, end: operand.span.end)
        return .unary(UnaryExpr(op: t.kind == .sub ? .minus : .plus, expr: operand, span: span))
    }

    // MARK: - Binary modifiers

    struct BinaryModifiers {
        var returnBool = false
        var matching: VectorMatching?
    }

    /// `bool`, `on(…)`/`ignoring(…)`, `group_left(…)`/`group_right(…)` and `fill…(v)` after an operator.
    func parseBinaryModifiers() throws -> BinaryModifiers {
        var result = BinaryModifiers()
        var matching = VectorMatching()
        if peek.kind == .bool {
            advance()
            result.returnBool = true
        }
        if peek.kind == .on || peek.kind == .ignoring {
            matching.on = advance().kind == .on
            matching.matchingLabels = try parseGroupingLabels()
            if peek.kind == .groupLeft || peek.kind == .groupRight {
                matching.cardinality = advance().kind == .groupLeft ? .manyToOne : .oneToMany
                if peek.kind == .leftParen { matching.include = try parseGroupingLabels() }
            }
        }
        if options.enableBinopFillModifiers { try parseFillModifiers(into: &matching.fill) }
        result.matching = matching
        return result
    }

    func parseFillModifiers(into fill: inout FillValues) throws {
        while peek.kind == .identifier, peek(1).kind == .leftParen {
            let which = text(peek)
            guard which == "fill" || which == "fill_left" || which == "fill_right" else { return }
            advance()
            advance()
            let value = try parseSignedNumber(context: "fill modifier", expected: "number")
            try expect(.rightParen, context: "fill modifier", expected: "\")\"")
            switch which {
            case "fill": fill.lhs = value; fill.rhs = value
            case "fill_left": fill.lhs = value
            default: fill.rhs = value
            }
        }
    }

    /// `[+|-] number|duration` as a float (durations in seconds).
    func parseSignedNumber(context: String, expected: String) throws -> Double {
        var sign = 1.0
        if peek.kind == .add || peek.kind == .sub {
            sign = advance().kind == .sub ? -1 : 1
        }
        switch peek.kind {
        case .number: return sign * numberValue(advance())
        case .duration: return sign * durationSeconds(advance())
        default: try unexpected(context: context, expected: expected)
        }
    }

    // MARK: - Primary expressions

    func parsePrimary() throws -> Expr {
        let t = peek
        switch t.kind {
        case .number:
            advance()
            return .number(NumberLiteral(value: numberValue(t), span: t.span))
        case .duration:
            advance()
            return .number(NumberLiteral(value: durationSeconds(t), isDuration: true, span: t.span))
        case .string:
            advance()
            return .string(StringLiteral(bytes: unquotedBytes(t), span: t.span))
        case .leftParen:
            advance()
            let inner = try parseExpr(minPrecedence: 1)
            let close = try expect(.rightParen)
            return .paren(ParenExpr(expr: inner, span: SourceSpan(start: t.start, end: close.end)))
        case .leftBrace:
            return .vectorSelector(try parseVectorSelector(nameToken: nil))
        case .identifier:
            if peek(1).kind == .leftParen { return try parseCall(name: text(t)) }
            return .vectorSelector(try parseVectorSelector(nameToken: t))
        case .start, .end, .step, .range:
            if peek(1).kind == .leftParen { return try parseCall(name: text(t).lowercased()) }
            return .vectorSelector(try parseVectorSelector(nameToken: t))
        default:
            if t.kind.isAggregator {
                let next = peek(1).kind
                if next == .leftParen || next == .by || next == .without { return try parseAggregation() }
            }
            if t.kind.canBeMetricName { return .vectorSelector(try parseVectorSelector(nameToken: t)) }
            try unexpected()
        }
    }

    /// `name(args…)`; the name token is next.
    func parseCall(name: String) throws -> Expr {
        let nameToken = advance()
        let (args, close) = try parseCallBody()
        let span = SourceSpan(start: nameToken.start, end: close)
        var function = FunctionTable.all[name]
        if function == nil {
            addError("unknown function with name \(GoQuote.string(name))", nameToken.span)
        } else if function?.isExperimental == true && !options.enableExperimentalFunctions {
            addError("function \(GoQuote.string(name)) is not enabled", nameToken.span)
        }
        if function == nil { function = FunctionSignature(name, [], .none) }
        return .call(Call(function: function ?? FunctionSignature(name, [], .none), args: args, span: span))
    }

    /// `( expr, expr, … )`; returns the arguments and the end offset of `)`.
    func parseCallBody() throws -> ([Expr], Int) {
        try expect(.leftParen)
        var args: [Expr] = []
        if peek.kind == .rightParen { return (args, advance().end) }
        while true {
            args.append(try parseExpr(minPrecedence: 1))
            if peek.kind == .comma {
                let comma = advance()
                if peek.kind == .rightParen {
                    addError("trailing commas not allowed in function call args", comma.span)
                    return (args, advance().end)
                }
                continue
            }
            if peek.kind == .rightParen { return (args, advance().end) }
            try unexpected()
        }
    }
}
