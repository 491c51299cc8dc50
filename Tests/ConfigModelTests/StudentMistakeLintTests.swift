import Diagnostics
import PromModel
import XCTest
@testable import ConfigModel

/// The per-file lints for the mistakes students really make (issue "checks that catch what students
/// really get wrong"): each on an example that triggers it and one that does not.
final class StudentMistakeLintTests: XCTestCase {
    private func ruleFindings(_ expr: String) -> [Diagnostic] {
        let text = "groups:\n  - name: g\n    rules:\n      - record: job:a:p95\n        expr: '\(expr)'\n"
        let result = RuleFile.parse(text, file: "r.yml")
        XCTAssertFalse(result.hasErrors, result.diagnostics.description)
        guard let file = result.value else { return [] }
        return RuleLints.suite.run(RuleLintInput(file: file, scrapeInterval: .seconds(15)))
            .filter { $0.code != RecordingRuleLevelLint.code }
    }

    private func dashboard(panels: String, annotations: String = "") -> String {
        #"{"uid":"d","title":"t","schemaVersion":39,"# + annotations + #""panels":["# + panels + "]}"
    }

    private func panel(type: String = "timeseries", expr: String) -> String {
        #"{"id":1,"type":""# + type + #"","title":"x","gridPos":{"x":0,"y":0,"w":4,"h":4},"targets":[{"refId":"A","expr":""#
            + expr + #""}]}"#
    }

