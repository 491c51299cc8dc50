/// The PromQL parser: lexes, parses and type-checks a query into an `Expr`.
///
/// ```swift
/// let expr = try Parser(options: .allExperimental).parseExpr("sum by (job) (rate(x[5m]))")
/// ```
/// Errors are thrown as `ParseErrors` whose description is Prometheus's `line:col: parse error: message`.
public struct Parser: Sendable {
    public var options: ParserOptions

    /// A parser with the given feature flags (experimental functions, duration expressions).
    public init(options: ParserOptions = .standard) {
        self.options = options
    }

    /// Parses and type-checks `input`. Throws `ParseErrors`.
    public func parseExpr(_ input: String) throws -> Expr {
        let state = ParseState(input: input, options: options)
        return try state.run()
    }

    /// Parses `input`, returning the tree (when one could be built) and every issue found.
    public func parseWithIssues(_ input: String) -> (expr: Expr?, issues: [ParseIssue]) {
        let state = ParseState(input: input, options: options)
        do {
            let expr = try state.run()
            return (expr, [])
        } catch let errors as ParseErrors {
            return (nil, errors.issues)
        } catch {
            return (nil, [])
        }
    }
}

/// Thrown internally to unwind after a syntax error has been recorded.
struct SyntaxAbort: Error {}

/// The mutable state of one parse.
final class ParseState {
    let input: String
    let bytes: [UInt8]
    let options: ParserOptions
    let tokens: [Token]
    let lexError: String?
    var index = 0
    var errors: [ParseIssue] = []
    var depth = 0
    /// How many aggregation bodies are open (for Prometheus's "in aggregation" error context).
    var openAggregations = 0
    lazy var lineMap = LineMap(bytes: bytes)

    init(input: String, options: ParserOptions) {
        self.input = input
        self.options = options
        var lexer = Lexer(input)
        lexer.run()
        bytes = lexer.bytes
        tokens = lexer.tokens.filter { $0.kind != .comment }
        lexError = lexer.errorMessage
    }

    func run() throws -> Expr {
        var result: Expr?
        do {
            if peek.kind == .eof {
                addError("no expression found in input", SourceSpan(start: 0, end: 0))
                throw SyntaxAbort()
            }
            let expr = try parseExpr(minPrecedence: 1)
            if peek.kind != .eof { try unexpected() }
            result = expr
        } catch is SyntaxAbort {
            result = nil
        }
        if errors.isEmpty, let expr = result {
            var checker = TypeChecker(state: self)
            let checked = checker.check(expr)
            if errors.isEmpty { return checked }
        }
        throw ParseErrors(issues: errors, query: input)
    }

    // MARK: - Tokens

    var peek: Token { index < tokens.count ? tokens[index] : Token(kind: .eof, start: bytes.count, end: bytes.count) }

    func peek(_ offset: Int) -> Token {
        let i = index + offset
        return i < tokens.count ? tokens[i] : Token(kind: .eof, start: bytes.count, end: bytes.count)
    }

    @discardableResult func advance() -> Token {
        let t = peek
        if index < tokens.count { index += 1 }
        return t
    }

    func text(_ t: Token) -> String {
        String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    func text(_ span: SourceSpan) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }

    /// Consumes a token of `kind` or reports it unexpected.
    @discardableResult func expect(_ kind: TokenKind, context: String = "", expected: String = "") throws -> Token {
        if peek.kind == kind { return advance() }
        try unexpected(context: context, expected: expected)
    }

    // MARK: - Errors

    func addError(_ message: String, _ span: SourceSpan, hints: [String] = []) {
        let (line, column) = lineMap.position(of: span.start)
        errors.append(ParseIssue(message: message, span: span, line: line, column: column, hints: hints))
    }

    /// Reports the next token as unexpected (Prometheus's `unexpected(context, expected)`) and aborts.
    func unexpected(context: String = "", expected: String = "") throws -> Never {
        let t = peek
        if t.kind == .error {
            addError(lexError ?? "lexer error", SourceSpan(start: t.start, end: bytes.count))
            throw SyntaxAbort()
        }
        var message = "unexpected " + describe(t)
        var context = context
        if context.isEmpty && openAggregations > 0 && expected.isEmpty { context = "aggregation" }
        if !context.isEmpty { message += " in " + context }
        if !expected.isEmpty { message += ", expected " + expected }
        var hints: [String] = []
        if (t.kind == .by || t.kind == .without), context == "aggregation", openAggregations > 0 {
            // `sum(rate(x[5m]) by (le)`: the grouping was meant for the aggregation, after its `)`.
            let word = text(t)
            hints.append("a `)` may be missing before `\(word)`: `\(word) (…)` goes after the aggregation's "
                         + "closing parenthesis, as in sum(rate(x[5m])) \(word) (le)")
        }
        addError(message, t.span, hints: hints)
        throw SyntaxAbort()
    }

    /// A token as Prometheus's `Item.desc()` names it.
    func describe(_ t: Token) -> String {
        let value = text(t)
        switch t.kind {
        case .eof: return "end of input"
        case .identifier: return "identifier " + GoQuote.string(value)
        case .metricIdentifier: return "metric identifier " + GoQuote.string(value)
        case .number: return "number " + shortQuote(value)
        case .duration: return "duration " + shortQuote(value)
        case .string: return "string " + shortQuote(value)
        default:
            if t.kind.isKeyword { return "<\(value)>" }
            if t.kind.isOperator { return "<op:\(value)>" }
            if t.kind.isAggregator { return "<aggr:\(value)>" }
            return shortQuote(value)
        }
    }

    /// Go's `%.10q...` for long values, `%q` otherwise.
    func shortQuote(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard scalars.count > 10 else { return GoQuote.string(value) }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars.prefix(10))
        return GoQuote.string(String(head)) + "..."
    }

    // MARK: - Depth

    func enter() throws {
        depth += 1
        if depth > options.maxDepth {
            addError("expression nesting too deep (more than \(options.maxDepth) levels)", peek.span)
            throw SyntaxAbort()
        }
    }

    func leave(_ n: Int = 1) { depth -= n }
}
