import PromModel
import XCTest
@testable import Runtime

/// promtool's text shapes, the test-file decoder, rule file globbing and the JUnit report.
final class RuleTestFormatTests: XCTestCase {
    func testGoDurations() {
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: 0), "0s")
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: 250), "250ms")
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: 1_500), "1.5s")
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: 60_000), "1m0s")
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: 3_690_000), "1h1m30s")
        XCTAssertEqual(RuleTestFormat.goDuration(milliseconds: -90_000), "-1m30s")
    }

    func testGoFloatE() {
        XCTAssertEqual(RuleTestFormat.goFloatE(1), "1E+00")
        XCTAssertEqual(RuleTestFormat.goFloatE(41), "4.1E+01")
        XCTAssertEqual(RuleTestFormat.goFloatE(0.25), "2.5E-01")
        XCTAssertEqual(RuleTestFormat.goFloatE(-1234.5), "-1.2345E+03")
        XCTAssertEqual(RuleTestFormat.goFloatE(1e-7), "1E-07")
        XCTAssertEqual(RuleTestFormat.goFloatE(1.5e300), "1.5E+300")
        XCTAssertEqual(RuleTestFormat.goFloatE(0), "0E+00")
        XCTAssertEqual(RuleTestFormat.goFloatE(.nan), "NaN")
        XCTAssertEqual(RuleTestFormat.goFloatE(-.infinity), "-Inf")
        XCTAssertEqual(RuleTestFormat.goFloatE(0.9999999999999999), "9.999999999999999E-01")
    }

    func testAlertAndSampleLists() {
        XCTAssertEqual(RuleTestFormat.alertList([]), "[]")
        let one = RuleTestFormat.alertList([([Label("alertname", "A")], [Label("s", "x\"y")])])
        XCTAssertEqual(one, "[\n0:\n  Labels:{alertname=\"A\"}\n  Annotations:{s=\"x\\\"y\"}\n]")
        XCTAssertEqual(RuleTestFormat.sampleList([]), "nil")
        XCTAssertEqual(RuleTestFormat.sampleList([([Label("__name__", "m")], 2), ([], 0.5)]),
                       "{__name__=\"m\"} 2E+00, {} 5E-01")
    }

    func testFuzzyComparison() {
        XCTAssertFalse(RuleTestRunner.sameValue(.nan, .nan, fuzzy: false))
        XCTAssertTrue(RuleTestRunner.sameValue(.nan, .nan, fuzzy: true))
        XCTAssertFalse(RuleTestRunner.sameValue(1, 1.0.nextUp, fuzzy: false))
        XCTAssertTrue(RuleTestRunner.sameValue(1, 1.0.nextUp, fuzzy: true))
        XCTAssertFalse(RuleTestRunner.sameValue(1, 1.0.nextUp.nextUp, fuzzy: true))
    }

    func testDecoderIsStrictAndPositioned() {
        let bad = RuleTestFile.parse("rule_files: [a.yml]\ntests:\n  - interval: 1m\n    exp_alerts: []\n", file: "t.yml")
        XCTAssertNil(bad.file)
        let d = bad.diagnostics.first
        XCTAssertEqual(d?.location?.line, 4)
        XCTAssertTrue(d?.message.contains("exp_alerts") ?? false, d?.message ?? "")

        let badDuration = RuleTestFile.parse("evaluation_interval: 5 minutes\n", file: "t.yml")
        XCTAssertNil(badDuration.file)

        let good = RuleTestFile.parse("""
            rule_files: [a.yml]
            evaluation_interval: 30s
            fuzzy_compare: true
            group_eval_order: [x, y]
            tests:
              - name: n
                interval: 15s
                external_labels: {region: eu}
                external_url: http://x
                input_series:
                  - series: up
                    values: 1 2
                alert_rule_test:
                  - eval_time: 1m
                    alertname: A
                    exp_alerts:
                      - exp_labels: {b: "2", a: ""}
                promql_expr_test:
                  - expr: up
                    eval_time: 30s
                    exp_samples:
                      - labels: up
                        value: 2
            """, file: "t.yml")
        let file = try? XCTUnwrap(good.file)
        XCTAssertEqual(file?.evaluationIntervalMilliseconds, 30_000)
        XCTAssertEqual(file?.fuzzyCompare, true)
        XCTAssertEqual(file?.groupEvalOrder, ["x", "y"])
        let group = file?.tests.first
        XCTAssertEqual(group?.interval?.milliseconds, 15_000)
        XCTAssertEqual(group?.externalLabels, [Label("region", "eu")])
        XCTAssertEqual(group?.alertRuleTests.first?.expAlerts.first?.labels, [Label("a", ""), Label("b", "2")])
        XCTAssertEqual(group?.promqlExprTests.first?.expSamples.first?.value, 2)
    }

    func testGlobMatching() {
        func m(_ text: String, _ pattern: String) -> Bool {
            RuleFileGlob.matches(Array(text.unicodeScalars), Array(pattern.unicodeScalars))
        }
        XCTAssertTrue(m("rules_a.yml", "rules_*.yml"))
        XCTAssertTrue(m("rules_a.yml", "rules_?.yml"))
        XCTAssertTrue(m("rules_b.yml", "rules_[a-c].yml"))
        XCTAssertFalse(m("rules_d.yml", "rules_[a-c].yml"))
        XCTAssertTrue(m("rules_d.yml", "rules_[!a-c].yml"))
        XCTAssertFalse(m("rules.yaml", "*.yml"))
        XCTAssertTrue(m("aaa", "*a*a*a*"))
        XCTAssertFalse(m(String(repeating: "a", count: 40) + "b", "*a*a*a*a*a*a*c"))
    }

    func testJUnitReport() {
        var result = RuleTestFileResult(file: "t&.yml")
        var passed = RuleTestGroupResult(index: 0, name: "ok")
        passed.checks = 1
        var failed = RuleTestGroupResult(index: 1, name: "")
        failed.failures = ["    alertname: <A>, time: 1m, \n        exp:[]"]
        var skipped = RuleTestGroupResult(index: 2, name: "s")
        skipped.skipped = true
        result.groups = [passed, failed, skipped]
        let xml = RuleTestReport.junit([result])
        XCTAssertTrue(xml.contains("<testsuite name=\"t&amp;.yml\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"#2\" classname=\"t&amp;.yml\">"), xml)
        XCTAssertTrue(xml.contains("<failure message=\"alertname: &lt;A&gt;, time: 1m,\">"), xml)
        XCTAssertTrue(xml.contains("<skipped message=\"filtered out by --run\"/>"), xml)
        XCTAssertEqual(RuleTestReport.summary([result]), "1 test file: 0 passed, 1 failed (1 of 2 test groups failed, 1 skipped)")
        XCTAssertTrue(RuleTestReport.text(result).contains("  FAILED:\n    alertname: <A>"))
    }
}
