import GoCompat
import PromModel
import RE2

// MARK: - Vector selectors

extension ParseState {
    /// `name`, `name{…}` or `{…}`. With `nameToken`, that token is next and is the metric name.
    func parseVectorSelector(nameToken: Token?) throws -> VectorSelector {
        var name = ""
        var span = peek.span
        if let t = nameToken {
            advance()
            name = text(t)
        }
        var matchers: [LabelMatcher] = []
        if peek.kind == .leftBrace {
            advance()
            try parseMatchers(into: &matchers)
            span.end = tokens[index - 1].end
        }
        if !name.isEmpty, let m = try? LabelMatcher(.equal, Label.metricName, name) { matchers.append(m) }
        return VectorSelector(name: name, matchers: matchers, span: span)
    }

    /// The inside of `{…}` after the brace, up to and including `}`.
    func parseMatchers(into matchers: inout [LabelMatcher]) throws {
        if peek.kind == .rightBrace { advance(); return }
        while true {
            let t = peek
            var labelName: String
            switch t.kind {
            case .identifier:
                advance()
                labelName = text(t)
                guard let op = matchOp(peek.kind) else {
                    try unexpected(context: "label matching", expected: "label matching operator")
                }
                advance()
                try appendMatcher(op, labelName, from: t, into: &matchers)
            case .string:
                advance()
                labelName = unquote(t)
                if let op = matchOp(peek.kind) {
                    advance()
                    try appendMatcher(op, labelName, from: t, into: &matchers)
                } else if let m = try? LabelMatcher(.equal, Label.metricName, labelName) {
                    matchers.append(m)
                }
            default:
                try unexpected(context: "label matching", expected: "identifier or \"}\"")
            }
            if peek.kind == .comma {
                advance()
                if peek.kind == .rightBrace { advance(); return }
                continue
            }
            if peek.kind == .rightBrace { advance(); return }
            try unexpected(context: "label matching", expected: "\",\" or \"}\"")
        }
    }

    func matchOp(_ kind: TokenKind) -> LabelMatcher.MatchType? {
        switch kind {
        case .assign: return .equal
        case .neq: return .notEqual
        case .eqlRegex: return .regexMatch
        case .neqRegex: return .regexNoMatch
        default: return nil
        }
    }

    func appendMatcher(_ op: LabelMatcher.MatchType, _ name: String, from labelToken: Token,
                       into matchers: inout [LabelMatcher]) throws {
        guard peek.kind == .string else { try unexpected(context: "label matching", expected: "string") }
        let valueToken = advance()
        let value = unquote(valueToken)
        do {
            matchers.append(try RegexMatcherCache.shared.matcher(op, name, value))
        } catch let error as RegexSyntaxError {
            addError(error.description, SourceSpan(start: labelToken.start, end: valueToken.end))
        } catch {
            addError("\(error)", SourceSpan(start: labelToken.start, end: valueToken.end))
        }
    }

    // MARK: - Postfix modifiers

    /// Applies `[range]`, `[range:step]`, `offset`, `@`, `anchored` and `smoothed` after a primary.
    func parsePostfix(_ base: Expr) throws -> Expr {
        var e = base
        while true {
            switch peek.kind {
            case .leftBracket: e = try parseRangeOrSubquery(e)
            case .offset: e = try parseOffset(e)
            case .at: e = try parseAt(e)
            case .anchored, .smoothed: e = applyExtendedModifier(e, advance())
            default: return e
            }
        }
    }

    func parseRangeOrSubquery(_ e: Expr) throws -> Expr {
        let open = advance()
        guard isDurationStart(peek) else {
            try unexpected(context: "subquery or range selector", expected: "number, duration, step(), or range()")
        }
        let range = try parsePositiveDuration()
        if peek.kind == .rightBracket {
            let close = advance()
            let bracketSpan = SourceSpan(start: open.start, end: close.end)
            guard case .vectorSelector(let vs) = e else {
                addError("ranges only allowed for vector selectors", bracketSpan)
                return e
            }
            if let offset = vs.offset, offset.constantMilliseconds != 0 {
                addError("no offset modifiers allowed before range", bracketSpan)
            } else if vs.at != nil {
                addError("no @ modifiers allowed before range", bracketSpan)
            }
            return .matrixSelector(MatrixSelector(vectorSelector: vs, range: range,
                                                  span: SourceSpan(start: e.span.start, end: close.end)))
        }
        guard peek.kind == .colon else { try unexpected(context: "subquery or range", expected: "\":\" or \"]\"") }
        advance()
        var step: DurationExpr?
        if peek.kind != .rightBracket {
            guard isDurationStart(peek) else {
                try unexpected(context: "subquery selector", expected: "number, duration, step(), range(), or \"]\"")
            }
            step = try parsePositiveDuration()
        }
        let close = try expect(.rightBracket, context: "subquery selector", expected: "\"]\"")
        return .subquery(SubqueryExpr(expr: e, range: range, step: step,
                                      span: SourceSpan(start: e.span.start, end: close.end)))
    }

