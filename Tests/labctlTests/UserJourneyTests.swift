import Foundation
import XCTest
import LabctlTestSupport

/// A student's and a teacher's first session with the built `labctl`, as the README tells them:
/// scaffold a lab, make the usual mistakes, read what `check` says (position, code, exit status),
/// fix them and check again.
final class UserJourneyTests: XCTestCase {
    private var workspace = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        workspace = try makeTemporaryDirectory(prefix: "labctl-journey")
    }

    /// Runs labctl with the workspace as the current directory (paths in messages stay relative).
    @discardableResult
    private func labctl(_ arguments: String..., stdin: String = "") throws -> RunResult {
        try LabctlProcess.run(arguments, stdin: stdin, environment: ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"],
                              directory: workspace)
    }

    private func edit(_ path: String, _ transform: (String) -> String) throws {
        let url = workspace.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = transform(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    private func replace(_ path: String, _ old: String, _ new: String) throws {
        try edit(path) { $0.replacingOccurrences(of: old, with: new) }
    }

    /// The 1-based number of the first (or last) line of `path` containing `text`.
    private func line(of text: String, in path: String, last: Bool = false) throws -> Int {
        let lines = try String(contentsOf: workspace.appendingPathComponent(path), encoding: .utf8)
            .components(separatedBy: "\n")
        let index = last ? lines.lastIndex { $0.contains(text) } : lines.firstIndex { $0.contains(text) }
        return try XCTUnwrap(index, "\(text) not in \(path)") + 1
    }

    // MARK: - Student: Lab 7

    func testStudentBreaksAndFixesLab7() throws {
        // The starter says what is left to do; it is not broken.
        let created = try labctl("init", "lab7")
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("wrote 16 file(s)"), created.stdout)
        let todo = try labctl("check", "lab", "lab7")
        XCTAssertEqual(todo.status, 0, todo.stderr)
        XCTAssertTrue(todo.stderr.contains("[lab/todo] still to do: rules: HighErrorRate"), todo.stderr)
        XCTAssertFalse(todo.stderr.contains(": error:"), todo.stderr)
        // The student finishes the work (here: the reference solution) and breaks it again.
        XCTAssertEqual(try labctl("init", "lab7", "lab7", "--solution", "--force").status, 0)
        let clean = try labctl("check", "lab", "lab7")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertTrue(clean.stderr.hasPrefix("no problems found"), clean.stderr)

        // The usual mistakes, one per file.
        try replace("lab7/prometheus/prometheus.yml", "'api:8000'", "'localhost:8000'")
        try replace("lab7/alertmanager/alertmanager.yml", "receiver: 'email-warnings'", "receiver: 'email-warning'")
        try replace("lab7/prometheus/alert_rules.yml", "expr: http_requests_active > 100", "expr: http_requests_active >")
        try edit("lab7/prometheus/alert_rules.yml") {
            $0 + "\n  - name: recording\n    rules:\n      - record: job:http_requests:rate5m\n"
                + "        expr: sum by (job) (rate(http_requests_total[5m]))\n        for: 5m\n"
        }
        let broken = try labctl("check", "lab", "lab7")
        XCTAssertEqual(broken.status, 1)
        let target = try line(of: "localhost:8000", in: "lab7/prometheus/prometheus.yml")
        let receiver = try line(of: "email-warning'", in: "lab7/alertmanager/alertmanager.yml")
        let expr = try line(of: "http_requests_active >", in: "lab7/prometheus/alert_rules.yml")
        let recordingFor = try line(of: "for: 5m", in: "lab7/prometheus/alert_rules.yml", last: true)
        for expected in [
            "lab7/prometheus/prometheus.yml:\(target):19: error: [lab/localhost-target]",
            "lab7/alertmanager/alertmanager.yml:\(receiver):17: error: [am-config/unknown-receiver] undefined receiver \"email-warning\" used in route (did you mean \"email-warnings\"?)",
            "lab7/prometheus/alert_rules.yml:\(expr):37: error: [promql/parse-error]",
            "lab7/prometheus/alert_rules.yml:\(recordingFor):9: error: [rules/field-not-allowed]",
        ] {
            XCTAssertTrue(broken.stderr.contains(expected), "missing \(expected) in\n\(broken.stderr)")
        }
        XCTAssertTrue(broken.stderr.contains("4 errors, 1 warning in 8 files"), broken.stderr)

        // The JUnit report a CI job would keep.
        let junit = try labctl("check", "lab", "lab7", "--format", "junit")
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.contains("failures=\"4\""), junit.stdout)

        // init shows the differences, and --force would undo them; the student fixes by hand instead.
        let dryRun = try labctl("init", "lab7", "lab7", "--dry-run")
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("-      - targets: ['localhost:8000']"), dryRun.stdout)
        try replace("lab7/prometheus/prometheus.yml", "'localhost:8000'", "'api:8000'")
        try replace("lab7/alertmanager/alertmanager.yml", "receiver: 'email-warning'", "receiver: 'email-warnings'")
        try replace("lab7/prometheus/alert_rules.yml", "expr: http_requests_active >\n", "expr: http_requests_active > 100\n")
        try edit("lab7/prometheus/alert_rules.yml") { text in
            text.hasSuffix("        for: 5m\n") ? String(text.dropLast("        for: 5m\n".count)) : text
        }
        let fixed = try labctl("check", "lab", "lab7")
        XCTAssertEqual(fixed.status, 0, fixed.stderr)

        // The alert routing the exercise asks for.
        let route = try labctl("alertmanager", "routes", "test", "--config", "lab7/alertmanager/alertmanager.yml",
                               "--verify.receivers", "email-critical", "alertname=ServiceDown", "severity=critical")
        XCTAssertEqual(route.status, 0, route.stdout + route.stderr)
        XCTAssertEqual(route.stdout, "email-critical\n")
    }

    func testTabsTimeoutsAndMissingRuleFiles() throws {
        XCTAssertEqual(try labctl("init", "lab7", "lab", "--solution").status, 0)
        try replace("lab/prometheus/alert_rules.yml", "        for: 1m\n", "\tfor: 1m\n")
        let tab = try labctl("check", "rules", "lab/prometheus/alert_rules.yml")
        XCTAssertEqual(tab.status, 1)
        XCTAssertTrue(tab.stderr.contains("indented with a tab; YAML only allows spaces"), tab.stderr)
        try replace("lab/prometheus/alert_rules.yml", "\tfor: 1m\n", "        for: 1m\n")

        try replace("lab/prometheus/prometheus.yml", "  - job_name: 'fastapi'\n",
                    "  - job_name: 'fastapi'\n    scrape_interval: 10s\n    scrape_timeout: 30s\n")
        try replace("lab/prometheus/prometheus.yml", "'alert_rules.yml'", "'alert-rules.yml'")
        let config = try labctl("check", "config", "lab/prometheus/prometheus.yml")
        XCTAssertEqual(config.status, 1)
        XCTAssertTrue(config.stderr.contains("[prom-config/timeout-gt-interval] scrape timeout greater than scrape interval for scrape config with job name \"fastapi\" (30s > 10s)"), config.stderr)
        XCTAssertTrue(config.stderr.contains("[prom-config/missing-rule-file] rule file \"alert-rules.yml\" does not exist"), config.stderr)
    }

    func testWrongCommandForTheFile() throws {
        XCTAssertEqual(try labctl("init", "lab7", "lab", "--solution").status, 0)
        let result = try labctl("check", "config", "lab/alertmanager/alertmanager.yml")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("check it with `labctl check alertmanager lab/alertmanager/alertmanager.yml`"), result.stderr)
        let missing = try labctl("check", "lab", "no-such-lab")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no-such-lab: not a directory (it does not exist)"), missing.stderr)
    }

    func testPractica26ParametersAreListedOnePerLine() throws {
        let missing = try labctl("init", "practica26", "p26")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("labctl: error: lab practica26:\n  - missing student: "), missing.stderr)
        for name in ["prefix", "domain", "entity"] {
            XCTAssertTrue(missing.stderr.contains("\n  - missing \(name): "), missing.stderr)
        }
        XCTAssertFalse(missing.stderr.contains("cannot compute the default"),
                       "defaults built from a missing parameter are not reported again")
        let invalid = try labctl("init", "practica26", "p26", "--student", "ana", "--prefix", "Ana-Shop",
                                 "--domain", "ecommerce", "--entity", "pedido")
        XCTAssertEqual(invalid.status, 1)
        XCTAssertEqual(invalid.stderr, "labctl: error: lab practica26: prefix \"Ana-Shop\" must start with a lower-case letter a-z\n")
        let written = try labctl("init", "practica26", "p26", "--student", "ana", "--prefix", "ana_shop",
                                 "--domain", "ecommerce", "--entity", "pedido", "--quiet")
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(try labctl("check", "lab", "p26").status, 0)
    }

    // MARK: - Student: PromQL

    func testPromQLFromAPipe() throws {
        let unclosed = try labctl("promql", "check", "-", stdin: "sum(rate(http_requests_total[5m])\n")
        XCTAssertEqual(unclosed.status, 1)
        XCTAssertEqual(unclosed.stderr, "1:34: parse error: unclosed left parenthesis\n",
                       "the trailing newline of echo is not a line of the expression")
        let formatted = try labctl("promql", "format", "-", stdin: "sum(rate(x[5m])) by (job)\n\n")
        XCTAssertEqual(formatted.status, 0, formatted.stderr)
        XCTAssertEqual(formatted.stdout, "sum by (job) (rate(x[5m]))\n")
    }

    // MARK: - Teacher: rosters and answer keys

    func testTeacherGeneratesAClassAndFindsACopy() throws {
        var roster = "id,nombre,prefijo,dominio,entidad\n"
        for i in 1...30 {
            roster += "s\(i),Estudiante \(i),alumno\(i)_shop,\(i.isMultiple(of: 2) ? "ecommerce" : ""),\n"
        }
        try roster.write(to: workspace.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let generated = try labctl("students", "generate", "--roster", "roster.csv", "--out", "clase", "--quiet")
        XCTAssertEqual(generated.status, 0, generated.stderr)
        XCTAssertTrue(generated.stdout.contains("for 30 student(s) in clase"), generated.stdout)
        let key = try String(contentsOf: workspace.appendingPathComponent("clase/.answer-keys/s1.yaml"), encoding: .utf8)
        XCTAssertTrue(key.contains("prefix: alumno1_shop"), key)
        XCTAssertFalse(key.contains(".labctl/answer-key.yaml"), "the key's header names where keys really are")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("clase/s1/.labctl/answer-key.yaml").path))

        let clean = try labctl("students", "verify", "--roster", "roster.csv", "--submissions", "clase")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let rules = workspace.appendingPathComponent("clase/s3/alert_rules.yml")
        try FileManager.default.removeItem(at: rules)
        try FileManager.default.copyItem(at: workspace.appendingPathComponent("clase/s2/alert_rules.yml"), to: rules)
        let copied = try labctl("students", "verify", "--roster", "roster.csv", "--submissions", "clase")
        XCTAssertEqual(copied.status, 1)
        XCTAssertTrue(copied.stderr.contains("clase/s3/alert_rules.yml:"), copied.stderr)
        XCTAssertTrue(copied.stderr.contains("is the prefix of student s2: this file looks copied from s2"), copied.stderr)

        try "id,prefijo\ns1,ana\ns2,ana_shop\n".write(to: workspace.appendingPathComponent("bad.csv"),
                                                     atomically: true, encoding: .utf8)
        let bad = try labctl("students", "generate", "--roster", "bad.csv", "--out", "otra")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.csv:3:4: error: [roster/prefix-overlap]"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("otra").path))
    }
}
