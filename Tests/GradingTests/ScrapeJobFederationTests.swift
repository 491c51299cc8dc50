import Foundation
import LabCatalog
import XCTest
@testable import Grading

/// `scrape_job`'s federation and discovery parts on Lab 8's reference: `honor_labels`, the `match[]`
/// selectors of `params` and the kind of service discovery, each a part of the check's points.
final class ScrapeJobFederationTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// Lab 8's reference with `patch` (file → (replace, with)) applied, graded for one exercise.
    func grade(exercise: String, patch: [String: (String, String)] = [:]) throws -> GradeReport {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab8")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrape-job-\(UUID().uuidString)")
        dirs.append(dir)
        for (path, content) in try LabRenderer(catalog: catalog).render(spec, values: [:], variant: .solution) {
            var text = content
            if let (old, new) = patch[path] {
                let range = try XCTUnwrap(text.range(of: old), "patch text not in \(path)")
                text.replaceSubrange(range, with: new)
            }
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try Grader(spec: spec, options: GraderOptions(language: .en, exercise: exercise)).grade(submission: dir.path)
    }

    func check(_ report: GradeReport, _ id: String) throws -> CheckResult {
        try XCTUnwrap(report.checks.first { $0.id == id }, "no check \(id)")
    }

    func testReferenceFederationGetsFullMarks() throws {
        let report = try grade(exercise: "federation")
        XCTAssertEqual(report.points, 15, PlainTextReport(language: .en).render(report))
    }

    func testMissingMatchSelectorLosesOnePart() throws {
        let report = try grade(exercise: "federation", patch: ["prometheus/federation.yml":
            ("        - '{__name__=~\"job:.*\"}'\n", "")])
        let job = try check(report, "federation.federate_job")
        XCTAssertEqual(job.points, 8.0 * 4 / 5, accuracy: 0.01)
        let message = job.feedback.map(\.message).joined(separator: "\n")
        XCTAssertTrue(message.contains("match[] {__name__=~\"job:.*\"}"), message)
        XCTAssertEqual(job.feedback.first?.location?.file, "prometheus/federation.yml")
    }

    func testSelectorsCompareWithoutBlanks() throws {
        let report = try grade(exercise: "federation", patch: ["prometheus/federation.yml":
            ("        - '{job=\"fastapi\"}'\n", "        - '{ job = \"fastapi\" }'\n")])
        XCTAssertEqual(try check(report, "federation.federate_job").points, 8)
    }

    func testMissingDiscoveryLabelLosesTheLabelsPart() throws {
        let report = try grade(exercise: "discovery", patch: ["docker-compose.yml": ("      - \"prometheus.job=fastapi\"\n", "")])
        let labels = try check(report, "discovery.api_labels")
        XCTAssertEqual(labels.points, 1, accuracy: 0.01)
        XCTAssertTrue(labels.feedback.map(\.message).joined().contains("lacks the labels prometheus.job=fastapi"), labels.feedback.description)
        XCTAssertEqual(try check(report, "discovery.docker_sd_configs").points, 4)
    }

    func testStaticJobInsteadOfDockerDiscoveryFails() throws {
        let report = try grade(exercise: "discovery", patch: ["prometheus/prometheus.yml":
            ("    docker_sd_configs:\n      - host: unix:///var/run/docker.sock\n        refresh_interval: 30s\n",
             "    static_configs:\n      - targets: ['api:8000']\n")])
        let job = try check(report, "discovery.docker_sd_configs")
        XCTAssertEqual(job.points, 2, accuracy: 0.01)
        XCTAssertTrue(job.feedback.map(\.message).joined().contains("does not use docker_sd_configs"), job.feedback.description)
    }
}
