import Diagnostics

/// Metric or label names written in camelCase instead of snake_case.
///
/// Triggers: `httpRequests_total`, or a label `{statusCode="200"}`.
/// Does not trigger: `http_requests_total{status_code="200"}`.
public struct CamelCaseLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/camel-case" }
    public var summary: String { "metric and label names should be snake_case, not camelCase" }

    static func isCamel(_ name: String) -> Bool {
        var previousLower = false
        for b in name.utf8 {
            let upper = b >= 65 && b <= 90
            if upper && previousLower { return true }
            previousLower = (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
        }
        return false
    }

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if Self.isCamel(family.name) {
            out.append(context.warning(self, family,
                                       "\(family.name): metric names should be written in 'snake_case' not 'camelCase'"))
        }
        var reported = Set<String>()
        // Samples of a family share their few label names: each name is looked at once.
        var checked: [String] = []
        for sample in family.samples {
            for label in sample.labels where !checked.contains(label.name) {
                if checked.count < 64 { checked.append(label.name) }
                guard Self.isCamel(label.name), reported.insert(label.name).inserted else { continue }
                out.append(.warning(code, "\(family.name): label names should be written in 'snake_case' not 'camelCase' (\"\(label.name)\")",
                                    at: context.location(line: sample.line)))
            }
        }
        return out
    }
}
