import Foundation
import LabCatalog
import XCTest
@testable import Grading

final class GraderTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func catalog() throws -> Catalog { try Catalog.installed(environment: [:]) }

    /// Writes lab `id`'s reference files, with `patch` applied (file → (replace, with)).
    func solution(_ id: String, patch: [String: (String, String)] = [:], delete: [String] = []) throws -> (LabSpec, String) {
        let catalog = try catalog()
        let spec = try catalog.requireLab(id)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)")
        dirs.append(dir)
        for (path, content) in try LabRenderer(catalog: catalog).render(spec, values: [:], variant: .solution) where !delete.contains(path) {
            var text = content
            if let (old, new) = patch[path] {
                let range = try XCTUnwrap(text.range(of: old), "patch text not in \(path)")
                text.replaceSubrange(range, with: new)
            }
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return (spec, dir.path)
    }

    func testLab7ReferenceGetsFullMarks() throws {
        let (spec, dir) = try solution("lab7")
        let report = try Grader(spec: spec).grade(submission: dir)
        XCTAssertEqual(report.maxPoints, 100)
        XCTAssertEqual(report.points, 100, PlainTextReport(language: .en).render(report))
        XCTAssertTrue(report.graderErrors.isEmpty)
    }

    func testLab8RecordingRulesReferenceGetsFullMarks() throws {
        let (spec, dir) = try solution("lab8")
        let report = try Grader(spec: spec).grade(submission: dir)
        XCTAssertEqual(report.points, report.maxPoints, PlainTextReport(language: .en).render(report))
        XCTAssertEqual(report.checks.filter { $0.kind == "recording_rule" && $0.outcome == .passed }.count, 4)
    }

    func testWrongRecordingRuleLabelsFail() throws {
        let (spec, dir) = try solution("lab8", patch: ["prometheus/recording_rules.yml":
            ("sum by (job, endpoint) (rate(http_requests_total[1m]))", "sum by (job, method) (rate(http_requests_total[1m]))")])
        let report = try Grader(spec: spec, options: GraderOptions(exercise: "recording")).grade(submission: dir)
        let failed = report.checks.filter { $0.outcome == .failed }
        XCTAssertEqual(failed.count, 1)
        XCTAssertEqual(failed.first?.kind, "recording_rule")
        XCTAssertEqual(failed.first?.feedback.first?.location?.file, "prometheus/recording_rules.yml")
    }

    func testRaisedThresholdLosesExactlyTheFiringCheck() throws {
        let (spec, dir) = try solution("lab7", patch: ["prometheus/alert_rules.yml": (") > 0.05", ") > 0.5")])
        let report = try Grader(spec: spec).grade(submission: dir)
        XCTAssertEqual(report.points, 90)
        let failed = report.checks.filter { $0.outcome == .failed }
        XCTAssertEqual(failed.map(\.kind), ["alert_fires"])
        XCTAssertTrue(failed[0].feedback[0].message.contains("HighErrorRate never fires"))
        XCTAssertEqual(failed[0].feedback[0].location?.file, "prometheus/alert_rules.yml")
    }

    func testEveryCheckRunsWhenTheRuleFileIsMissing() throws {
        let (spec, dir) = try solution("lab7", delete: ["prometheus/alert_rules.yml"])
        let report = try Grader(spec: spec).grade(submission: dir)
        let rules = try XCTUnwrap(report.exercises.first { $0.id == "rules" })
        XCTAssertEqual(rules.checks.count, spec.exercises[0].checks.count)
        XCTAssertEqual(rules.points, 0, "prometheus.yml names the missing rule file, so even its config check fails")
        XCTAssertEqual(report.exercises.first { $0.id == "routing" }?.points, 35)
    }

    func testWrongRouteFailsWithReceivers() throws {
        let (spec, dir) = try solution("lab7")
        let am = URL(fileURLWithPath: dir).appendingPathComponent("alertmanager/alertmanager.yml")
        let text = try String(contentsOf: am, encoding: .utf8)
        try text.replacingOccurrences(of: "receiver: 'email-critical'", with: "receiver: 'email-warnings'").write(to: am, atomically: true, encoding: .utf8)
        let report = try Grader(spec: spec, options: GraderOptions(exercise: "routing")).grade(submission: dir)
        XCTAssertEqual(report.exercises.map(\.id), ["routing"])
        let route = try XCTUnwrap(report.checks.first { $0.kind == "alert_route" && $0.outcome == .failed })
        XCTAssertTrue(route.feedback[0].message.contains("email-critical"), route.feedback[0].message)
    }

    func testSpanishFeedbackAndCheckFilter() throws {
        let (spec, dir) = try solution("lab7", patch: ["prometheus/alert_rules.yml": (") > 0.05", ") > 0.5")])
        let report = try Grader(spec: spec, options: GraderOptions(language: .es, check: "rules.high_error_rate_fires")).grade(submission: dir)
        XCTAssertEqual(report.checks.map(\.id), ["rules.high_error_rate_fires"])
        XCTAssertTrue(report.checks[0].feedback[0].message.contains("nunca dispara"))
    }

    func testMissingSubmissionCannotBeGraded() throws {
        let spec = try catalog().requireLab("lab7")
        XCTAssertThrowsError(try Grader(spec: spec).grade(submission: "/nonexistent/labctl")) { error in
            XCTAssertEqual(error as? SubmissionError, .notFound("/nonexistent/labctl"))
        }
    }

    func testManualChecksAreListedNotFailed() throws {
        let spec = try catalog().requireLab("practica26")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let report = try Grader(spec: spec).grade(submission: dir.path)
        XCTAssertFalse(report.manualChecks.isEmpty)
        XCTAssertTrue(report.manualChecks.allSatisfy { $0.points == 0 && $0.outcome == .manual })
        XCTAssertEqual(report.maxPoints + report.manualChecks.reduce(0) { $0 + $1.maxPoints }
                       + report.graderErrors.reduce(0) { $0 + $1.maxPoints }, Double(spec.totalPoints))
    }

    func testAliasBombAndPathologicalRegexAreFeedbackNotHangs() throws {
        let (spec, dir) = try solution("lab7")
        var bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for i in 1..<12 {
            bomb += "a\(i): &a\(i) [" + Array(repeating: "*a" + (i > 1 ? String(i - 1) : ""), count: 9).joined(separator: ",") + "]\n"
        }
        let rules = URL(fileURLWithPath: dir).appendingPathComponent("prometheus/alert_rules.yml")
        try bomb.write(to: rules, atomically: true, encoding: .utf8)
        let start = Date()
        let report = try Grader(spec: spec).grade(submission: dir)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let valid = try XCTUnwrap(report.checks.first { $0.id == "rules.alert_rules_valid" })
        XCTAssertEqual(valid.outcome, .failed)
        XCTAssertTrue(valid.feedback.contains { $0.message.contains("aliases expand") && $0.location?.file == "prometheus/alert_rules.yml" },
                      "\(valid.feedback)")

        try "groups:\n- name: x\n  rules:\n  - alert: HighErrorRate\n    expr: up{job=~\"(a*)*(b+)*(c?)*(d|e)*h{1,1000}\"} > 0\n    for: 1m\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        let regex = try Grader(spec: spec).grade(submission: dir)
        XCTAssertEqual(regex.checks.first { $0.id == "rules.high_error_rate_fires" }?.outcome, .failed)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "RE2 semantics: linear time, no backtracking blow-up")
    }
}
