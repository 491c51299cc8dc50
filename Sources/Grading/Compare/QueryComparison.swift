import Foundation
import PromModel
import PromQL

/// Compares a student's query with a reference on a scenario: instant results at several times and a
/// range over the whole scenario, as sets of labelled values within a tolerance.
public struct QueryComparison {
    public let backend: any QueryBackend
    public let scenario: ScenarioData
    public let tolerance: ValueTolerance
    public let language: GradingLanguage

    public init(backend: any QueryBackend, scenario: ScenarioData, tolerance: ValueTolerance, language: GradingLanguage) {
        self.backend = backend
        self.scenario = scenario
        self.tolerance = tolerance
        self.language = language
    }

    /// The instant evaluation times: `at` (default the end), the middle and three quarters, on the
    /// scenario's grid.
    public func times(at: Int64?) -> [Int64] {
        let d = scenario.duration, step = scenario.interval
        let snap: (Int64) -> Int64 = { step > 0 ? ($0 / step) * step : $0 }
        var out: [Int64] = []
        for t in [at ?? d, snap(d / 2), snap(d * 3 / 4), d] where !out.contains(t) && t >= 0 && t <= d { out.append(t) }
        return out
    }

    /// Nil when the answer agrees everywhere; otherwise feedback naming the first difference. The
    /// reference failing is a grader error. `answerLabel` names the answer in the chart.
    public func compare(answer: String, reference: String, at: Int64?,
                        dropName: Bool = false) throws -> (feedback: Feedback?, chart: ChartData?) {
        let say = language.say
        for t in times(at: at) {
            let expected: SampleSet
            do {
                expected = normalise(try backend.instant(reference, at: t), dropName: dropName)
            } catch {
                throw GraderError("the reference query \(reference) fails at \(PromModelDuration.format(t)): \(error)")
            }
            let actual: SampleSet
            do {
                actual = normalise(try backend.instant(answer, at: t), dropName: dropName)
            } catch {
                return (Feedback(say("your query fails at \(PromModelDuration.format(t)): \(error)")), nil)
            }
            if let difference = SampleSetDifference.first(expected: expected, actual: actual, tolerance: tolerance) {
                var notes = table(expected: expected, actual: actual)
                if SampleSetDifference.sameValuesOtherLabels(expected: expected, actual: actual, tolerance: tolerance) {
                    notes.insert(say("the values are right but the labels are not: check the by (...) / without (...)"), at: 0)
                }
                let message = describe(difference, at: t)
                return (Feedback(message, notes: notes), chart(answer: answer, reference: reference, dropName: dropName))
            }
        }
        let step = max(scenario.interval, scenario.duration / 100)
        let expectedRange: [Labels: [(t: Int64, v: Double)]]
        do {
            expectedRange = try backend.range(reference, start: 0, end: scenario.duration, step: step)
        } catch {
            throw GraderError("the reference query \(reference) fails as a range query: \(error)")
        }
        let actualRange = (try? backend.range(answer, start: 0, end: scenario.duration, step: step)) ?? [:]
        let e = normaliseRange(expectedRange, dropName: dropName), a = normaliseRange(actualRange, dropName: dropName)
        for labels in e.keys.sorted() {
            guard let ePoints = e[labels] else { continue }
            guard let aPoints = a[labels] else {
                return (Feedback(say("the range query lacks the series \(labels)")),
                        chart(answer: answer, reference: reference, dropName: dropName))
            }
            let aByTime = Dictionary(aPoints.map { ($0.t, $0.v) }, uniquingKeysWith: { $1 })
            for p in ePoints {
                guard let v = aByTime[p.t] else {
                    return (Feedback(say("\(labels) has no value at \(PromModelDuration.format(p.t)); expected \(format(p.v))")),
                            chart(answer: answer, reference: reference, dropName: dropName))
                }
                if !tolerance.equal(p.v, v) {
                    return (Feedback(say("\(labels) is \(format(v)) at \(PromModelDuration.format(p.t)); expected \(format(p.v))")),
                            chart(answer: answer, reference: reference, dropName: dropName))
                }
            }
        }
        for labels in a.keys.sorted() where e[labels] == nil {
            return (Feedback(say("the range query gives an extra series: \(labels)")),
                    chart(answer: answer, reference: reference, dropName: dropName))
        }
        return (nil, chart(answer: answer, reference: reference, dropName: dropName))
    }

    private func normalise(_ set: SampleSet, dropName: Bool) -> SampleSet {
        guard dropName else { return set }
        return SampleSet(set.values.map { ($0.key.removing(["__name__"]), $0.value) }, isScalar: set.isScalar)
    }

    private func normaliseRange(_ r: [Labels: [(t: Int64, v: Double)]], dropName: Bool) -> [Labels: [(t: Int64, v: Double)]] {
        guard dropName else { return r }
        var out: [Labels: [(t: Int64, v: Double)]] = [:]
        for (k, v) in r { out[k.removing(["__name__"])] = v }
        return out
    }

    private func describe(_ d: SampleSetDifference, at t: Int64) -> String {
        let say = language.say, when = PromModelDuration.format(t)
        switch d {
        case .missing(let labels, let e):
            return say("at \(when) the series \(labels) is missing (expected \(format(e)))")
        case .unexpected(let labels, let a):
            return say("at \(when) there is an unexpected series \(labels) (value \(format(a)))")
        case .value(let labels, let e, let a):
            return say("at \(when) \(labels) is \(format(a)); expected \(format(e))")
        }
    }

    /// Expected and actual side by side: at most five rows, differing ones first.
    func table(expected: SampleSet, actual: SampleSet) -> [String] {
        let say = language.say
        let all = Array(Set(expected.values.keys).union(actual.values.keys)).sorted()
        let differing = all.filter { l in
            guard let e = expected.values[l], let a = actual.values[l] else { return true }
            return !tolerance.equal(e, a)
        }
        let rows = (differing + all.filter { !differing.contains($0) }).prefix(5)
        let width = min(60, max(10, rows.map { "\($0)".count }.max() ?? 10))
        var out = [pad(say("series"), width) + "  " + pad(say("expected"), 14) + "  " + say("yours")]
        for l in rows {
            let e = expected.values[l].map(format) ?? "—", a = actual.values[l].map(format) ?? "—"
            out.append(pad("\(l)", width) + "  " + pad(e, 14) + "  " + a)
        }
        if all.count > rows.count {
            out.append(say("… \(all.count - rows.count) more series"))
        }
        return out
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    /// Up to five series of each side over the scenario, for the HTML report.
    func chart(answer: String, reference: String, dropName: Bool) -> ChartData? {
        let step = max(scenario.interval, scenario.duration / 60)
        guard let e = try? backend.range(reference, start: 0, end: scenario.duration, step: step) else { return nil }
        let a = (try? backend.range(answer, start: 0, end: scenario.duration, step: step)) ?? [:]
        func lines(_ r: [Labels: [(t: Int64, v: Double)]]) -> [ChartData.Line] {
            r.keys.sorted().prefix(5).map { l in
                ChartData.Line(label: "\(dropName ? l.removing(["__name__"]) : l)",
                               points: (r[l] ?? []).filter { $0.v.isFinite }.map { .init(time: Double($0.t) / 1000, value: $0.v) })
            }
        }
        return ChartData(scenario: scenario.name, expected: lines(e), actual: lines(a))
    }

    func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.6g", v)
        if s.contains("e") == false, s.contains(".") { while s.hasSuffix("0") { s.removeLast() } }
        return s
    }
}
