import Diagnostics
import XCTest
@testable import LabCatalog

final class LabSpecValidationTests: XCTestCase {
    private let good = """
    id: demo
    version: 2
    title: {es: "Demo", en: "Demo"}
    summary: {es: "S", en: "S"}
    files:
      - path: prometheus.yml
        kind: prometheus-config
      - path: rules.yml
        kind: rules
    scenarios:
      - name: down
        description: {es: "caído", en: "down"}
        duration: 5m
        series:
          - series: 'up{job="api"}'
            values: '1 0x10'
    total_points: 10
    exercises:
      - id: one
        title: {es: "Uno", en: "One"}
        task: {es: "Haz", en: "Do"}
        points: 10
        checks:
          - kind: scrape_job
            file: prometheus.yml
            job: api
            points: 4
          - kind: alert_fires
            file: rules.yml
            alert: Down
            scenario: down
            within: 2m
            points: 6
    """

    private func diagnostics(_ text: String) -> [Diagnostic] {
        let (spec, found) = LabSpecDecoder().decode(text, file: "lab.yaml")
        guard let spec else { return found }
        return found + LabSpecValidator().validate(spec)
    }

    func testGoodSpec() {
        let (spec, found) = LabSpecDecoder().decode(good, file: "lab.yaml")
        XCTAssertEqual(found, [])
        XCTAssertEqual(spec?.version, 2)
        XCTAssertEqual(spec?.files.first?.template, "demo/prometheus.yml")
        XCTAssertEqual(spec?.exercises.first?.checks.last?.string("within"), "2m")
        XCTAssertEqual(spec.map { LabSpecValidator().validate($0) }, [])
    }

    func testBadSpecsWithPositions() {
        let table: [(String, String, String)] = [
            ("kind: alert_fires", "kind: alert_fire",
             "lab.yaml:28:15: error: [lab-spec/unknown-check-kind] unknown check kind \"alert_fire\" (did you mean \"alert_fires\"?)"),
            ("file: rules.yml\n        alert", "file: rule.yml\n        alert",
             "lab.yaml:29:15: error: [lab-spec/unknown-file] alert_fires check names file \"rule.yml\", which the lab does not produce (did you mean \"rules.yml\"?)"),
            ("file: rules.yml\n        alert", "file: prometheus.yml\n        alert",
             "lab.yaml:29:15: error: [lab-spec/wrong-file-kind] alert_fires check needs a rules file; \"prometheus.yml\" is prometheus-config"),
            ("scenario: down", "scenario: dwn",
             "lab.yaml:31:19: error: [lab-spec/unknown-scenario] unknown scenario \"dwn\" (did you mean \"down\"?)"),
            ("points: 6", "points: 5",
             "lab.yaml:19:5: error: [lab-spec/points-mismatch] the checks of exercise one add up to 9 points, but it declares 10"),
            ("total_points: 10", "total_points: 12",
             "lab.yaml:1:1: error: [lab-spec/points-mismatch] the exercises add up to 10 points, but total_points is 12"),
            ("job: api", "job: api\n        jobs: x",
             "lab.yaml:27:9: error: [lab-spec/unknown-check-parameter] check kind scrape_job has no parameter \"jobs\" (did you mean \"job\"?)"),
            ("within: 2m", "within: 2 minutes",
             "lab.yaml:32:17: error: [lab-spec/invalid-value] invalid duration \"2 minutes\" for within: not a valid duration string: \"2 minutes\""),
            ("        within: 2m\n", "",
             "lab.yaml:28:15: error: [lab-spec/missing-check-parameter] check kind alert_fires needs parameter \"within\""),
            ("title: {es: \"Demo\", en: \"Demo\"}", "title: {es: \"Demo\"}",
             "lab.yaml:3:8: error: [lab-spec/missing-translation] title has no en text"),
            ("  - path: rules.yml", "  - path: ../rules.yml",
             "lab.yaml:8:5: error: [lab-spec/bad-path] file path \"../rules.yml\" must not contain empty, . or .. segments"),
        ]
        for (from, to, expected) in table {
            XCTAssertTrue(good.contains(from), from)
            let found = diagnostics(good.replacingOccurrences(of: from, with: to)).map(\.description)
            XCTAssertTrue(found.contains(expected), "expected \(expected)\ngot \(found)")
        }
    }

    func testUnusedScenarioIsAWarning() {
        let text = good.replacingOccurrences(of: "scenario: down", with: "scenario: down")
            + "\n" // unchanged spec, then add a second scenario
        let extra = text.replacingOccurrences(of: "total_points: 10", with: """
          - name: idle
            description: {es: "x", en: "x"}
            duration: 1m
            series:
              - series: 'up'
                values: '1'
        total_points: 10
        """)
        let found = diagnostics(extra)
        XCTAssertEqual(found.map(\.code), ["lab-spec/unused-scenario"])
        XCTAssertEqual(found.first?.severity, .warning)
    }

    func testPlaceholdersInChecksMustBeParameters() {
        let text = good.replacingOccurrences(of: "alert: Down", with: "alert: <<labctl:prefix>>Down")
        let found = diagnostics(text).map(\.description)
        XCTAssertEqual(found, ["lab.yaml:30:16: error: [template/unknown-placeholder] unknown placeholder <<labctl:prefix>> (this lab has no parameters)"])
    }

    func testTemplatesAreChecked() throws {
        let root = try TestSupport.temporaryDirectory(self)
        let templates = root.appendingPathComponent("templates/demo")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "job: <<labctl:prefx>>\n".write(to: templates.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let (spec, _) = LabSpecDecoder().decode(good, file: "lab.yaml")
        let found = try XCTUnwrap(spec.map { LabSpecValidator(templatesRoot: root.appendingPathComponent("templates")).validate($0) })
        XCTAssertEqual(Set(found.map(\.code)), ["lab-spec/missing-template", "template/unknown-placeholder"])
        XCTAssertEqual(found.first { $0.code == "template/unknown-placeholder" }?.location?.line, 1)
        XCTAssertEqual(found.first { $0.code == "template/unknown-placeholder" }?.location?.column, 6)
    }
}
