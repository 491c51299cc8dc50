import PromModel

// MARK: - Text forms (amtool's)

extension AlertRoute {
    /// `{a="b",c=~"d"}`: Alertmanager's `Matchers.String()` (no spaces; names quoted only when they
    /// contain a character reserved by the matcher grammar; values escape `\`, newline and `"`).
    public static func describe(_ matchers: [LabelMatcher]) -> String {
        "{" + matchers.map(describe).joined(separator: ",") + "}"
    }

    /// One matcher as Alertmanager prints it.
    public static func describe(_ m: LabelMatcher) -> String {
        let reserved = m.name.unicodeScalars.contains { $0.properties.isWhitespace || "{}!=~,\\\"'`".unicodeScalars.contains($0) }
        let name = reserved ? Labels.quote(m.name) : m.name
        return name + m.type.rawValue + "\"" + escapeValue(m.value) + "\""
    }

    /// OpenMetrics escaping (see `Labels.escapeValue`).
    static func escapeValue(_ s: String) -> String { Labels.escapeValue(s) }

    /// The matchers of this route in amtool's form, or `default-route` when it has none.
    public var slug: String { matchers.isEmpty ? "default-route" : Self.describe(matchers) }
}

/// Model labels as Alertmanager prints a `LabelSet` in group keys: `{a="1", b="2"}`.
extension Labels {
    var groupKeyDescription: String {
        "{" + pairs.map { "\($0.name)=\(Labels.quote($0.value))" }.joined(separator: ", ") + "}"
    }
}
