import GoCompat

/// Runs a parsed template over a data value with Go's text/template semantics: variables and their
/// scopes, `if`/`with`/`range` (maps in key order), `break`/`continue`, `{{template}}` calls, and the
/// limits that turn a hostile template into an error.
struct TemplateExecutor {
    /// How a list walk ended.
    enum Flow {
        case normal, breakLoop, continueLoop
    }

    let definitions: [String: [TemplateNode]]
    let functions: FunctionSet
    let options: TemplateExecutionOptions
    /// The top-level template's name (used in error messages, as Go's ParseName).
    let rootName: String
    var templateName: String
    var output = ""
    var outputBytes = 0
    var steps = 0
    var callDepth = 0
    /// Nesting of control structures and template calls being walked (bounds the native stack).
    var nesting = 0
    static let maxNesting = 1000
    var variables: [(name: String, value: TemplateValue)] = []
    /// The node being evaluated and its position, for error messages (its source text is built
    /// only when an error is reported).
    enum ErrorContext {
        case text(String)
        case operand(TemplateOperand)
        case pipeline(TemplatePipeline)

        var source: String {
            switch self {
            case .text(let s): return s
            case .operand(let o): return o.source
            case .pipeline(let p): return p.source
            }
        }
    }

    var currentContext = ErrorContext.text("")
    var currentPosition = TemplatePosition(line: 1, column: 1)

    init(definitions: [String: [TemplateNode]], functions: FunctionSet, options: TemplateExecutionOptions, name: String) {
        self.definitions = definitions
        self.functions = functions
        self.options = options
        self.rootName = name
        self.templateName = name
    }

    /// Executes the template named `name` with `data` as dot and `$`.
    mutating func run(_ name: String, data: TemplateValue, variables extra: [(String, TemplateValue)] = []) throws(TemplateError) -> String {
        guard let list = definitions[name] else {
            throw TemplateError("no such template \(GoQuoting.quote(name))", name: name, line: 1, column: 1,
                                phase: .execute)
        }
        templateName = name
        variables = [("$", data)] + extra.map { (name: $0.0, value: $0.1) }
        _ = try walk(list, dot: data)
        return output
    }

    // MARK: - Errors

    func error(_ message: String) -> TemplateError {
        TemplateError(message, name: templateName, line: currentPosition.line, column: currentPosition.column,
                      phase: .execute, context: currentContext.source)
    }

    mutating func at(_ context: ErrorContext, _ position: TemplatePosition) {
        currentContext = context
        currentPosition = position
    }

    mutating func step() throws(TemplateError) {
        steps += 1
        if steps > options.maxSteps { throw error("template execution exceeded \(options.maxSteps) steps") }
    }

    mutating func write(_ s: String) throws(TemplateError) {
        outputBytes += s.utf8.count
        if outputBytes > options.maxOutputBytes {
            throw error("template output exceeds \(options.maxOutputBytes) bytes")
        }
        output += s
    }

    // MARK: - Variables

    func lookup(_ name: String) throws(TemplateError) -> TemplateValue {
        for v in variables.reversed() where v.name == name { return v.value }
        throw error("undefined variable: \(name)")
    }

    mutating func assign(_ name: String, _ value: TemplateValue) throws(TemplateError) {
        for i in variables.indices.reversed() where variables[i].name == name {
            variables[i].value = value
            return
        }
        throw error("undefined variable: \(name)")
    }

    // MARK: - Walking

    mutating func walk(_ list: [TemplateNode], dot: TemplateValue) throws(TemplateError) -> Flow {
        for node in list {
            let flow = try walk(node, dot: dot)
            if flow != .normal { return flow }
        }
        return .normal
    }

