import PromModel
import Storage
import PromQL

// MARK: - Alert tests

/// The alert tests of a group, checked as the evaluation clock passes their `eval_time`.
struct AlertChecks {
    private var byTime: [Int64: [AlertRuleTestCase]] = [:]
    private var times: [Int64]
    private var current = 0

    init(_ tests: [AlertRuleTestCase]) {
        for test in tests { byTime[test.evalTime.milliseconds, default: []].append(test) }
        times = byTime.keys.sorted()
    }

    /// Checks the tests whose `eval_time` falls in `[ts, ts + interval)` against the rules' state after
    /// the evaluation at `ts`. Returns failure messages.
    mutating func check(at ts: Int64, interval: Int64, groups: [RuleGroupEvaluator], testName: String,
                        checks: inout Int) -> [String] {
        var errors: [String] = []
        let end = ts.addingSaturated(interval)
        while current < times.count, ts <= times[current], times[current] < end {
            let t = times[current]
            current += 1
            let tests = byTime[t] ?? []
            let names = Set(tests.map(\.alertname))
            var got: [String: [(labels: [Label], annotations: [Label])]] = [:]
            for group in groups {
                for rule in group.alertingRules where names.contains(rule.name) {
                    for alert in rule.activeAlerts where alert.state == .firing {
                        got[rule.name, default: []].append((alert.labels.pairs, alert.annotations))
                    }
                }
            }
            for test in tests {
                checks += 1
                let gotAlerts = Self.sorted(got[test.alertname] ?? [])
                let expAlerts = Self.sorted(test.expAlerts.map { expected in
                    var labels = expected.labels.filter { $0.name != Label.alertName }
                    labels.append(Label(Label.alertName, test.alertname))
                    return (labels.sorted { $0.name < $1.name }, expected.annotations)
                })
                if !Self.equal(expAlerts, gotAlerts) {
                    let name = testName.isEmpty ? "" : "    name: \(testName),\n"
                    let exp = RuleTestFormat.indentLines(RuleTestFormat.alertList(expAlerts), "            ")
                    let gotText = RuleTestFormat.indentLines(RuleTestFormat.alertList(gotAlerts), "            ")
                    errors.append("\(name)    alertname: \(test.alertname), time: \(test.evalTime), \n        exp:\(exp), \n        got:\(gotText)")
                }
            }
        }
        return errors
    }

    static func sorted(_ alerts: [(labels: [Label], annotations: [Label])]) -> [(labels: [Label], annotations: [Label])] {
        alerts.sorted { a, b in
            let c = RuleTestFormat.compare(a.labels, b.labels)
            return c != 0 ? c < 0 : RuleTestFormat.compare(a.annotations, b.annotations) < 0
        }
    }

    static func equal(_ a: [(labels: [Label], annotations: [Label])], _ b: [(labels: [Label], annotations: [Label])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.labels == $1.labels && $0.annotations == $1.annotations }
    }
}

// MARK: - Expression tests

extension RuleTestRunner {
    /// Runs every `promql_expr_test` at its `eval_time` and compares the samples.
    func checkExpressions(_ group: RuleTestGroup, engine: Engine, storage: MemoryStorage, fuzzy: Bool,
                          checks: inout Int) -> [String] {
        var errors: [String] = []
        let name = group.name.isEmpty ? "" : "    name: \(group.name),\n"
        for test in group.promqlExprTests {
            checks += 1
            let head = "\(name)    expr: \(RuleTestFormat.goQuote(test.expr)), time: \(test.evalTime)"
            let got: [VectorSample]
            do {
                let expr = try Parser().parseExpr(test.expr)
                let t = test.evalTime.milliseconds
                got = try RuleQuery.vector(try engine.instantQuery(expr, at: t, querier: storage), at: t)
            } catch {
                errors.append("\(head), err: \(error)")
                continue
            }
            var expected: [(labels: [Label], value: Double, histogram: String)] = []
            var labelError: String?
            for sample in test.expSamples {
                var histogram = ""
                if !sample.histogram.isEmpty {
                    do {
                        histogram = RuleTestHistogramExpression.text(try RuleTestHistogramExpression.parse(sample.histogram))
                    } catch {
                        labelError = "histogram \(RuleTestFormat.goQuote(sample.histogram)): \(error)"
                        break
                    }
                }
                // A histogram sample's value is ignored (the engine's is 0).
                let value = histogram.isEmpty ? sample.value : 0
                if sample.labels.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    // promtool accepts an empty selector: a sample without labels (a scalar result).
                    expected.append(([], value, histogram))
                    continue
                }
                do {
                    let parsed = try SeriesDescription.parseMetric(sample.labels)
                    guard parsed.end >= sample.labels.utf8.count
                            || sample.labels.utf8.dropFirst(parsed.end).allSatisfy({ $0 == 32 || $0 == 9 }) else {
                        throw RuleTestInputError(message: "unexpected text after the labels")
                    }
                    expected.append((parsed.labels.pairs, value, histogram))
                } catch {
                    labelError = "labels \(RuleTestFormat.goQuote(sample.labels)): \(error)"
                    break
                }
            }
            if let labelError {
                errors.append("\(head), err: \(labelError)")
                continue
            }
            let actual = got.map {
                (labels: $0.metric.pairs, value: $0.f, histogram: $0.h.map(RuleTestHistogramExpression.text) ?? "")
            }
            let exp = expected.sorted { RuleTestFormat.compare($0.labels, $1.labels) < 0 }
            let act = actual.sorted { RuleTestFormat.compare($0.labels, $1.labels) < 0 }
            let same = exp.count == act.count && zip(exp, act).allSatisfy {
                $0.labels == $1.labels && $0.histogram == $1.histogram && Self.sameValue($0.value, $1.value, fuzzy: fuzzy)
            }
            if !same {
                var message = "\(head),\n        exp: \(RuleTestFormat.mixedSampleList(exp))\n        got: \(RuleTestFormat.mixedSampleList(act))"
                let fuzzyWouldPass = !fuzzy && exp.count == act.count && zip(exp, act).allSatisfy {
                    $0.labels == $1.labels && $0.histogram == $1.histogram && Self.sameValue($0.value, $1.value, fuzzy: true)
                }
                if fuzzyWouldPass { message += "\n        " + Self.fuzzyHint }
                errors.append(message)
            }
        }
        return errors
    }

    /// Said under a failure whose values differ only in the last bit (floating-point rounding).
    static let fuzzyHint = "hint: the values differ only in the last digits (floating-point rounding); "
        + "add `fuzzy_compare: true` at the top of the test file to accept that"

    /// promtool's comparison: exact (NaN never equals, like Go's `reflect.DeepEqual`); with
    /// `fuzzy_compare`, NaN equals NaN and values one unit in the last place apart are equal.
    static func sameValue(_ a: Double, _ b: Double, fuzzy: Bool) -> Bool {
        if !fuzzy { return a == b }
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        return a.nextUp == b || a.nextDown == b
    }
}
