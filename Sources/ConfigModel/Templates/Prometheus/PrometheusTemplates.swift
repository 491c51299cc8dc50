import Diagnostics

/// Prometheus's alert and console templates: its functions, the data conventions (`.Labels`,
/// `.Value`, `$labels`, `$value`, `$externalLabels`, `$externalURL`) and syntax checking for
/// `labctl check rules`.
public enum PrometheusTemplates {
    /// One element of a query result as templates see it.
    public struct QuerySample: Hashable, Sendable {
        public var labels: [String: String]
        public var value: Double

        public init(labels: [String: String], value: Double) {
            self.labels = labels
            self.value = value
        }
    }

    /// Runs a PromQL instant query for the `query` function (injected, so templates need no engine).
    public typealias QueryFunction = @Sendable (String) throws -> [QuerySample]

    /// The variables Prometheus declares before an alert's annotation and label templates
    /// (it prepends `{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}`;
    /// we predeclare them so that positions stay relative to the user's text).
    public static let alertVariables = ["$labels", "$externalLabels", "$externalURL", "$value"]

    /// The Prometheus template functions (plus Go's builtins). Without `query`, calling `query` fails.
    public static func functions(query: QueryFunction? = nil, externalURL: String = "") -> FunctionSet {
        BuiltinFunctions.set.adding(PrometheusTemplateFunctions.all(query: query, externalURL: externalURL))
    }

    /// Names of the functions, for syntax checks.
    static let checkFunctions = functions()

    /// Prometheus's execution options: `missingkey=zero`, with our limits.
    public static let executionOptions = TemplateExecutionOptions(missingKey: .zero, maxOutputBytes: 1 << 20,
                                                                  maxSteps: 1_000_000, maxCallDepth: 100)

    /// The data of an alert template: `.Labels`, `.ExternalLabels`, `.ExternalURL`, `.Value`.
    public static func alertData(labels: [String: String], externalLabels: [String: String], externalURL: String,
                                 value: Double) -> TemplateValue {
        .object(TemplateObject(typeName: "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value interface {} }", fields: [
            ("Labels", .stringMap(labels)),
            ("ExternalLabels", .stringMap(externalLabels)),
            ("ExternalURL", .string(externalURL)),
            ("Value", .float(value)),
        ]))
    }

    /// Expands an annotation or label template of an alerting rule, as Prometheus does when an alert
    /// fires. `name` is the template name in errors (Prometheus uses `__alert_<alertname>`).
    ///
    /// - Throws: `TemplateError`; Prometheus then uses `errorText(_:name:)` as the field's value.
    public static func expandAlertField(_ text: String, name: String = "__alert", labels: [String: String],
                                        externalLabels: [String: String] = [:], externalURL: String = "",
                                        value: Double, query: QueryFunction? = nil) throws(TemplateError) -> String {
        // Plain text is common in annotations; it needs no parse.
        if !text.contains("{{") { return text }
        let template = try Template.parse(text, name: name, functions: functions(query: query, externalURL: externalURL),
                                          predeclaredVariables: alertVariables)
        let data = alertData(labels: labels, externalLabels: externalLabels, externalURL: externalURL, value: value)
        return try template.execute(data: data, variables: [
            ("$labels", .stringMap(labels)),
            ("$externalLabels", .stringMap(externalLabels)),
            ("$externalURL", .string(externalURL)),
            ("$value", .float(value)),
        ], options: executionOptions)
    }

    /// What Prometheus puts in an annotation whose template failed:
    /// `<error expanding template: error executing template NAME: template: ...>`.
    public static func errorText(_ error: TemplateError, name: String) -> String {
        let stage = error.phase == .parse ? "error parsing template" : "error executing template"
        return "<error expanding template: \(stage) \(name): \(error.description)>"
    }

    /// Parse errors of an alert template (unknown functions, undefined variables, bad syntax), located
    /// relative to `base`, the position of the template's first character in its file. Empty when the
    /// text parses.
    public static func checkSyntax(_ text: String, name: String = "__alert",
                                   base: SourceLocation = SourceLocation(file: "<template>", line: 1, column: 1)) -> [Diagnostic] {
        if !text.contains("{{") { return [] }
        do {
            _ = try Template.parse(text, name: name, functions: checkFunctions, predeclaredVariables: alertVariables)
            return []
        } catch {
            return [error.diagnostic(base: base)]
        }
    }
}
