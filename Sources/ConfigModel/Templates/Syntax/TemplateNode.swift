/// A position in template text: 1-based line and column.
public struct TemplatePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A node of a parsed template (Go's `parse.Node` kinds that survive parsing).
indirect enum TemplateNode: Sendable {
    case text(String)
    case action(TemplatePipeline)
    case ifNode(TemplateBranch)
    case rangeNode(TemplateBranch)
    case withNode(TemplateBranch)
    case templateCall(name: String, pipeline: TemplatePipeline?, position: TemplatePosition)
    case breakNode(TemplatePosition)
    case continueNode(TemplatePosition)
}

/// `if`, `range` and `with`: a pipeline, the body and the optional `else` body.
struct TemplateBranch: Sendable {
    var position: TemplatePosition
    var pipeline: TemplatePipeline
    var list: [TemplateNode]
    var elseList: [TemplateNode]?
}

/// `$x := a | b c`: optional variable declarations (or an assignment) and the commands.
struct TemplatePipeline: Sendable {
    var position: TemplatePosition
    var isAssign: Bool
    var declarations: [String]
    var commands: [TemplateCommand]

    /// The pipeline as template source (for execution error context).
    var source: String {
        let cmds = commands.map(\.source).joined(separator: " | ")
        if declarations.isEmpty { return cmds }
        return declarations.joined(separator: ", ") + (isAssign ? " = " : " := ") + cmds
    }
}

/// One command of a pipeline: a function or method call, or a single operand.
struct TemplateCommand: Sendable {
    var position: TemplatePosition
    var args: [TemplateOperand]

    var source: String { args.map(\.source).joined(separator: " ") }
}

/// An operand: a field chain, a variable, a literal, a function name or a parenthesised pipeline.
indirect enum TemplateOperand: Sendable {
    case dot(TemplatePosition)
    case nilValue(TemplatePosition)
    /// `.A.B`
    case field([String], TemplatePosition)
    /// `$x.A.B` (the name includes `$`).
    case variable(String, [String], TemplatePosition)
    /// A bool, number or string literal, with its source text.
    case literal(TemplateValue, String, TemplatePosition)
    /// A function name.
    case identifier(String, TemplatePosition)
    /// `(pipeline)`
    case pipeline(TemplatePipeline, TemplatePosition)
    /// `(pipeline).A.B`
    case chain(TemplateOperand, [String], TemplatePosition)

    var position: TemplatePosition {
        switch self {
        case .dot(let p), .nilValue(let p), .field(_, let p), .variable(_, _, let p), .literal(_, _, let p),
             .identifier(_, let p), .pipeline(_, let p), .chain(_, _, let p):
            return p
        }
    }

    var source: String {
        switch self {
        case .dot: return "."
        case .nilValue: return "nil"
        case .field(let names, _): return names.map { "." + $0 }.joined()
        case .variable(let name, let fields, _): return name + fields.map { "." + $0 }.joined()
        case .literal(_, let text, _): return text
        case .identifier(let name, _): return name
        case .pipeline(let p, _): return "(" + p.source + ")"
        case .chain(let base, let fields, _): return base.source + fields.map { "." + $0 }.joined()
        }
    }
}