    mutating func walk(_ node: TemplateNode, dot: TemplateValue) throws(TemplateError) -> Flow {
        try step()
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { throw error("exceeded maximum nesting depth (\(Self.maxNesting))") }
        switch node {
        case .text(let text):
            try write(text)
        case .action(let pipe):
            let value = try evalPipeline(pipe, dot: dot)
            if pipe.declarations.isEmpty {
                at(.pipeline(pipe), pipe.position)
                try write(Self.printable(value))
            }
        case .ifNode(let branch):
            return try walkIfOrWith(branch, dot: dot, isWith: false)
        case .withNode(let branch):
            return try walkIfOrWith(branch, dot: dot, isWith: true)
        case .rangeNode(let branch):
            return try walkRange(branch, dot: dot)
        case .templateCall(let name, let pipe, let position):
            try callTemplate(name, pipe: pipe, position: position, dot: dot)
        case .breakNode:
            return .breakLoop
        case .continueNode:
            return .continueLoop
        }
        return .normal
    }

    /// How an action prints a value: `<no value>` for nil, `fmt.Print` otherwise.
    static func printable(_ value: TemplateValue) -> String {
        switch value {
        case .null: return "<no value>"
        case .string(let s): return s
        default: return GoValueFormatter.plain(value)
        }
    }

    private mutating func walkIfOrWith(_ branch: TemplateBranch, dot: TemplateValue, isWith: Bool) throws(TemplateError) -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(min(mark, variables.count)...) }
        let value = try evalPipeline(branch.pipeline, dot: dot)
        if value.isTruthy {
            return try walk(branch.list, dot: isWith ? value : dot)
        } else if let elseList = branch.elseList {
            return try walk(elseList, dot: dot)
        }
        return .normal
    }

    private mutating func walkRange(_ branch: TemplateBranch, dot: TemplateValue) throws(TemplateError) -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(min(mark, variables.count)...) }
        var pipe = branch.pipeline
        let declarations = pipe.declarations
        pipe.declarations = []
        let collection = try evalPipeline(pipe, dot: dot).underlying
        at(.pipeline(pipe), pipe.position)
        var items: [(key: TemplateValue, element: TemplateValue)] = []
        switch collection {
        case .list(let list):
            items = list.enumerated().map { (.int($0.offset), $0.element) }
        case .map(let map):
            items = map.sortedKeys.map { (.string($0), map.entries[$0] ?? map.elementZero) }
        case .int(let n):
            if declarations.count > 1 { throw error("can't use \(n) to iterate over more than one variable") }
            if n > options.maxSteps { throw error("template execution exceeded \(options.maxSteps) steps") }
            items = n > 0 ? (0..<n).map { (.int($0), .int($0)) } : []
        case .null:
            items = []
        default:
            throw error("range can't iterate over \(GoValueFormatter.plain(collection))")
        }
        if items.isEmpty {
            if let elseList = branch.elseList { return try walk(elseList, dot: dot) }
            return .normal
        }
        let iterationMark = variables.count
        for item in items {
            try step()
            variables.removeSubrange(min(iterationMark, variables.count)...)
            if pipe.isAssign {
                if declarations.count > 1 {
                    try assign(declarations[0], item.key)
                    try assign(declarations[1], item.element)
                } else if let only = declarations.first {
                    try assign(only, item.element)
                }
            } else if declarations.count > 1 {
                variables.append((declarations[0], item.key))
                variables.append((declarations[1], item.element))
            } else if let only = declarations.first {
                variables.append((only, item.element))
            }
            let flow = try walk(branch.list, dot: item.element)
            if flow == .breakLoop { break }
        }
        return .normal
    }

    private mutating func callTemplate(_ name: String, pipe: TemplatePipeline?, position: TemplatePosition,
                                       dot: TemplateValue) throws(TemplateError) {
        at(.text("template \(GoQuoting.quote(name))"), position)
        guard let list = definitions[name] else {
            throw error("template: no template \(GoQuoting.quote(name)) associated with template \(GoQuoting.quote(rootName))")
        }
        let newDot = try pipe.map { p throws(TemplateError) in try evalPipeline(p, dot: dot) } ?? .null
        callDepth += 1
        if callDepth > options.maxCallDepth {
            throw error("exceeded maximum template depth (\(options.maxCallDepth))")
        }
        let savedVariables = variables
        let savedName = templateName
        variables = [("$", newDot)]
        templateName = name
        _ = try walk(list, dot: newDot)
        variables = savedVariables
        templateName = savedName
        callDepth -= 1
    }
}
