import ConfigModel
import Diagnostics
import Foundation
import XCTest

/// Every Grafana fixture (provisioning YAML and dashboard JSON, seeds included) with its expected diagnostics.
final class GrafanaFixtureTests: XCTestCase {
    /// The Práctica 26 seed dashboard is the HTTP API's `{"dashboard": …}` shape without uid, schemaVersion,
    /// gridPos or datasource variable, and graphs `rate(…[5m])`: valid, but every one of those is a warning.
    static let expected: [String: [String]] = [
        "api.good.json": [],
        "datasources-full.good.yml": [],
        "exprs.bad.json": ["grafana-lint/template-datasource@5:17", "grafana-lint/job-instance-variables@5:17",
                           "grafana-dashboard/undefined-variable@8:20", "grafana-dashboard/invalid-expr@10:79",
                           "grafana-dashboard/undefined-variable@11:72", "grafana-lint/counter-without-rate@11:32"],
        "grid.bad.json": ["grafana-dashboard/duplicate-panel-id@7:12", "grafana-dashboard/overlapping-panels@7:56",
                          "grafana-dashboard/invalid-gridpos@8:56", "grafana-dashboard/invalid-gridpos@9:56"],
        "no-title.bad.json": ["grafana-dashboard/missing-title@1:1", "grafana-dashboard/invalid-uid@2:10"],
        "providers.bad.yml": ["grafana-provisioning/api-version@1:13", "yaml/unknown-key@6:7", "yaml/missing-key@6:7"],
        "providers.good.yml": [],
        "seed-lab0-datasource.good.yml": [],
        "seed-practica26-dashboard.good.json": [
            "grafana-dashboard/api-wrapper@1:1", "grafana-dashboard/invalid-uid@2:16",
            "grafana-dashboard/missing-schema-version@2:16", "grafana-lint/template-datasource@2:16",
            "grafana-lint/job-instance-variables@2:16", "grafana-lint/job-instance-variables@2:16",
            "grafana-dashboard/missing-gridpos@5:7", "grafana-lint/rate-interval@10:53",
            "grafana-dashboard/missing-gridpos@15:7", "grafana-lint/rate-interval@20:96",
            "grafana-dashboard/missing-gridpos@25:7",
            // The seed's graph panels and its histogram_quantile without sum by (le).
            "grafana-lint/deprecated-panel-type@7:17", "grafana-lint/deprecated-panel-type@17:17",
            "grafana-lint/deprecated-panel-type@27:17", "grafana-lint/histogram-quantile-not-summed@20:47",
        ],
        "two-defaults.bad.yml": ["yaml/unknown-key@10:5", "grafana-provisioning/multiple-defaults@12:16",
                                 "yaml/missing-key@13:5", "grafana-provisioning/duplicate-name@13:11",
                                 "grafana-provisioning/invalid-access@14:13", "grafana-provisioning/invalid-url@15:10"],
    ]

    func testFixturesReportExpectedDiagnostics() {
        ConfigFixtures.verify("grafana", extensions: [".yml", ".json"], expected: Self.expected) { text, url in
            let name = url.lastPathComponent
            return name.hasSuffix(".json") ? GrafanaDashboard.check(text: text, file: name)
                : GrafanaProvisioning.check(text: text, file: name)
        }
    }

    func testDatasourceReferencesResolveAgainstProvisionedDatasources() {
        let dir = ConfigFixtures.directory("grafana")
        let (provisioning, _) = GrafanaProvisioning.load(path: dir.appendingPathComponent("datasources-full.good.yml").path).parts
        let datasources = provisioning?.datasources ?? []
        XCTAssertEqual(datasources.map(\.uid), ["prom", "am"])
        XCTAssertEqual(provisioning?.deleteDatasources.first?.name, "Old")
        let good = #"{"uid":"d","title":"t","schemaVersion":39,"panels":[{"id":1,"type":"stat","title":"x","#
            + #""gridPos":{"x":0,"y":0,"w":4,"h":4},"datasource":{"type":"prometheus","uid":"prom"}}]}"#
        XCTAssertEqual(GrafanaDashboard.load(text: good, file: "d.json", datasources: datasources).diagnostics, [])
        let bad = good.replacingOccurrences(of: "\"prom\"", with: "\"prometheus\"")
        let d = GrafanaDashboard.load(text: bad, file: "d.json", datasources: datasources).diagnostics
        XCTAssertEqual(d.map(\.code), ["grafana-dashboard/unknown-datasource"])
        XCTAssertEqual(d.first?.location?.description, "d.json:1:163")  // the uid itself
    }

    func testSeedDatasourceDefaultsApplied() {
        let url = ConfigFixtures.directory("grafana").appendingPathComponent("seed-lab0-datasource.good.yml")
        let ds = GrafanaProvisioning.load(text: ConfigFixtures.text(url), file: "p.yml").value?.datasources.first
        XCTAssertEqual(ds?.name, "Prometheus")
        XCTAssertEqual(ds?.orgID, 1)
        XCTAssertEqual(ds?.isDefault, true)
        XCTAssertEqual(ds?.url, "http://prometheus:9090")
    }

    func testGridPositionsAtTheEdgeOfIntDoNotOverflow() {
        let huge = GrafanaPanel.GridPos(x: 0, y: Int.max - 1, w: 12, h: Int.max)
        XCTAssertTrue(huge.overlaps(huge))
        XCTAssertFalse(huge.overlaps(.init(x: 0, y: 0, w: 12, h: 8)))
        XCTAssertTrue(GrafanaPanel.GridPos(x: 0, y: 0, w: 12, h: Int.max).overlaps(huge))
        let text = #"{"uid":"d","title":"t","schemaVersion":39,"panels":["#
            + #"{"id":1,"type":"text","title":"a","gridPos":{"x":0,"y":9223372036854775800,"w":12,"h":9223372036854775800}},"#
            + #"{"id":2,"type":"text","title":"b","gridPos":{"x":0,"y":9223372036854775800,"w":12,"h":9223372036854775800}}]}"#
        let codes = GrafanaDashboard.load(text: text, file: "d.json", datasources: nil).diagnostics.map(\.code)
        XCTAssertEqual(codes, ["grafana-dashboard/overlapping-panels"])
    }

    func testManyPanelsAreCheckedInReasonableTime() {
        let panels = (0..<3000).map { i in
            #"{"id":\#(i),"type":"text","title":"p\#(i)","gridPos":{"x":\#(i % 2 * 12),"y":\#(i / 2 * 8),"w":12,"h":8}}"#
        }
        let text = #"{"uid":"d","title":"t","schemaVersion":39,"panels":["# + panels.joined(separator: ",") + "]}"
        let start = Date()
        let diagnostics = GrafanaDashboard.load(text: text, file: "d.json", datasources: nil).diagnostics
        XCTAssertEqual(diagnostics.map(\.code), [])
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "panel layout checks should not be quadratic")
    }
}
