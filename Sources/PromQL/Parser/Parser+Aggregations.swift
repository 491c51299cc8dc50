// MARK: - Aggregations and grouping labels

extension ParseState {
    /// `op [by|without (…)] ( [param,] expr ) [by|without (…)]`; the operator token is next.
    func parseAggregation() throws -> Expr {
        let opToken = advance()
        guard let op = AggregationOp(token: opToken.kind) else { try unexpected() }
        var grouping: [String] = []
        var without = false
        var modifierBefore = false
        if peek.kind == .by || peek.kind == .without {
            without = advance().kind == .without
            grouping = try parseGroupingLabels()
            modifierBefore = true
        }
        if peek.kind != .leftParen { try unexpected(context: "aggregation") }
        openAggregations += 1
        let body: ([Expr], Int)
        do {
            body = try parseCallBody()
        } catch {
            openAggregations -= 1
            throw error
        }
        openAggregations -= 1
        var end = body.1
        if !modifierBefore && (peek.kind == .by || peek.kind == .without) {
            without = advance().kind == .without
            grouping = try parseGroupingLabels()
            end = tokens[index - 1].end
        }
        let span = SourceSpan(start: opToken.start, end: end)
        let args = body.0
        let placeholder = Expr.number(NumberLiteral(value: 0, span: span))
        func node(_ expr: Expr, _ param: Expr?) -> Expr {
            .aggregate(AggregateExpr(op: op, expr: expr, param: param, grouping: grouping, without: without,
                                     span: span))
        }
        if args.isEmpty {
            addError("no arguments for aggregate expression provided", span)
            return node(placeholder, nil)
        }
        var desired = 1
        var param: Expr?
        if op.hasParameter {
            if op.isExperimental && !options.enableExperimentalFunctions {
                addError("\(op.rawValue)() is experimental and must be enabled with "
                         + "--enable-feature=promql-experimental-functions", span)
                return node(placeholder, nil)
            }
            desired = 2
            param = args[0]
        }
        if args.count != desired {
            addError("wrong number of arguments for aggregate expression provided, expected \(desired), got "
                     + "\(args.count)", span)
            return node(placeholder, param)
        }
        return node(args[desired - 1], param)
    }

    /// `( label, label, … )` with an optional trailing comma; labels may be keywords or quoted strings.
    func parseGroupingLabels() throws -> [String] {
        if peek.kind != .leftParen { try unexpected(context: "grouping opts", expected: "\"(\"") }
        advance()
        var labels: [String] = []
        if peek.kind == .rightParen { advance(); return labels }
        while true {
            let t = peek
            if t.kind == .string {
                advance()
                let name = unquote(t)
                if name.isEmpty { addError("invalid label name for grouping: \(GoQuote.string(name))", t.span) }
                labels.append(name)
            } else if t.kind.canBeGroupingLabel {
                advance()
                labels.append(text(t))
            } else {
                try unexpected(context: "grouping opts", expected: "label")
            }
            if peek.kind == .comma {
                advance()
                if peek.kind == .rightParen { advance(); return labels }
                continue
            }
            if peek.kind == .rightParen { advance(); return labels }
            try unexpected(context: "grouping opts", expected: "\",\" or \")\"")
        }
    }
}
