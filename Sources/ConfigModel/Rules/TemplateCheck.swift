import Diagnostics
import YAML

/// Checks the Go-template syntax of alert labels and annotations, as Prometheus parses them when it
/// loads a rule: actions closed (`{{ … }}`), blocks (`if`/`range`/`with`/`define`/`block`) ended,
/// `else` only inside a block, no empty action, variables defined before use (`$labels`,
/// `$externalLabels`, `$externalURL` and `$value` are predefined) and functions known.
///
/// This is a structural check, not a full text/template parser: pipelines are tokenised, not typed.
enum TemplateCheck {
    /// Variables Prometheus defines for alert templates (without `$`).
    static let predefinedVariables: Set<String> = ["", "labels", "externalLabels", "externalURL", "value"]

    /// Functions available in alert templates: Go's built-ins and Prometheus's template functions.
    static let functions: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
        "eq", "ge", "gt", "le", "lt", "ne",
        "query", "first", "label", "value", "strvalue", "sortByLabel", "humanize", "humanize1024",
        "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "toDuration", "pathPrefix",
        "externalURL", "args", "safeHtml", "match", "reReplaceAll", "title", "toUpper", "toLower", "graphLink",
        "tableLink", "parseDuration", "stripPort", "stripDomain", "now", "urlQueryEscape",
    ]

    static let keywords: Set<String> = ["if", "else", "end", "range", "with", "define", "block", "template",
                                        "break", "continue", "nil", "true", "false"]

    /// Checks every label value and annotation of an alerting rule.
    static func checkRule(_ rule: Rule, context: String, _ ctx: inout YAMLDecodingContext) {
        for (kind, entries) in [("label", rule.labels), ("annotation", rule.annotations)] {
            for entry in entries {
                for message in check(entry.value) {
                    ctx.report(.error(RulesCode.templateSyntax,
                                      "\(context): \(kind) \"\(entry.name)\": template: __alert_\(rule.name):\(message)",
                                      at: entry.valueLocation ?? entry.location))
                }
            }
        }
    }

    /// The problems found in `text`, as messages (empty when the template is well formed).
    static func check(_ text: String) -> [String] {
        var problems: [String] = []
        var blocks: [String] = []
        var variables = predefinedVariables
        let chars = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        while i < chars.count {
            if chars[i] == "\n" { line += 1 }
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { i += 1; continue }
            let startLine = line
            guard let (content, end) = action(chars, from: i + 2) else {
                problems.append("\(startLine): unclosed action")
                return problems
            }
            line += content.filter { $0 == "\n" }.count
            i = end
            problems += checkAction(content, line: startLine, blocks: &blocks, variables: &variables)
        }
        if let open = blocks.last { problems.append("\(line): unexpected EOF (unclosed {{\(open)}})") }
        return problems
    }

    /// The text of the action starting after `{{` at `start`, and the index after its `}}`;
    /// `nil` when the action is never closed. Quoted strings may hold `}}`.
    private static func action(_ chars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var i = start
        var quote: Unicode.Scalar?
        var out = String.UnicodeScalarView()
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == "\\", q == "\"", i + 1 < chars.count {
                    out.append(c); out.append(chars[i + 1]); i += 2; continue
                }
                if c == q { quote = nil }
                out.append(c)
            } else if c == "\"" || c == "`" || c == "'" {
                quote = c
                out.append(c)
            } else if c == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                return (String(out), i + 2)
            } else {
                out.append(c)
            }
            i += 1
        }
        return nil
    }

    private static func checkAction(_ raw: String, line: Int, blocks: inout [String],
                                    variables: inout Set<String>) -> [String] {
        var body = Substring(raw)
        if body.hasPrefix("- ") || body == "-" { body = body.dropFirst() }
        if body.hasSuffix(" -") { body = body.dropLast() }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("/*") {
            return trimmed.hasSuffix("*/") ? [] : ["\(line): unclosed comment"]
        }
        let tokens = TemplateTokens.split(trimmed)
        guard let first = tokens.first else { return ["\(line): missing value for command"] }
        var problems: [String] = []
        var pipelineStart = 0
        switch first {
        case "if", "range", "with", "define", "block":
            blocks.append(first)
            pipelineStart = 1
            if tokens.count == 1 { problems.append("\(line): missing value for \(first)") }
        case "else":
            guard let top = blocks.last, ["if", "range", "with"].contains(top) else {
                return ["\(line): unexpected {{else}}"]
            }
            pipelineStart = tokens.count > 1 && ["if", "with"].contains(tokens[1]) ? 2 : 1
        case "end":
            if blocks.popLast() == nil { problems.append("\(line): unexpected {{end}}") }
            return problems
        case "template", "break", "continue":
            return problems
        default:
            break
        }
        problems += checkPipeline(Array(tokens.dropFirst(pipelineStart)), line: line, variables: &variables)
        return problems
    }

    private static func checkPipeline(_ tokens: [String], line: Int, variables: inout Set<String>) -> [String] {
        var problems: [String] = []
        var commandStart = true
        var declaring: [String] = []
        for (k, token) in tokens.enumerated() {
            let next = k + 1 < tokens.count ? tokens[k + 1] : ""
            if token.hasPrefix("$") {
                let name = String(token.dropFirst().prefix { $0 != "." })
                if next == ":=" || next == "=" || next == "," {
                    declaring.append(name)
                } else if !variables.contains(name) && !declaring.contains(name) {
                    problems.append("\(line): undefined variable \"$\(name)\"")
                }
                commandStart = false
            } else if token == ":=" || token == "=" {
                for name in declaring { variables.insert(name) }
                declaring = []
                commandStart = true
            } else if token == "|" || token == "(" {
                commandStart = true
            } else if token == "," {
                continue
            } else {
                if commandStart, let c = token.unicodeScalars.first, c.properties.isAlphabetic || c == "_",
                   !keywords.contains(token), !functions.contains(token) {
                    problems.append("\(line): function \"\(token)\" not defined")
                }
                commandStart = false
            }
        }
        for name in declaring { variables.insert(name) }
        return problems
    }
}
