import PromModel
import Storage
import PromQL

/// Compares a query result with what an eval command expects, the way Prometheus's test scripts do:
/// exact label sets, floats within a relative tolerance of 1e-6 (NaN equals NaN; the staleness marker
/// only equals itself), order only with `expect ordered`, matrices sorted by labels.
public enum PromQLTestComparator {
    /// The relative tolerance for floats.
    public static let epsilon = 1e-6
    /// The smallest normal double (Go's `math.Float64frombits(0x0010000000000000)`).
    static let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)

    // MARK: - Floats

    /// Whether `a` and `b` are equal within relative tolerance `epsilon`; NaN equals NaN.
    public static func almostEqual(_ a: Double, _ b: Double, epsilon: Double = epsilon) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let absSum = abs(a) + abs(b)
        let diff = abs(a - b)
        if a == 0 || b == 0 || absSum < minNormal { return diff < epsilon * minNormal }
        return diff / Swift.min(absSum, .greatestFiniteMagnitude) < epsilon
    }

    /// `almostEqual`, except that the staleness marker only equals itself.
    public static func sameValue(expected: Double, actual: Double) -> Bool {
        if isStaleNaN(expected) || isStaleNaN(actual) { return isStaleNaN(expected) && isStaleNaN(actual) }
        return almostEqual(expected, actual)
    }

    // MARK: - Values

    /// `nil` when `value` is what `eval` expects, else why not.
    public static func compare(_ value: QueryValue, with eval: PromQLTestEval) -> String? {
        switch value {
        case .scalar(_, let f):
            guard let expected = eval.expectedScalar else {
                if eval.expectedString != nil { return "expected a string but got a scalar" }
                return "expected \(eval.expectedSeries.count) series but got scalar \(PromQLTestFormat.value(f))"
            }
            if !sameValue(expected: expected, actual: f) {
                return "expected scalar \(PromQLTestFormat.value(expected)) but got \(PromQLTestFormat.value(f))"
            }
            return nil
        case .string(_, let s):
            guard let expected = eval.expectedString else { return "expected a number or series but got string \(GoQuote.string(s))" }
            return expected == s ? nil : "expected string \(GoQuote.string(expected)) but got \(GoQuote.string(s))"
        case .vector(let samples):
            if eval.rangeVector != nil { return "expected a range vector but got an instant vector" }
            return compareVector(samples, with: eval)
        case .matrix(let series):
            if case .instant = eval.mode, eval.rangeVector == nil {
                return "expected an instant vector but got a range vector (add \"expect range vector from … to … step …\")"
            }
            return compareMatrix(series, with: eval)
        }
    }

    static func preamble(_ eval: PromQLTestEval, got: String) -> String? {
        if let scalar = eval.expectedScalar { return "expected scalar \(PromQLTestFormat.value(scalar)) but got \(got)" }
        if let string = eval.expectedString { return "expected string \(GoQuote.string(string)) but got \(got)" }
        return nil
    }

    static func compareVector(_ samples: [VectorSample], with eval: PromQLTestEval) -> String? {
        if let message = preamble(eval, got: "an instant vector") { return message }
        var expected: [Labels: (position: Int, value: SeriesValue, line: Int)] = [:]
        var position = 0
        for s in eval.expectedSeries {
            guard let v = s.values.first, v.isPresent else { continue }
            expected[s.labels] = (position, v, s.line)
            position += 1
        }
        var seen = Set<Labels>()
        for (index, sample) in samples.enumerated() {
            guard let exp = expected[sample.metric] else {
                return "unexpected series \(sample.metric) in result, with value \(sample.h.map(\.description) ?? PromQLTestFormat.value(sample.f))"
            }
            if !seen.insert(sample.metric).inserted { return "series \(sample.metric) appears more than once in the result" }
            if eval.ordered && exp.position != index {
                return "expected \(sample.metric) at position \(exp.position + 1) but it is at position \(index + 1)"
            }
            if let h = sample.h {
                if let message = compare(expected: exp.value, actual: h, metric: sample.metric) { return message }
            } else if let message = compare(expected: exp.value, actual: sample.f, metric: sample.metric) { return message }
        }
        let missing = expected.filter { !seen.contains($0.key) }.sorted { $0.value.position < $1.value.position }
        if let first = missing.first {
            return "expected series \(first.key) with value \(first.value.value) (line \(first.value.line)) not found"
        }
        return nil
    }

    static func compare(expected: SeriesValue, actual: Double, metric: Labels) -> String? {
        switch expected {
        case .float(let f):
            if !sameValue(expected: f, actual: actual) {
                return "expected \(PromQLTestFormat.value(f)) for \(metric) but got \(PromQLTestFormat.value(actual))"
            }
        case .stale:
            if !isStaleNaN(actual) { return "expected a staleness marker for \(metric) but got \(PromQLTestFormat.value(actual))" }
        case .histogram(let h):
            return "expected native histogram \(h) for \(metric) but got float \(PromQLTestFormat.value(actual))"
        case .omitted:
            return "expected no value for \(metric) but got \(PromQLTestFormat.value(actual))"
        }
        return nil
    }

    static func compare(expected: SeriesValue, actual: FloatHistogram, metric: Labels) -> String? {
        guard case .histogram(let e) = expected else {
            return "expected \(expected) for \(metric) but got histogram \(actual)"
        }
        let exp = e.floatHistogram
        if !sameHistogram(expected: exp, actual: actual) {
            return "expected \(exp.compacted()) for \(metric) but got \(actual.compacted())"
        }
        return nil
    }

    /// Prometheus's test comparison: both sides compacted, then schema, zero threshold and custom
    /// bounds exactly, counts, sum and buckets within `epsilon`, bucket layouts the same.
    public static func sameHistogram(expected: FloatHistogram, actual: FloatHistogram) -> Bool {
        let a = expected.compacted(), b = actual.compacted()
        guard a.schema == b.schema, almostEqual(a.count, b.count), almostEqual(a.sum, b.sum),
              a.zeroThreshold == b.zeroThreshold, almostEqual(a.zeroCount, b.zeroCount) else { return false }
        if a.usesCustomBuckets && a.customValues != b.customValues { return false }
        func same(_ x: [HistogramBucket], _ y: [HistogramBucket]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.index == $1.index && almostEqual($0.count, $1.count) }
        }
        return same(a.positive, b.positive) && same(a.negative, b.negative)
    }

    /// The start and step that expected matrix values are laid out on.
    static func grid(_ eval: PromQLTestEval) -> (start: Int64, step: Int64) {
        if let rv = eval.rangeVector { return (rv.start, rv.step) }
        if case .range(let start, _, let step) = eval.mode { return (start, step) }
        return (0, 1)
    }

    static func compareMatrix(_ series: [RangeSeries], with eval: PromQLTestEval) -> String? {
        if let message = preamble(eval, got: "a matrix") { return message }
        if eval.ordered { return "expect ordered is not supported for matrix results" }
        if let message = checkSorted(series) { return message }
        let (start, step) = grid(eval)
        var expected: [Labels: PromQLTestEval.ExpectedSeries] = [:]
        for s in eval.expectedSeries { expected[s.labels] = s }
        var seen = Set<Labels>()
        for s in series {
            guard let exp = expected[s.metric] else {
                return "unexpected series \(s.metric) in result, with points \(PromQLTestFormat.points(s.points))"
            }
            seen.insert(s.metric)
            var points: [(t: Int64, v: SeriesValue)] = []
            var histograms: [(t: Int64, v: SeriesValue)] = []
            for (k, v) in exp.values.enumerated() where v.isPresent {
                let (offset, o1) = Int64(k).multipliedReportingOverflow(by: step)
                let (t, o2) = start.addingReportingOverflow(offset)
                if o1 || o2 { return "expected point time overflows" }
                if case .histogram = v { histograms.append((t, v)) } else { points.append((t, v)) }
            }
            if histograms.count != s.histograms.count {
                return "expected \(histograms.count) histogram points for \(s.metric) but got \(s.histograms.count): \(s.histograms.map(\.description).joined(separator: ", "))"
            }
            for (e, a) in zip(histograms, s.histograms) {
                if e.t != a.t {
                    return "expected a histogram point at \(PromQLTestFormat.time(e.t)) for \(s.metric) but got one at \(PromQLTestFormat.time(a.t))"
                }
                if let message = compare(expected: e.v, actual: a.h, metric: s.metric) {
                    return message + " at \(PromQLTestFormat.time(a.t))"
                }
            }
            if points.count != s.points.count {
                return "expected \(points.count) points for \(s.metric) but got \(s.points.count): \(PromQLTestFormat.points(s.points))"
            }
            for (e, a) in zip(points, s.points) {
                if e.t != a.t {
                    return "expected a point at \(PromQLTestFormat.time(e.t)) for \(s.metric) but got one at \(PromQLTestFormat.time(a.t))"
                }
                if let message = compare(expected: e.v, actual: a.f, metric: s.metric) {
                    return message + " at \(PromQLTestFormat.time(a.t))"
                }
            }
        }
        for s in eval.expectedSeries where !seen.contains(s.labels) && s.values.contains(where: \.isPresent) {
            return "expected series \(s.labels) (line \(s.line)) not found"
        }
        return nil
    }

    /// `nil` when the series are sorted by labels.
    public static func checkSorted(_ series: [RangeSeries]) -> String? {
        for i in series.indices.dropFirst() where series[i].metric < series[i - 1].metric {
            return "matrix result is not sorted: \(series[i - 1].metric) comes before \(series[i].metric)"
        }
        return nil
    }

    // MARK: - Errors and annotations

    /// `nil` when `message` (a query error) satisfies the eval's `expect fail`.
    public static func checkFailure(_ message: String, with eval: PromQLTestEval) -> String? {
        guard let fail = eval.fail else { return "unexpected error: \(message)" }
        return fail.matches(message) ? nil : "expected error matching \(fail) but got: \(message)"
    }

    /// `nil` when the annotations satisfy the eval's warn/info expectations. `query` renders positions.
    public static func checkAnnotations(_ annotations: [Annotation], query: String, with eval: PromQLTestEval) -> String? {
        let warnings = annotations.filter { $0.severity == .warning }.map { $0.rendered(query: query) }
        let infos = annotations.filter { $0.severity == .info }.map { $0.rendered(query: query) }
        if let m = check(warnings, eval.warnings, forbidden: eval.noWarn, required: eval.requireWarning, kind: "warn") { return m }
        return check(infos, eval.infos, forbidden: eval.noInfo, required: eval.requireInfo, kind: "info")
    }

    static func check(_ actual: [String], _ expected: [PromQLTestMessageMatch], forbidden: Bool, required: Bool,
                      kind: String) -> String? {
        let noun = kind == "warn" ? "warning" : "info"
        if forbidden, let first = actual.first { return "expected no \(noun) annotations but got: \(first)" }
        if required && actual.isEmpty { return "expected at least one \(noun) annotation but got none" }
        guard !expected.isEmpty else { return nil }
        for m in expected where !actual.contains(where: m.matches) {
            let got = actual.isEmpty ? "none" : actual.joined(separator: "; ")
            return "expected a \(noun) annotation matching \(m) but got: \(got)"
        }
        for a in actual where !expected.contains(where: { $0.matches(a) }) {
            return "unexpected \(noun) annotation: \(a)"
        }
        return nil
    }
}
