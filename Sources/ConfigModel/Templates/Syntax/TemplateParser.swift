import GoCompat

/// Parses template text into a tree per template: the top-level one and each `{{define}}`/`{{block}}`,
/// following Go's text/template grammar and error wording.
struct TemplateParser {
    /// What parsing produced: the top-level nodes and the definitions, by name.
    struct Result {
        var root: [TemplateNode]
        var definitions: [String: [TemplateNode]]
    }

    let name: String
    let functionNames: Set<String>
    var tokens: [TemplateToken]
    var index = 0
    /// Variables visible at this point (`$` first).
    var variables: [String] = ["$"]
    private var rangeDepth = 0
    var depth = 0
    private var actionLine = 0
    private var definitions: [String: [TemplateNode]] = [:]

    static let maxDepth = 100

    init(text: String, name: String, functionNames: Set<String>, predeclared: [String] = []) {
        self.name = name
        self.functionNames = functionNames
        self.tokens = TemplateLexer.tokenize(text)
        self.variables += predeclared
    }

    /// Parses the whole text; `predeclared` variables (`$labels`) are visible at the top level.
    static func parse(_ text: String, name: String, functionNames: Set<String>,
                      predeclared: [String] = []) throws(TemplateError) -> Result {
        var parser = TemplateParser(text: text, name: name, functionNames: functionNames, predeclared: predeclared)
        return try parser.parseAll()
    }

    // MARK: - Token access

    func peek(_ offset: Int = 0) -> TemplateToken {
        let i = index + offset
        if i < tokens.count { return tokens[i] }
        return tokens.last ?? TemplateToken(kind: .eof, text: "", line: 1, column: 1)
    }

    mutating func next() -> TemplateToken {
        let t = peek()
        if index < tokens.count { index += 1 }
        return t
    }

    mutating func backup(_ n: Int = 1) { index = max(0, index - n) }

    mutating func peekNonSpace() -> TemplateToken {
        while peek().kind == .space { index += 1 }
        return peek()
    }

    mutating func nextNonSpace() -> TemplateToken {
        _ = peekNonSpace()
        return next()
    }

    func position(_ t: TemplateToken) -> TemplatePosition { TemplatePosition(line: t.line, column: t.column) }

    // MARK: - Errors

    func error(_ message: String, at token: TemplateToken) -> TemplateError {
        TemplateError(message, name: name, line: token.line, column: token.column, phase: .parse)
    }

    /// Go's `unexpected(token, context)`; lexer errors are reported as themselves.
    func unexpected(_ token: TemplateToken, _ context: String) -> TemplateError {
        if token.kind == .error {
            var message = token.text
            if actionLine != 0 && actionLine != token.line {
                message += (message.hasSuffix(" action") ? "" : " in action") + " started at \(name):\(actionLine)"
            }
            return error(message, at: token)
        }
        return error("unexpected \(token.goDescription) in \(context)", at: token)
    }

    mutating func expect(_ kind: TemplateToken.Kind, _ context: String) throws(TemplateError) -> TemplateToken {
        let token = nextNonSpace()
        guard token.kind == kind else { throw unexpected(token, context) }
        return token
    }

    // MARK: - Top level

