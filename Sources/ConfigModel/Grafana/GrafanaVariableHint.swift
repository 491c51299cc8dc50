import PromQL

/// The note for a PromQL expression that does not parse because it holds Grafana variables
/// (`[$interval]`, `$endpoint`, `${var}`, `[[var]]`): Grafana replaces them before the query
/// reaches Prometheus, so plain PromQL cannot parse them. Used by `labctl promql check`.
public enum GrafanaVariableHint {
    /// The note for `query`, or `nil` when it holds no Grafana variable.
    public static func note(for query: String) -> String? {
        let names = GrafanaQueryExpansion(query).references.map(\.name)
        guard !names.isEmpty else { return nil }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let listed = unique.prefix(5).map { "$" + $0 }.joined(separator: ", ")
        return "\(listed) \(unique.count == 1 ? "is a Grafana variable" : "are Grafana variables"): Grafana replaces "
            + "them before sending the query to Prometheus, so PromQL alone cannot parse them; "
            + "`labctl check dashboard` and `labctl check lab` expand them when they check a dashboard"
    }

    /// `errors` with the note added to its first issue when `errors.query` holds Grafana variables.
    public static func adding(to errors: ParseErrors) -> ParseErrors {
        guard let note = note(for: errors.query), !errors.issues.isEmpty else { return errors }
        var out = errors
        out.issues[0].hints.append(note)
        return out
    }
}
