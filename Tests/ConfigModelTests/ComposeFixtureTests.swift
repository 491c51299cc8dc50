import ConfigModel
import Diagnostics
import Foundation
import XCTest

/// Every compose fixture (seed files of the course included) with the diagnostics labctl must report.
final class ComposeFixtureTests: XCTestCase {
    /// The seeds are valid compose files. Their warnings document what is wrong with them as lab material:
    /// the obsolete `version`, `latest` tags, services without restart policy, and bind mounts whose
    /// sources only exist once the student created the lab tree (see `testSeedLab0InItsLabTree`).
    static let expected: [String: [String]] = [
        "bad-values.bad.yml": ["compose/invalid-port@6:9", "compose/invalid-port@8:20", "compose/invalid-volume@10:9",
                               "compose/invalid-restart@11:14", "compose/invalid-interpolation@14:15",
                               "compose/invalid-healthcheck@16:13", "compose/invalid-healthcheck@17:17"],
        "cycle.bad.yml": ["compose/dependency-cycle@8:18", "compose/no-image@11:5"],
        "long-syntax.good.yml": [],
        "port-clash.bad.yml": ["compose/host-port-conflict@8:13"],
        "seed-lab0.good.yml": ["compose/obsolete-version@1:1", "compose-lint/latest-tag@6:12",
                               "compose/missing-bind-source@9:9", "compose-lint/latest-tag@24:12",
                               "compose/missing-bind-source@33:9", "compose-lint/latest-tag@44:12",
                               "compose-lint/latest-tag@60:12"],
        "seed-lab7-merged.good.yml": [
            "compose/obsolete-version@3:1", "compose-lint/latest-tag@8:12", "compose/missing-bind-source@11:9",
            "compose-lint/latest-tag@26:12", "compose/missing-bind-source@35:9", "compose-lint/latest-tag@46:12",
            "compose-lint/latest-tag@62:12", "compose-lint/no-restart-policy@88:5", "compose-lint/latest-tag@88:12",
            "compose/missing-bind-source@93:9", "compose-lint/no-restart-policy@98:5",
            "compose-lint/no-restart-policy@110:5", "compose-lint/latest-tag@110:12",
            "compose-lint/no-restart-policy@123:5", "compose/missing-bind-source@129:9",
            "compose-lint/no-restart-policy@137:5", "compose-lint/latest-tag@137:12", "compose-lint/latest-tag@147:12",
            "compose/missing-bind-source@152:9",
        ],
        "seed-practica26.good.yml": ["compose/obsolete-version@3:1", "compose-lint/no-restart-policy@6:5",
                                     "compose-lint/latest-tag@6:12", "compose/missing-bind-source@11:9",
                                     "compose-lint/no-restart-policy@19:5", "compose-lint/latest-tag@19:12"],
        "undefined-refs.bad.yml": ["compose/undefined-volume@4:15", "compose/undefined-network@5:16",
                                   "compose/undefined-dependency@7:7"],
        "unknown-key.bad.yml": ["yaml/unknown-key@4:5"],
    ]

    func testFixturesReportExpectedDiagnostics() {
        let base = ConfigFixtures.directory("compose").path
        ConfigFixtures.verify("compose", extensions: [".yml"], expected: Self.expected) { text, url in
            ComposeFile.check(text: text, file: url.lastPathComponent, baseDirectory: base)
        }
    }

    /// Lab 0's compose file inside the lab tree it describes: its bind sources exist, so only the
    /// version and tag warnings remain.
    func testSeedLab0InItsLabTree() {
        let path = ConfigFixtures.directory("compose").appendingPathComponent("seed-lab0/docker-compose.yml").path
        let (compose, diagnostics) = ComposeFile.load(path: path).parts
        XCTAssertEqual(diagnostics.map(\.code), ["compose/obsolete-version"])
        XCTAssertEqual(compose?.services.map(\.name), ["prometheus", "grafana", "node_exporter", "cadvisor"])
        XCTAssertEqual(compose?.service(named: "grafana")?.dependsOn.map(\.service), ["prometheus"])
        XCTAssertEqual(compose?.service(named: "prometheus")?.ports.first?.published, 9090...9090)
        XCTAssertEqual(compose?.volumes, ["prometheus_data", "grafana_data"])
    }

    func testMessagesMatchDockerCompose() {
        let url = ConfigFixtures.directory("compose").appendingPathComponent("undefined-refs.bad.yml")
        let d = ComposeFile.check(text: ConfigFixtures.text(url), file: "c.yml")
        XCTAssertTrue(d.contains { $0.message == "Service 'grafana' depends on service 'prometheus' which is undefined." })
        XCTAssertTrue(d.contains { $0.message.contains("(did you mean \"grafana_data\"?)") })
    }
}
