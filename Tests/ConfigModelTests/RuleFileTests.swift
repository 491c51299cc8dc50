import Diagnostics
import PromModel
import XCTest
@testable import ConfigModel

final class RuleFileTests: XCTestCase {
    func testDecodesGroupsAndRulesWithPositions() throws {
        let file = try XCTUnwrap(RuleFile.parse(PrometheusSeedAlertRules.text, file: "a.yml").validValue)
        XCTAssertEqual(file.groups.map(\.name), ["fastapi_alerts", "system_alerts", "redis_alerts"])
        XCTAssertEqual(file.groups.first?.interval?.description, "30s")
        let first = try XCTUnwrap(file.rules.first)
        XCTAssertEqual(first.kind, .alerting)
        XCTAssertEqual(first.name, "ServiceDown")
        XCTAssertEqual(first.forDuration?.description, "1m")
        XCTAssertEqual(first.nameLocation, SourceLocation(file: "a.yml", line: 6, column: 16))
        XCTAssertEqual(first.parsedExpr?.type, .vector)
        XCTAssertEqual(file.rules[1].exprPosition?.base, SourceLocation(file: "a.yml", line: 17, column: 11))
    }

    func testParseErrorsInsideBlockScalarsPointAtTheFileLine() {
        let text = """
        groups:
          - name: g
            rules:
              - record: job:x:sum
                expr: |
                  sum(
                    rate(x_total[5m]) by (job)
        """
        let d = RuleFile.parse(text, file: "r.yml").diagnostics
        XCTAssertEqual(d.map(\.code), ["promql/parse-error"])
        XCTAssertEqual(d.first?.location?.line, 7)
    }

    func testEveryErrorOfAFileIsReported() {
        let text = """
        groups:
          - name: g
            rules:
              - record: bad name
                expr: up
                for: 1m
              - alert: A
                expr: up ==
                labels: {__name__: x}
          - name: g
            rules: []
        """
        let codes = RuleFile.parse(text, file: "r.yml").diagnostics.map(\.code)
        XCTAssertEqual(codes, [RulesCode.fieldNotAllowed, RulesCode.invalidRecordName, RulesCode.invalidLabelName,
                               "promql/parse-error", RulesCode.duplicateGroup])
    }

    func testOnlyTheFirstDocumentIsUsed() {
        let result = RuleFile.parse("groups: []\n---\ngroups: []\n", file: "r.yml")
        XCTAssertEqual(result.diagnostics.map(\.code), [RulesCode.multipleDocuments])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
    }

    func testGeneratedRuleFileReadsBack() throws {
        var alert = Rule(kind: .alerting, name: "ServiceDown", expr: "up{job=\"api\"} == 0")
        alert.forDuration = .seconds(60)
        alert.labels = [LabelEntry(name: "severity", value: "critical")]
        alert.annotations = [LabelEntry(name: "summary", value: "{{ $labels.job }} down")]
        let record = Rule(kind: .recording, name: "job:http_requests:rate5m",
                          expr: "sum by (job) (\n  rate(http_requests_total[5m])\n)")
        let file = RuleFile(groups: [RuleGroup(name: "lab", interval: .seconds(30), rules: [alert, record])])
        let text = file.yamlText()
        let again = RuleFile.parse(text, file: "gen.yml")
        XCTAssertEqual(again.diagnostics, [], text)
        let rules = try XCTUnwrap(again.value?.rules)
        XCTAssertEqual(rules.map(\.name), ["ServiceDown", "job:http_requests:rate5m"])
        XCTAssertEqual(rules.map(\.expr), [alert.expr, record.expr])
        XCTAssertEqual(rules.first?.forDuration, .seconds(60))
        XCTAssertEqual(again.value?.yamlText(), text)
    }

    func testNonMappingsAndWrongTypesAreErrorsNotCrashes() {
        for text in ["- a", "groups: 3", "groups: [3]", "groups:\n  - name: [a]\n    rules: {}\n",
                     "groups:\n  - name: a\n    rules: [~, 1, {expr: 1}]\n"] {
            XCTAssertTrue(RuleFile.parse(text, file: "r.yml").hasErrors, text)
        }
    }
}