    private func dashboardFindings(_ text: String) -> [Diagnostic] {
        let (d, diagnostics) = GrafanaDashboard.load(text: text, file: "d.json", datasources: nil).parts
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, diagnostics.description)
        return d.map { GrafanaLints.suite.run($0) } ?? []
    }

    // MARK: - histogram_quantile over something that is not a bucket

    func testHistogramQuantileOverBaseNameSaysBucketNotDeriv() {
        let found = ruleFindings("histogram_quantile(0.95, rate(http_request_duration_seconds[5m]))")
        XCTAssertEqual(found.map(\.code), [HistogramQuantileNonBucketLint.code], found.description)
        XCTAssertTrue(found.first?.message.contains("http_request_duration_seconds_bucket") ?? false)
        XCTAssertFalse(found.contains { $0.message.contains("deriv") })
        XCTAssertEqual(found.first?.location, SourceLocation(file: "r.yml", line: 5, column: 46))
    }

    func testHistogramQuantileOverCounterSaysItIsNotAHistogram() {
        let found = ruleFindings("histogram_quantile(0.9, sum by (le) (rate(http_requests_total[5m])))")
        XCTAssertEqual(found.map(\.code), [HistogramQuantileNonBucketLint.code])
        XCTAssertTrue(found.first?.message.contains("is a counter, not a histogram") ?? false)
        XCTAssertTrue(ruleFindings("histogram_quantile(0.9, rate(x_count[5m]))").first?.message.contains("x_bucket") ?? false)
    }

    func testHistogramQuantileOverBucketsIsQuiet() {
        XCTAssertEqual(ruleFindings("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"), [])
        XCTAssertEqual(ruleFindings("histogram_quantile(0.95, job:http_request_duration_seconds_bucket:rate5m)"), [])
    }

    func testRateOnGaugeOutsideHistogramQuantileStillWarns() {
        XCTAssertEqual(ruleFindings("rate(http_requests_active[5m])").map(\.code), [RateOnNonCounterLint.code])
    }

    func testDashboardHistogramQuantileOverNonBucket() {
        let text = dashboard(panels: panel(expr: "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds[5m])))"))
        let found = dashboardFindings(text).filter { $0.code == HistogramQuantileNonBucketPanelLint.code }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location?.line, 1)
        XCTAssertNotNil(found.first?.location)
    }

    // MARK: - Práctica 26's dashboard: graph panels and unsummed quantiles

    func testDeprecatedGraphPanel() {
        let found = dashboardFindings(dashboard(panels: panel(type: "graph", expr: "up")))
            .filter { $0.code == DeprecatedPanelTypeLint.code }
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("timeseries") ?? false)
        XCTAssertEqual(dashboardFindings(dashboard(panels: panel(expr: "up"))).filter { $0.code == DeprecatedPanelTypeLint.code }, [])
    }

    func testHistogramQuantileNotSummedByLe() {
        let unsummed = dashboardFindings(dashboard(panels: panel(expr: "histogram_quantile(0.95, rate(x_bucket[5m]))")))
        XCTAssertEqual(unsummed.filter { $0.code == HistogramQuantileNotSummedLint.code }.count, 1)
        let dropsLe = dashboardFindings(dashboard(panels: panel(expr: "histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))")))
        XCTAssertTrue(dropsLe.first { $0.code == HistogramQuantileNotSummedLint.code }?.message.contains("sum by (job, le)") ?? false)
        let good = dashboardFindings(dashboard(panels: panel(expr: "histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))")))
        XCTAssertEqual(good.filter { $0.code == HistogramQuantileNotSummedLint.code }, [])
    }

    // MARK: - Datasource uids, annotations included, at the uid

    func testUnknownDatasourceUidInAnnotationAtTheUid() {
        let datasources = [GrafanaDatasource(name: "Prometheus", type: "prometheus", uid: "prometheus")]
        let annotations = #""annotations":{"list":[{"name":"deploys","enable":true,"#
            + #""datasource":{"type":"prometheus","uid":"prometheu"}}]},"#
        let text = dashboard(panels: panel(expr: "up"), annotations: annotations)
        let diagnostics = GrafanaDashboard.load(text: text, file: "d.json", datasources: datasources).diagnostics
        let found = diagnostics.filter { $0.code == "grafana-dashboard/unknown-datasource" }
        XCTAssertEqual(found.count, 1, diagnostics.description)
        let uidColumn = (text.range(of: "\"prometheu\"").map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0) + 1
        XCTAssertEqual(found.first?.location, SourceLocation(file: "d.json", line: 1, column: uidColumn))
        XCTAssertTrue(found.first?.message.contains("did you mean \"prometheus\"") ?? false)
    }

    // MARK: - Alertmanager

    func testDeprecatedMatchGivesTheMatchersForm() {
        let text = """
        route:
          receiver: a
          routes:
            - match:
                severity: critical
              receiver: a
        inhibit_rules:
          - source_match: {severity: critical}
            target_match_re: {severity: "warn.*"}
            equal: [alertname]
        receivers:
          - name: a
        """
        let (config, diagnostics) = AlertmanagerConfig.load(text: text, file: "am.yml").parts
        XCTAssertFalse(diagnostics.contains { $0.severity == .error }, diagnostics.description)
        let found = config.map { DeprecatedMatchLint().check($0) } ?? []
        XCTAssertEqual(found.map(\.location?.line), [4, 8, 9])
        XCTAssertEqual(found.first?.message.contains(#"matchers: ['severity="critical"']"#), true)
        XCTAssertEqual(found.last?.message.contains(#"target_matchers: ['severity=~"warn.*"']"#), true)
        let modern = "route:\n  receiver: a\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: a\nreceivers:\n  - name: a\n"
        XCTAssertEqual(AlertmanagerConfig.load(text: modern, file: "am.yml").value.map { DeprecatedMatchLint().check($0) }, [])
    }

    // MARK: - Label sets that never match, recording levels that lie

    private func lint<L: LintRule>(_ lint: L.Type, record name: String = "a:b:c", _ expr: String) -> [Diagnostic]
    where L.Subject == RuleLintInput {
        let text = "groups:\n  - name: g\n    rules:\n      - record: \(name)\n        expr: '\(expr)'\n"
        guard let file = RuleFile.parse(text, file: "r.yml").value else { return [] }
        return L().check(RuleLintInput(file: file, scrapeInterval: .seconds(15)))
    }

    func testLabelSetMismatch() {
        let found = lint(LabelSetMismatchLint.self, #"node_load5 / count(node_cpu_seconds_total{mode="idle"})"#)
        XCTAssertEqual(found.map(\.code), [LabelSetMismatchLint.code])
        XCTAssertEqual(found.first?.location, SourceLocation(file: "r.yml", line: 5, column: 16))
        XCTAssertTrue(found.first?.message.contains("on (instance) count by (instance)") ?? false)
        for quiet in [#"node_load5 / on (instance) count by (instance) (node_cpu_seconds_total{mode="idle"})"#,
                      "sum(rate(a_total[5m])) / sum(rate(b_total[5m]))", "x / scalar(count(y))", "x and count(y) > 0",
                      "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m]))) / sum(rate(x_count[5m]))"] {
            XCTAssertEqual(lint(LabelSetMismatchLint.self, quiet), [], quiet)
        }
        XCTAssertEqual(lint(LabelSetMismatchLint.self, "rate(errors_total[5m]) / sum(rate(requests_total[5m]))").count, 1)
    }

    func testRecordingLevelMatchesTheAggregation() {
        let found = lint(RecordingRuleLevelLint.self, record: "job:http_requests:rate5m", "sum(rate(http_requests_total[5m]))")
        XCTAssertEqual(found.map(\.code), [RecordingRuleLevelLint.code])
        XCTAssertTrue(found.first?.message.contains("sum by (job) (…)") ?? false)
        XCTAssertEqual(lint(RecordingRuleLevelLint.self, record: "job:http_requests:rate5m",
                            "sum by (job) (rate(http_requests_total[5m]))"), [])
        XCTAssertEqual(lint(RecordingRuleLevelLint.self, record: "job:p95:5m",
                            "histogram_quantile(0.95, sum by (job, le) (rate(x_bucket[5m])))"), [])
        XCTAssertEqual(lint(RecordingRuleLevelLint.self, record: "job:p95:5m",
                            "histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))").count, 1)
        XCTAssertEqual(lint(RecordingRuleLevelLint.self, record: "cluster:http_requests:rate5m", "sum(rate(x_total[5m]))"), [])
        XCTAssertEqual(lint(RecordingRuleLevelLint.self, record: "instance:cpu:ratio", "rate(x_total[5m])"), [])
    }

    // MARK: - One clear error for an invalid for:

    func testInvalidForIsOneErrorWithoutAlertWithoutFor() {
        let text = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 1min\n"
            + "        labels: {severity: warning}\n        annotations: {summary: s, description: d}\n"
        let result = RuleFile.parse(text, file: "r.yml")
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.location?.line), [6])
        let lints = result.value.map { RuleLints.suite.run(RuleLintInput(file: $0)) } ?? []
        XCTAssertEqual(lints.filter { $0.code == AlertWithoutForLint.code }, [])
        let missing = RuleFile.parse(text.replacingOccurrences(of: "        for: 1min\n", with: ""), file: "r.yml")
        XCTAssertEqual(missing.value.map { AlertWithoutForLint().check(RuleLintInput(file: $0)).count }, 1)
    }

    // MARK: - PromQL answers files

    func testAnswersFileParseErrorAtFilePosition() {
        let text = "answers:\n  ej1: 'http_requests_total'\n  ej3: 'sum by endpoint (rate(http_requests_total[1m]))'\n  ej4: \"\"\n"
        let result = PromQLAnswerFile.check(text: text, file: "promql/lab2.yml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.code), [PromQLAnswerFile.parseErrorCode], result.diagnostics.description)
        XCTAssertEqual(errors.first?.location?.file, "promql/lab2.yml")
        XCTAssertEqual(errors.first?.location?.line, 3)
        XCTAssertGreaterThan(errors.first?.location?.column ?? 0, 9)
        XCTAssertTrue(errors.first?.message.contains("grouping labels go in parentheses") ?? false)
        XCTAssertEqual(result.value?.answers.map(\.key), ["ej1", "ej3"])
    }

    func testAnswersFileRunsExpressionLints() {
        let text = "answers:\n  p95: 'histogram_quantile(0.95, rate(http_request_duration_seconds[5m]))'\n"
        let result = PromQLAnswerFile.check(text: text, file: "a.yml", scrapeInterval: .seconds(15))
        XCTAssertEqual(result.diagnostics.map(\.code), [HistogramQuantileNonBucketLint.code])
        XCTAssertEqual(result.diagnostics.first?.location?.line, 2)
    }
}
