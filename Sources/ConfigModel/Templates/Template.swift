/// A parsed Go text/template with its `{{define}}`d templates and the functions it may call.
///
/// ```swift
/// let t = try Template.parse("{{ .Labels.job | toUpper }}", name: "x", functions: PrometheusTemplates.functions())
/// let text = try t.execute(data: ["Labels": .stringMap(["job": "node"])])
/// ```
public struct Template: Sendable {
    /// The name of the top-level template (what `execute(data:)` runs).
    public let name: String
    let definitions: [String: [TemplateNode]]
    public let functions: FunctionSet

    /// Parses `text`. Calls to functions not in `functions` (the builtins always are) fail here, as in Go.
    ///
    /// - Throws: `TemplateError` with Go's message and the line and column of the offending token.
    /// `predeclaredVariables` (such as `$labels`) may be used at the top level without a declaration;
    /// execution must then give them values (`execute(data:variables:)`).
    public static func parse(_ text: String, name: String, functions: FunctionSet = BuiltinFunctions.set,
                             predeclaredVariables: [String] = []) throws(TemplateError) -> Template {
        let all = BuiltinFunctions.set.merging(functions)
        let result = try TemplateParser.parse(text, name: name, functionNames: all.names, predeclared: predeclaredVariables)
        var definitions = result.definitions
        // The top-level text replaces an earlier definition of the same name unless it is empty.
        if definitions[name] == nil || !TemplateParser.isEmpty(result.root) {
            definitions[name] = result.root
        }
        return Template(name: name, definitions: definitions, functions: all)
    }

    /// This template with the definitions of `text` added (Go's `t.New(name).Parse(text)`): named
    /// templates from several files can then call each other.
    public func adding(_ text: String, name: String) throws(TemplateError) -> Template {
        let result = try TemplateParser.parse(text, name: name, functionNames: functions.names)
        var merged = definitions
        for (key, list) in result.definitions {
            if let existing = merged[key], !TemplateParser.isEmpty(existing), TemplateParser.isEmpty(list) { continue }
            merged[key] = list
        }
        if !TemplateParser.isEmpty(result.root) || merged[name] == nil { merged[name] = result.root }
        return Template(name: self.name, definitions: merged, functions: functions)
    }

    /// Names of all templates in the set (the top-level one and every `define`), sorted.
    public var templateNames: [String] { definitions.keys.sorted() }

    /// Whether a template of that name is defined.
    public func hasTemplate(named name: String) -> Bool { definitions[name] != nil }

    /// Executes the top-level template with `data` as dot.
    public func execute(data: TemplateValue, options: TemplateExecutionOptions = TemplateExecutionOptions()) throws(TemplateError) -> String {
        try execute(templateNamed: name, data: data, options: options)
    }

    /// Executes the top-level template with values for predeclared variables (names include `$`).
    public func execute(data: TemplateValue, variables: [(String, TemplateValue)],
                        options: TemplateExecutionOptions = TemplateExecutionOptions()) throws(TemplateError) -> String {
        var executor = TemplateExecutor(definitions: definitions, functions: functions, options: options, name: name)
        return try executor.run(name, data: data, variables: variables)
    }

    /// Executes a named template of the set (Go's `ExecuteTemplate`).
    public func execute(templateNamed templateName: String, data: TemplateValue,
                        options: TemplateExecutionOptions = TemplateExecutionOptions()) throws(TemplateError) -> String {
        var executor = TemplateExecutor(definitions: definitions, functions: functions, options: options, name: templateName)
        return try executor.run(templateName, data: data)
    }
}
