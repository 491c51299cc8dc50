import Diagnostics

/// The one finding for `# TYPE foo counter` followed by `foo_total 1` in the text format.
///
/// There the `# TYPE` names the sample's family, so `foo_total` is a second, untyped family and
/// the counter `foo` has no samples. The per-family lints would then say both "counter should
/// have `_total`" (on `foo`) and "non-counter should not have `_total`" (on `foo_total`); this
/// check replaces the two with one finding that says what to write.
///
/// Triggers: `# TYPE requests counter` / `requests_total 3`.
/// Does not trigger: `# TYPE requests_total counter` / `requests_total 3`, or the same in OpenMetrics.
public struct CounterTypedWithoutTotal: Sendable {
    public init() {}
    /// The finding's code.
    public static let code = "metrics-lint/counter-type-without-total"

    /// A pair found: the counter family that has no samples and the untyped `_total` family.
    public struct Pair: Sendable {
        /// The `# TYPE foo counter` family, without samples.
        public var counter: MetricFamily
        /// The untyped `foo_total` family holding the samples.
        public var samples: MetricFamily
    }

    /// Every such pair in `families`.
    public func pairs(in families: [MetricFamily], format: ExpositionFormat) -> [Pair] {
        pairs(in: families, format: format) { families[$0].samples.isEmpty }
    }

    /// Every such pair in `families`, where `isEmpty(i)` tells whether family `i` had no samples
    /// (for callers that kept only the families' metadata).
    public func pairs(in families: [MetricFamily], format: ExpositionFormat, isEmpty: (Int) -> Bool) -> [Pair] {
        guard format == .prometheusText else { return [] }
        var byName: [String: MetricFamily] = [:]
        for family in families where byName[family.name] == nil { byName[family.name] = family }
        return families.indices.compactMap { i in
            let family = families[i]
            guard family.type == .counter, isEmpty(i), !family.name.hasSuffix("_total"),
                  let other = byName[family.name + "_total"], other.type != .counter else { return nil }
            return Pair(counter: family, samples: other)
        }
    }

    /// The finding for one pair, at the `# TYPE` line.
    public func diagnostic(_ pair: Pair, in context: MetricsLintContext) -> Diagnostic {
        let name = pair.counter.name
        return .warning(Self.code,
                        "\(name): \"# TYPE \(name) counter\" but the samples are named \"\(name)_total\"; "
                            + "in the text format the # TYPE line must name the samples: write \"# TYPE \(name)_total counter\"",
                        at: context.location(line: pair.counter.line))
    }
}
