import Diagnostics

/// A name with an abbreviated unit (`_ms`, `_sec`, `_kb`) instead of the spelled-out base unit.
///
/// Triggers: `request_latency_ms`, `uptime_sec`.
/// Does not trigger: `request_latency_seconds`, `messages_total`.
public struct AbbreviatedUnitLint: MetricsLint {
    public init() {}
    public var code: String { "metrics-lint/abbreviated-unit" }
    public var summary: String { "metric names should not contain abbreviated units" }

    static let abbreviations: Set<String> = [
        "ms", "us", "ns", "sec", "secs", "msec", "usec", "min", "mins", "hr", "hrs",
        "kb", "mb", "gb", "tb", "kib", "mib", "gib", "b", "amp", "amps", "cel", "deg", "m", "s",
    ]

    public func check(_ family: MetricFamily, in context: MetricsLintContext) -> [Diagnostic] {
        for word in Self.words(family.name).dropFirst() where Self.abbreviations.contains(word.lowercased()) {
            return [context.warning(self, family,
                                    "\(family.name): metric names should not contain abbreviated units (\"\(word)\")")]
        }
        return []
    }
}
