import Diagnostics

/// Lints a metrics exposition like `promtool check metrics`: parse errors first, then every lint
/// over every family. Backs `labctl check metrics`.
public struct MetricsLinter: Sendable {
    /// Every lint, in the order findings are reported.
    public static let allLints: [any MetricsLint] = [
        MissingHelpLint(), CounterSuffixLint(), TotalOnNonCounterLint(), NonBaseUnitLint(),
        AbbreviatedUnitLint(), CamelCaseLint(), ColonInNameLint(), TypeInNameLint(),
        ReservedSuffixLint(), HistogramBucketsLint(), NativeHistogramLint(), LabelCardinalityLint(),
    ]

    /// The lints run, in order.
    public var lints: [any MetricsLint]

    /// A linter running `lints` (every lint by default).
    public init(lints: [any MetricsLint] = MetricsLinter.allLints) {
        self.lints = lints
    }

    /// The parse error (if any) or the lint findings for `text`, whose format is detected.
    ///
    /// Families are linted as the parser completes them and then let go, so memory holds the input
    /// and one family's samples, not the whole exposition. The findings are the same, in the same
    /// order, as `lint(_:context:)` on the parsed families.
    public func lint(text: String, file: String) -> [Diagnostic] {
        let format = ExpositionFormat.detect(text)
        let context = MetricsLintContext(file: file, format: format)
        do {
            var streaming = StreamingLint(lints: lints, context: context)
            try ExpositionParser(format: format, file: file).parse(text) { streaming.add($0) }
            return streaming.finish()
        } catch let error as ExpositionError {
            return [error.diagnostic]
        } catch {
            return [.error("exposition/unreadable", "\(error)", at: SourceLocation(file: file, line: 1, column: 1))]
        }
    }

    /// The parse error (if any) or the lint findings for `bytes`: the protobuf exposition format when
    /// they look like it (a delimited `MetricFamily`), otherwise text as `lint(text:file:)` reads it.
    public func lint(bytes: [UInt8], file: String) -> [Diagnostic] {
        guard ProtobufExpositionParser.looksLikeProtobuf(bytes) else {
            return lint(text: String(decoding: bytes, as: UTF8.self), file: file)
        }
        do {
            let families = try ProtobufExpositionParser(file: file).parse(bytes)
            return lint(families, context: MetricsLintContext(file: file, format: .prometheusText))
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

/// Findings of one family per lint, kept until the pairs of `CounterTypedWithoutTotal`, which need
/// later families, are known.
private struct StreamingLint {
    let lints: [any MetricsLint]
    let context: MetricsLintContext
    /// The families' metadata, without samples.
    var families: [MetricFamily] = []
    var empty: [Bool] = []
    /// Per family, per lint: the findings.
    var findings: [[[Diagnostic]]] = []

    init(lints: [any MetricsLint], context: MetricsLintContext) {
        self.lints = lints
        self.context = context
    }

    mutating func add(_ family: MetricFamily) {
        findings.append(lints.map { $0.check(family, in: context) })
        var meta = family
        meta.samples = []
        families.append(meta)
        empty.append(family.samples.isEmpty)
    }

    /// The findings in the order of `MetricsLinter.lint(_:context:)`.
    func finish() -> [Diagnostic] {
        let mismatch = CounterTypedWithoutTotal()
        let pairs = mismatch.pairs(in: families, format: context.format) { empty[$0] }
        let pairCounters = Set(pairs.map(\.counter.name))
        let pairSamples = Set(pairs.map(\.samples.name))
        var out: [Diagnostic] = []
        for (i, family) in families.enumerated() {
            if let pair = pairs.first(where: { $0.counter.name == family.name }) {
                out.append(mismatch.diagnostic(pair, in: context))
            }
            for (l, lint) in lints.enumerated() {
                if pairCounters.contains(family.name), lint is CounterSuffixLint { continue }
                if pairSamples.contains(family.name), lint is TotalOnNonCounterLint { continue }
                out.append(contentsOf: findings[i][l])
            }
        }
        return out
    }
}

/// Lints `text` with every lint (see `MetricsLinter`).
public func lint(text: String, file: String) -> [Diagnostic] {
    MetricsLinter().lint(text: text, file: file)
}
