import LabCatalog

/// Substitutes a student's values (`<<labctl:prefix>>`) into the texts of a lab spec's checks and
/// scenarios, so a Práctica 26 student is graded against their own metric names.
public enum SpecValues {
    /// `text` with every `<<labctl:NAME|filter>>` rendered as `labctl init` renders templates; when
    /// a name is unknown (a value the student did not give), the known plain `<<labctl:NAME>>` are
    /// replaced and the rest left as they are.
    public static func substitute(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains(TemplateRenderer.opening) else { return text }
        if let rendered = try? TemplateRenderer(values: values).render(text, file: "check") { return rendered }
        var out = text
        for (name, value) in values {
            out = out.replacingOccurrences(of: TemplateRenderer.opening + name + TemplateRenderer.closing, with: value)
        }
        return out
    }

    /// `check` with every string, list and map parameter substituted.
    public static func substitute(_ check: Check, _ values: [String: String]) -> Check {
        guard !values.isEmpty else { return check }
        var copy = check
        for (key, value) in check.parameters {
            switch value {
            case .string(let s): copy.parameters[key] = .string(substitute(s, values))
            case .list(let items): copy.parameters[key] = .list(items.map { substitute($0, values) })
            case .map(let entries):
                copy.parameters[key] = .map(entries.map {
                    CheckValue.MapEntry(key: substitute($0.key, values), value: substitute($0.value, values))
                })
            }
        }
        return copy
    }
}