    mutating func parseAll() throws(TemplateError) -> Result {
        var root: [TemplateNode] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                let word = nextNonSpace()
                if word.kind == .keyword && word.text == "define" {
                    actionLine = delim.line
                    try parseDefinition()
                    continue
                }
                index -= 1
                while index > 0 && tokens[index - 1].kind == .space { index -= 1 }
                index -= 1
            }
            let (node, marker) = try textOrAction()
            if let marker { throw error("unexpected \(marker.text)", at: marker.token) }
            if let node { root.append(node) }
        }
        if case .error = peek().kind { throw unexpected(peek(), "input") }
        return Result(root: root, definitions: definitions)
    }

    /// `{{define "name"}} … {{end}}`.
    private mutating func parseDefinition() throws(TemplateError) {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, context) }
        guard let defined = GoQuoting.unquote(nameToken.text) else { throw error("invalid syntax", at: nameToken) }
        _ = try expect(.rightDelim, context)
        let saved = variables
        variables = ["$"]
        let (list, end) = try itemList()
        variables = saved
        guard end.text == "{{end}}" else { throw error("unexpected \(end.text) in \(context)", at: end.token) }
        addDefinition(defined, list)
    }

    private mutating func addDefinition(_ defined: String, _ list: [TemplateNode]) {
        // As in Go, an empty redefinition does not replace a non-empty one.
        if let existing = definitions[defined], !existing.isEmpty, Self.isEmpty(list) { return }
        definitions[defined] = list
    }

    static func isEmpty(_ list: [TemplateNode]) -> Bool {
        list.allSatisfy { node in
            if case .text(let t) = node { return t.allSatisfy(\.isWhitespace) }
            return false
        }
    }

    // MARK: - Lists

    /// A `{{end}}` or `{{else}}` that ends a list.
    struct Marker {
        var text: String
        var token: TemplateToken
    }

    /// Nodes up to the next `{{end}}` or `{{else}}`.
    mutating func itemList() throws(TemplateError) -> ([TemplateNode], Marker) {
        var list: [TemplateNode] = []
        while peekNonSpace().kind != .eof {
            if peek().kind == .error { throw unexpected(peek(), "input") }
            let (node, marker) = try textOrAction()
            if let marker { return (list, marker) }
            if let node { list.append(node) }
        }
        throw error("unexpected EOF", at: peek())
    }

    mutating func textOrAction() throws(TemplateError) -> (TemplateNode?, Marker?) {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return (.text(token.text), nil)
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        default:
            throw unexpected(token, "input")
        }
    }

    // MARK: - Actions

    private mutating func action() throws(TemplateError) -> (TemplateNode?, Marker?) {
        let token = nextNonSpace()
        if token.kind == .keyword {
            switch token.text {
            case "block": return (try blockControl(token), nil)
            case "break", "continue":
                guard rangeDepth > 0 else { throw error("{{\(token.text)}} outside {{range}}", at: token) }
                let close = nextNonSpace()
                guard close.kind == .rightDelim else { throw unexpected(close, "{{\(token.text)}}") }
                return (token.text == "break" ? .breakNode(position(token)) : .continueNode(position(token)), nil)
            case "else":
                let peeked = peekNonSpace()
                if peeked.kind == .keyword && (peeked.text == "if" || peeked.text == "with") {
                    return (nil, Marker(text: "{{else}}", token: token))
                }
                _ = try expect(.rightDelim, "else")
                return (nil, Marker(text: "{{else}}", token: token))
            case "end":
                _ = try expect(.rightDelim, "end")
                return (nil, Marker(text: "{{end}}", token: token))
            case "if", "range", "with":
                return (try control(token.text, at: token), nil)
            case "template":
                return (try templateControl(token), nil)
            case "define":
                throw error("unexpected <define> in command", at: token)
            default:
                break
            }
        }
        backup()
        let pipe = try pipeline(context: "command", end: .rightDelim)
        return (.action(pipe), nil)
    }

    /// `if`, `range`, `with` with their `else`, `else if` and `else with` branches.
    private mutating func control(_ context: String, at token: TemplateToken) throws(TemplateError) -> TemplateNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("max nesting depth exceeded", at: token) }
        let savedVariables = variables.count
        defer { variables.removeSubrange(min(savedVariables, variables.count)...) }
        let pipe = try pipeline(context: context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, first) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: [TemplateNode]?
        if first.text == "{{else}}" {
            let peeked = peekNonSpace()
            if context != "range" && peeked.kind == .keyword && peeked.text == context {
                let keyword = next()
                elseList = [try control(context, at: keyword)]
            } else {
                if peeked.kind == .keyword && (peeked.text == "if" || peeked.text == "with") {
                    throw unexpected(peeked, "else")
                }
                let (l, end) = try itemList()
                guard end.text == "{{end}}" else { throw error("expected end; found \(end.text)", at: end.token) }
                elseList = l
            }
        }
        let branch = TemplateBranch(position: position(token), pipeline: pipe, list: list, elseList: elseList)
        switch context {
        case "if": return .ifNode(branch)
        case "range": return .rangeNode(branch)
        default: return .withNode(branch)
        }
    }

    /// `{{template "name" pipeline}}`.
    private mutating func templateControl(_ token: TemplateToken) throws(TemplateError) -> TemplateNode {
        let context = "template clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, context) }
        guard let called = GoQuoting.unquote(nameToken.text) else { throw error("invalid syntax", at: nameToken) }
        var pipe: TemplatePipeline?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context: context, end: .rightDelim)
        }
        return .templateCall(name: called, pipeline: pipe, position: position(token))
    }

    /// `{{block "name" pipeline}} body {{end}}`: defines `name` and calls it.
    private mutating func blockControl(_ token: TemplateToken) throws(TemplateError) -> TemplateNode {
        let context = "block clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, context) }
        guard let called = GoQuoting.unquote(nameToken.text) else { throw error("invalid syntax", at: nameToken) }
        let pipe = try pipeline(context: context, end: .rightDelim)
        let saved = variables
        variables = ["$"]
        let (list, end) = try itemList()
        variables = saved
        guard end.text == "{{end}}" else { throw error("unexpected \(end.text) in \(context)", at: end.token) }
        addDefinition(called, list)
        return .templateCall(name: called, pipeline: pipe, position: position(token))
    }
}
