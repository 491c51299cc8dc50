import Diagnostics

/// A metric name that repeats its type (`_counter`, `_gauge`, ...).
///
/// Triggers: `# TYPE requests_counter counter`.
/// Does not trigger: `# TYPE requests_total counter`.
public struct TypeInNameLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/type-in-name" }
    public var summary: String { "metric names should not include their type" }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        let typeWord = family.type.rawValue
        guard family.type != .unknown,
              Self.words(family.name).contains(where: { $0.lowercased() == typeWord }) else { return [] }
        return [context.warning(self, family, "\(family.name): metric name should not include type '\(typeWord)'")]
    }
}