    func parseOffset(_ e: Expr) throws -> Expr {
        advance()
        guard isOffsetStart(peek) else {
            try unexpected(context: "offset", expected: "number, duration, step(), or range()")
        }
        let offset = try parseOffsetDuration()
        let end = tokens[index - 1].end
        func alreadySet(_ existing: DurationExpr?) -> Bool {
            guard let existing else { return false }
            return existing.constantMilliseconds != 0
        }
        let multiple = "offset may not be set multiple times"
        switch e {
        case .vectorSelector(var vs):
            if alreadySet(vs.offset) { addError(multiple, e.span); return e }
            vs.offset = offset
            vs.span.end = end
            return .vectorSelector(vs)
        case .matrixSelector(var m):
            if alreadySet(m.vectorSelector.offset) { addError(multiple, e.span); return e }
            m.vectorSelector.offset = offset
            m.span.end = end
            return .matrixSelector(m)
        case .subquery(var s):
            if alreadySet(s.offset) { addError(multiple, e.span); return e }
            s.offset = offset
            s.span.end = end
            return .subquery(s)
        default:
            addError("offset modifier must be preceded by an instant vector selector or range vector selector "
                     + "or a subquery", e.span)
            return e
        }
    }

    func parseAt(_ e: Expr) throws -> Expr {
        advance()
        let at: AtModifier
        switch peek.kind {
        case .start, .end:
            let which = advance()
            try expect(.leftParen, context: "@", expected: "timestamp")
            try expect(.rightParen, context: "@", expected: "timestamp")
            at = which.kind == .start ? .start : .end
        case .add, .sub, .number, .duration:
            let ts = try parseSignedNumber(context: "@", expected: "timestamp")
            if !ts.isFinite || ts >= 9.223372036854775807e18 || ts <= -9.223372036854775808e18 {
                addError("timestamp out of bounds for @ modifier: \(GoFloatFormat.fixed6(ts))", e.span)
            }
            let ms = (ts * 1000).rounded()
            let clamped: Int64 = ms.isNaN ? 0 : (ms >= 9.2e18 ? Int64.max : (ms <= -9.2e18 ? Int64.min : Int64(ms)))
            at = .timestamp(milliseconds: clamped)
        default:
            try unexpected(context: "@", expected: "timestamp")
        }
        let end = tokens[index - 1].end
        let multiple = "@ <timestamp> may not be set multiple times"
        switch e {
        case .vectorSelector(var vs):
            if vs.at != nil { addError(multiple, e.span); return e }
            vs.at = at
            vs.span.end = end
            return .vectorSelector(vs)
        case .matrixSelector(var m):
            if m.vectorSelector.at != nil { addError(multiple, e.span); return e }
            m.vectorSelector.at = at
            m.span.end = end
            return .matrixSelector(m)
        case .subquery(var s):
            if s.at != nil { addError(multiple, e.span); return e }
            s.at = at
            s.span.end = end
            return .subquery(s)
        default:
            addError("@ modifier must be preceded by an instant vector selector or range vector selector or a "
                     + "subquery", e.span)
            return e
        }
    }

    func applyExtendedModifier(_ e: Expr, _ t: Token) -> Expr {
        let word = t.kind == .anchored ? "anchored" : "smoothed"
        guard options.enableExtendedRangeSelectors else {
            addError("\(word) modifier is experimental and not enabled", t.span)
            return e
        }
        switch e {
        case .vectorSelector(var vs):
            if t.kind == .anchored { vs.anchored = true } else { vs.smoothed = true }
            vs.span.end = t.end
            return .vectorSelector(vs)
        case .matrixSelector(var m):
            if t.kind == .anchored { m.vectorSelector.anchored = true } else { m.vectorSelector.smoothed = true }
            m.span.end = t.end
            return .matrixSelector(m)
        default:
            addError("\(word) modifier must be preceded by an instant vector selector or range vector selector",
                     e.span)
            return e
        }
    }
}
