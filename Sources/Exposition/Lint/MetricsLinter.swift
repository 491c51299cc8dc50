import Diagnostics

/// Lints a metrics exposition like `promtool check metrics`: parse errors first, then every lint
/// over every family. Backs `labctl check metrics`.
public struct MetricsLinter: Sendable {
    /// Every lint, in the order findings are reported.
    public static let allLints: [any MetricsLint] = [
        MissingHelpLint(), CounterSuffixLint(), TotalOnNonCounterLint(), NonBaseUnitLint(),
        AbbreviatedUnitLint(), CamelCaseLint(), ColonInNameLint(), TypeInNameLint(),
        ReservedSuffixLint(), HistogramBucketsLint(), LabelCardinalityLint(),
    ]

    /// The lints run, in order.
    public var lints: [any MetricsLint]

    /// A linter running `lints` (every lint by default).
    public init(lints: [any MetricsLint] = MetricsLinter.allLints) {
        self.lints = lints
    }

    /// The parse error (if any) or the lint findings for `text`, whose format is detected.
    public func lint(text: String, file: String) -> [Diagnostic] {
        let format = ExpositionFormat.detect(text)
        do {
            let families = try ExpositionParser(format: format, file: file).parse(text)
            return lint(families, context: MetricsLintContext(file: file, format: format))
        } catch let error as ExpositionError {
            return [error.diagnostic]
        } catch {
            return [.error("exposition/unreadable", "\(error)", at: SourceLocation(file: file, line: 1, column: 1))]
        }
    }

    /// The lint findings for parsed families.
    public func lint(_ families: [MetricFamily], context: MetricsLintContext) -> [Diagnostic] {
        // `# TYPE foo counter` + `foo_total 1`: one finding instead of two contradicting ones.
        let mismatch = CounterTypedWithoutTotal()
        let pairs = mismatch.pairs(in: families, format: context.format)
        let pairCounters = Set(pairs.map(\.counter.name))
        let pairSamples = Set(pairs.map(\.samples.name))
        var out: [Diagnostic] = []
        for family in families {
            if let pair = pairs.first(where: { $0.counter.name == family.name }) {
                out.append(mismatch.diagnostic(pair, in: context))
            }
            for lint in lints {
                if pairCounters.contains(family.name), lint is CounterSuffixLint { continue }
                if pairSamples.contains(family.name), lint is TotalOnNonCounterLint { continue }
                out.append(contentsOf: lint.check(family, in: context))
            }
        }
        return out
    }
}

/// Lints `text` with every lint (see `MetricsLinter`).
public func lint(text: String, file: String) -> [Diagnostic] {
    MetricsLinter().lint(text: text, file: file)
}
