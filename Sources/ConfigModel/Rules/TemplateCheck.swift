import Diagnostics
import YAML

/// Checks the Go-template syntax of alert labels and annotations, as Prometheus parses them when it
/// loads a rule, with the real template parser (`Templates/`): actions closed, blocks ended, `else`
/// only inside a block, variables defined before use (`$labels`, `$externalLabels`, `$externalURL` and
/// `$value` are predeclared) and functions known to Prometheus.
enum TemplateCheck {
    /// Checks every label value and annotation of an alerting rule, reporting at the value's position.
    static func checkRule(_ rule: Rule, context: String, _ ctx: inout YAMLDecodingContext) {
        for (kind, entries) in [("label", rule.labels), ("annotation", rule.annotations)] {
            for entry in entries where mayHoldActions(entry.value) {
                let at = entry.valueLocation ?? entry.location
                let base = at ?? SourceLocation(file: "<template>", line: 1, column: 1)
                for problem in check(entry.value, name: "__alert_\(rule.name)", base: base) {
                    ctx.report(.error(RulesCode.templateSyntax, "\(context): \(kind) \"\(entry.name)\": \(problem.message)",
                                      at: at == nil ? nil : problem.location ?? base))
                }
            }
        }
    }

    /// The syntax problems of `text` (empty when the template is well formed), located relative to
    /// `base`, the position of the template's first character.
    static func check(_ text: String, name: String = "__alert",
                      base: SourceLocation = SourceLocation(file: "<template>", line: 1, column: 1)) -> [Diagnostic] {
        guard mayHoldActions(text) else { return [] }
        if TemplateSyntaxCache.shared.isKnownValid(text) { return [] }
        let problems = PrometheusTemplates.checkSyntax(text, name: name, base: base)
        if problems.isEmpty { TemplateSyntaxCache.shared.insert(text) }
        return problems
    }

    /// Whether `text` contains `{{` (text without it is a template without actions, always valid).
    static func mayHoldActions(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == byte { return true }
            previous = byte
        }
        return false
    }
}
