import Diagnostics
import PromModel
import XCTest
@testable import ConfigModel

/// Each rule lint on an example that triggers it and one that does not (the examples of its doc comment).
final class RuleLintTests: XCTestCase {
    private func findings<L: LintRule>(_ lint: L.Type, _ rules: String, interval: Duration? = nil) -> [Diagnostic]
    where L.Subject == RuleLintInput {
        let text = "groups:\n  - name: g\n    rules:\n" + rules
        let result = RuleFile.parse(text, file: "r.yml")
        XCTAssertFalse(result.hasErrors, result.diagnostics.description)
        guard let file = result.value else { return [] }
        return L().check(RuleLintInput(file: file, scrapeInterval: interval))
    }

    private func record(_ name: String, _ expr: String) -> String {
        "      - record: \(name)\n        expr: '\(expr)'\n"
    }

    private func alert(_ expr: String, for duration: String? = "5m", labels: String = "{severity: warning}",
                       annotations: String = "{summary: s, description: d}") -> String {
        var s = "      - alert: A\n        expr: '\(expr)'\n"
        if let duration { s += "        for: \(duration)\n" }
        return s + "        labels: \(labels)\n        annotations: \(annotations)\n"
    }

    func testRateOnNonCounter() {
        let found = findings(RateOnNonCounterLint.self, record("job:a:rate", "rate(http_requests_active[5m])"))
        XCTAssertEqual(found.map(\.code), [RateOnNonCounterLint.code])
        XCTAssertEqual(found.first?.location, SourceLocation(file: "r.yml", line: 5, column: 16))
        XCTAssertEqual(findings(RateOnNonCounterLint.self, record("job:a:rate", "rate(http_requests_total[5m])")), [])
        XCTAssertEqual(findings(RateOnNonCounterLint.self, record("job:a:rate", "increase(x_bucket[5m])")), [])
    }

    func testRateRangeTooShortUsesTheKnownOrDefaultInterval() {
        let rule = record("job:a:rate", "rate(x_total[1m])")
        XCTAssertEqual(findings(RateRangeTooShortLint.self, rule).count, 1)
        XCTAssertEqual(findings(RateRangeTooShortLint.self, rule, interval: .seconds(15)), [])
        XCTAssertEqual(findings(RateRangeTooShortLint.self, record("job:a:rate", "rate(x_total[20s])"),
                                interval: .seconds(15)).count, 1)
        XCTAssertEqual(findings(RateRangeTooShortLint.self, record("job:a:rate", "rate(x_total[30s])"),
                                interval: .seconds(15)), [])
    }

    func testHistogramQuantileWithoutLe() {
        let bad = "histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m])))"
        XCTAssertEqual(findings(HistogramQuantileWithoutLeLint.self, record("job:x:p90", bad)).count, 1)
        XCTAssertEqual(findings(HistogramQuantileWithoutLeLint.self,
                                record("job:x:p90", "histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))")).count, 1)
        XCTAssertEqual(findings(HistogramQuantileWithoutLeLint.self,
                                record("job:x:p90", "histogram_quantile(0.9, sum by (job, le) (rate(x_bucket[5m])))")), [])
        XCTAssertEqual(findings(HistogramQuantileWithoutLeLint.self,
                                record("job:x:p90", "histogram_quantile(0.9, rate(x_bucket[5m]))")), [])
    }

    func testAlertWithoutComparison() {
        XCTAssertEqual(findings(AlertWithoutComparisonLint.self, alert("http_requests_active")).count, 1)
        XCTAssertEqual(findings(AlertWithoutComparisonLint.self, alert("http_requests_active > 100")), [])
        XCTAssertEqual(findings(AlertWithoutComparisonLint.self, alert("absent(up{job=\"a\"})")), [])
        XCTAssertEqual(findings(AlertWithoutComparisonLint.self, alert("up == bool 0")).count, 1)
    }

    func testAlertWithoutFor() {
        XCTAssertEqual(findings(AlertWithoutForLint.self, alert("up == 0", for: nil)).count, 1)
        XCTAssertEqual(findings(AlertWithoutForLint.self, alert("up == 0", for: "0s")).count, 1)
        XCTAssertEqual(findings(AlertWithoutForLint.self, alert("up == 0")), [])
    }

    func testAlertMissingSeverityAndAnnotations() {
        XCTAssertEqual(findings(AlertMissingSeverityLint.self, alert("up == 0", labels: "{team: web}")).count, 1)
        XCTAssertEqual(findings(AlertMissingSeverityLint.self, alert("up == 0")), [])
        let missing = findings(AlertMissingAnnotationsLint.self, alert("up == 0", annotations: "{summary: s}"))
        XCTAssertEqual(missing.map(\.message), ["alert \"A\" has no description annotation"])
        XCTAssertEqual(findings(AlertMissingAnnotationsLint.self, alert("up == 0")), [])
    }

    func testValueInAlertLabels() {
        let found = findings(ValueInAlertLabelsLint.self,
                             alert("up == 0", labels: "{severity: warning, current: \"{{ $value }}\"}"))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(findings(ValueInAlertLabelsLint.self,
                                alert("up == 0", annotations: "{summary: \"{{ $value }}\", description: d}")), [])
    }

    func testRecordingRuleNaming() {
        XCTAssertEqual(findings(RecordingRuleNamingLint.self, record("http_requests_rate", "sum(x_total)")).count, 1)
        XCTAssertEqual(findings(RecordingRuleNamingLint.self, record("job::rate", "sum(x_total)")).count, 1)
        XCTAssertEqual(findings(RecordingRuleNamingLint.self, record("job:http_requests:rate5m", "sum(x_total)")), [])
    }

    func testDuplicateRulesConsiderLabels() {
        let twice = record("job:a:sum", "sum(a)") + record("job:a:sum", "sum(b)")
        let found = findings(DuplicateRuleLint.self, twice)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location?.line, 6)
        XCTAssertEqual(found.first?.notes.first?.location?.line, 4)
        let labelled = alert("up == 0", labels: "{severity: warning}") + alert("up == 0", labels: "{severity: page}")
        XCTAssertEqual(findings(DuplicateRuleLint.self, labelled), [])
    }

    func testCatalogueCodesAreUniqueAndDocumented() {
        let codes = RuleLints.suite.descriptions.map(\.code) + PrometheusConfigLints.suite.descriptions.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count)
        XCTAssertEqual(codes.count, 14)
        XCTAssertTrue(RuleLints.suite.descriptions.allSatisfy { $0.code.hasPrefix("rules/") && !$0.summary.isEmpty })
    }

    func testTooLongScrapeInterval() throws {
        let config = try XCTUnwrap(PrometheusConfig.parse("""
        global: {scrape_interval: 5m}
        scrape_configs:
          - job_name: slow
          - job_name: fast
            scrape_interval: 1m
        """, file: "p.yml").validValue)
        let found = TooLongScrapeIntervalLint().check(config)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, SourceLocation(file: "p.yml", line: 1, column: 27))
    }
}
