import GoCompat

// MARK: - Pipelines, commands and operands

extension TemplateParser {
    /// A pipeline up to `end` (`}}` or `)`), with optional `$x :=`, `$x =` or `$i, $v :=` declarations.
    mutating func pipeline(context: String, end: TemplateToken.Kind) throws(TemplateError) -> TemplatePipeline {
        let start = peekNonSpace()
        var pipe = TemplatePipeline(position: position(start), isAssign: false, declarations: [], commands: [])
        var declarations: [String] = []
        declarationLoop: while true {
            let save = index
            guard peekNonSpace().kind == .variable else { break }
            let variable = next()
            let following = peekNonSpace()
            switch following.kind {
            case .assign, .declare:
                _ = next()
                pipe.isAssign = following.kind == .assign
                if pipe.isAssign && !variables.contains(variable.text) {
                    throw error("undefined variable \(GoQuoting.quote(variable.text))", at: variable)
                }
                declarations.append(variable.text)
                break declarationLoop
            case .otherChar where following.text == ",":
                _ = next()
                declarations.append(variable.text)
                if context == "range" && declarations.count < 2 {
                    let after = peekNonSpace()
                    guard after.kind == .variable else { throw error("range can only initialize variables", at: after) }
                    continue declarationLoop
                }
                throw error("too many declarations in \(context)", at: following)
            default:
                // `$x foo`: the variable is an operand, not a declaration.
                index = save
                if !declarations.isEmpty { declarations.removeLast(); index = save }
                break declarationLoop
            }
        }
        pipe.declarations = declarations
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                guard !pipe.commands.isEmpty else { throw error("missing value for \(context)", at: token) }
                for (i, cmd) in pipe.commands.enumerated().dropFirst() {
                    switch cmd.args.first {
                    case .literal, .dot, .nilValue:
                        throw error("non executable command in pipeline stage \(i + 1)", at: token)
                    default:
                        break
                    }
                }
                if !pipe.isAssign { variables.append(contentsOf: pipe.declarations) }
                return pipe
            case .bool, .char, .dot, .field, .identifier, .number, .nilValue, .rawString, .string, .variable, .leftParen:
                backup()
                pipe.commands.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    /// Operands separated by spaces, up to `|`, `}}` or `)`.
    mutating func command() throws(TemplateError) -> TemplateCommand {
        let start = peekNonSpace()
        var cmd = TemplateCommand(position: position(start), args: [])
        loop: while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                continue loop
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                throw unexpected(token, "operand")
            }
            break loop
        }
        guard !cmd.args.isEmpty else { throw error("empty command", at: peek()) }
        return cmd
    }

    /// A term followed by `.Field` accesses.
    mutating func operand() throws(TemplateError) -> TemplateOperand? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().text.dropFirst())) }
        switch term {
        case .field(let base, let p): return .field(base + fields, p)
        case .variable(let name, let base, let p): return .variable(name, base + fields, p)
        case .literal(_, let text, _):
            throw error("unexpected . after term \(GoQuoting.quote(text))", at: peek())
        case .nilValue, .dot:
            throw error("unexpected . after term \(GoQuoting.quote(term.source))", at: peek())
        default:
            return .chain(term, fields, term.position)
        }
    }

    /// One term, or nil (the token is left unread) when the next token cannot start one.
    mutating func term() throws(TemplateError) -> TemplateOperand? {
        let token = nextNonSpace()
        let pos = position(token)
        switch token.kind {
        case .identifier:
            guard functionNames.contains(token.text) else {
                throw error("function \(GoQuoting.quote(token.text)) not defined", at: token)
            }
            return .identifier(token.text, pos)
        case .dot:
            return .dot(pos)
        case .nilValue:
            return .nilValue(pos)
        case .variable:
            let base = token.text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? token.text
            guard variables.contains(base) else {
                throw error("undefined variable \(GoQuoting.quote(base))", at: token)
            }
            return .variable(base, [], pos)
        case .field:
            return .field([String(token.text.dropFirst())], pos)
        case .bool:
            return .literal(.bool(token.text == "true"), token.text, pos)
        case .number:
            guard let value = TemplateNumber.parse(token.text) else {
                throw error("bad number syntax: \(GoQuoting.quote(token.text))", at: token)
            }
            return .literal(value, token.text, pos)
        case .char:
            guard let s = GoQuoting.unquote(token.text), let scalar = s.unicodeScalars.first else {
                throw error("malformed character constant: \(token.text)", at: token)
            }
            return .literal(.int(Int(scalar.value)), token.text, pos)
        case .string, .rawString:
            guard let s = GoQuoting.unquote(token.text) else { throw error("invalid syntax", at: token) }
            return .literal(.string(s), token.text, pos)
        case .leftParen:
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw error("max expression depth exceeded", at: token) }
            let pipe = try pipeline(context: "parenthesized pipeline", end: .rightParen)
            return .pipeline(pipe, pos)
        default:
            backup()
            return nil
        }
    }
}
