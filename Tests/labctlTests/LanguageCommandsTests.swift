import Foundation
import XCTest
@testable import labctl
import LabctlTestSupport

/// `--lang` on the commands a student uses besides `check lab` (run in-process), the placeholders of
/// `labs show`, and the histogram hint of `query`.
final class LanguageCommandsTests: XCTestCase {
    private func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) -> RunResult {
        let console = TestConsole(environment: environment)
        let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
        let status = runner.run(arguments, console: console.console)
        return RunResult(status: status.rawValue, stdout: console.stdout, stderr: console.stderr)
    }

    private func file(_ text: String, _ name: String) throws -> String {
        let url = try makeTemporaryDirectory(prefix: "labctl-lang").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: - labs show

    func testLabsShowRendersPlaceholdersWithExampleValues() {
        let result = run(["labs", "show", "practica26"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("<<labctl:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Valores: student=ana.garcia, prefix=ana_shop"), result.stdout)
        XCTAssertTrue(result.stdout.contains("alert=AnaShopHighResponseTime"), result.stdout)
        XCTAssertTrue(result.stdout.contains("uses=[ana_shop_requests_total]"), result.stdout)
    }

    func testLabsShowRendersTheStudentsValues() throws {
        let result = run(["labs", "show", "practica26", "--prefix", "luis_bank", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Values: student=ana.garcia, prefix=luis_bank"), result.stdout)
        XCTAssertTrue(result.stdout.contains("alert=LuisBankHighResponseTime"), result.stdout)
        XCTAssertTrue(result.stdout.contains("project (slug, default luis_bank_api)"), result.stdout)
        let bad = run(["labs", "show", "practica26", "--prefix", "Luis"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("prefix \"Luis\" must start with a lower-case letter"), bad.stderr)
        // Values recorded by `labctl init` in a directory.
        let dir = try makeTemporaryDirectory(prefix: "labctl-show").appendingPathComponent("p26").path
        XCTAssertEqual(run(["init", "practica26", dir, "--student", "eva", "--prefix", "eva_edu", "--domain", "educacion",
                            "--entity", "curso", "-q"]).status, 0)
        let recorded = run(["labs", "show", "practica26", "--dir", dir])
        XCTAssertTrue(recorded.stdout.contains("alert=EvaEduHighResponseTime"), recorded.stdout)
    }

    func testLabsShowLanguageDefaults() {
        XCTAssertTrue(run(["labs", "show", "lab7"], environment: [:]).stdout.hasPrefix("lab7 — Alertas con Alertmanager"))
        XCTAssertTrue(run(["labs", "show", "lab7"], environment: ["LANG": "en_US.UTF-8"]).stdout.hasPrefix("lab7 — Alerts with"))
        XCTAssertTrue(run(["labs", "show", "lab7", "--lang", "es"], environment: ["LANG": "en_US"]).stdout.hasPrefix("lab7 — Alertas"))
    }

    // MARK: - init

    func testInitSummaryInSpanish() throws {
        let dir = try makeTemporaryDirectory(prefix: "labctl-init-es").appendingPathComponent("l1").path
        let dry = run(["init", "lab1", dir, "--dry-run", "--lang", "es"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("crear        docker-compose.yml\n"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("en \(dir): se escribirían 6 archivo(s) (6 nuevos)"), dry.stdout)
        XCTAssertEqual(run(["init", "lab1", dir, "-q"], environment: ["LANG": "es_ES.UTF-8"]).stdout,
                       "lab1 v2 en \(dir): se han escrito 6 archivo(s) (6 nuevos)\n")
        // LANG chose Spanish and it was recorded: the English summary now needs --lang en.
        let again = run(["init", "lab1", dir, "-q"])
        XCTAssertTrue(again.stdout.contains("se han escrito 0 archivo(s) (6 sin cambios)"), again.stdout)
        XCTAssertTrue(run(["init", "lab1", dir, "-q", "--lang", "en"]).stdout.contains("wrote 0 file(s) (6 unchanged)"))
    }

    // MARK: - other commands

    func testCheckSubcommandsTakeLang() throws {
        let rules = try file("groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n", "rules.yml")
        let es = run(["check", "rules", rules, "--lang", "es"])
        XCTAssertTrue(es.stderr.contains("aviso: [rules/alert-missing-severity] la alerta \"Down\" no tiene label severity"), es.stderr)
        XCTAssertTrue(es.stderr.hasSuffix("en 1 archivo\n"), es.stderr)
        let en = run(["check", "rules", rules])
        XCTAssertTrue(en.stderr.contains("warning: [rules/alert-missing-severity] alert \"Down\" has no severity label"), en.stderr)
        let metrics = try file("# TYPE fooBar gauge\nfooBar 1\n", "m.prom")
        let lint = run(["check", "metrics", metrics, "--lang", "es"])
        XCTAssertEqual(lint.status, 3, lint.stderr)
        XCTAssertTrue(lint.stderr.contains("no tiene texto de ayuda (HELP)"), lint.stderr)
        let json = run(["check", "rules", rules, "--lang", "es", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"severity\": \"warning\""), "JSON keeps the machine words: \(json.stdout)")
        XCTAssertTrue(json.stdout.contains("no tiene label severity"), json.stdout)
    }

    func testTestRulesSummaryInSpanish() {
        let fixtures = LabctlProcess.packageRoot.appendingPathComponent("Tests/RuntimeTests/Fixtures/ruletests")
        let pass = fixtures.appendingPathComponent("agreement/01_recording_pass.yml").path
        let fail = fixtures.appendingPathComponent("agreement/03_alert_too_early_fail.yml").path
        let es = run(["test", "rules", pass, fail, "--lang", "es"])
        XCTAssertEqual(es.status, 1)
        XCTAssertTrue(es.stdout.contains("  FAILED:\n"), "promtool's markers stay: \(es.stdout)")
        XCTAssertTrue(es.stdout.hasSuffix("2 archivos de tests: 1 correcto, 1 con fallos (1 de 2 grupos de tests fallan)\n"), es.stdout)
        let en = run(["test", "rules", pass, fail])
        XCTAssertTrue(en.stdout.hasSuffix("2 test files: 1 passed, 1 failed (1 of 2 test groups failed)\n"), en.stdout)
    }

    func testPromQLCheckInSpanish() {
        let bad = run(["promql", "check", "--lang", "es", "sum(up"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "1:7: error de sintaxis: falta cerrar un paréntesis\n")
        XCTAssertEqual(run(["promql", "check", "--lang", "es", "up"]).stdout, "válida (instant vector): up\n")
        XCTAssertEqual(run(["promql", "check", "sum(up"]).stderr, "1:7: parse error: unclosed left parenthesis\n")
    }

    func testQueryOverAHistogramBaseNameHints() throws {
        let data = try file("""
        load 1m
          http_request_duration_seconds_bucket{method="GET",le="0.1"} 0+1x10
          http_request_duration_seconds_bucket{method="GET",le="+Inf"} 0+2x10
          http_request_duration_seconds_sum{method="GET"} 0+0.5x10
          http_request_duration_seconds_count{method="GET"} 0+2x10

        """, "h.test")
        let query = "avg by (method) (http_request_duration_seconds)"
        let result = run(["query", "instant", query, "--data", data, "--time", "5m"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "(empty result)\n")
        XCTAssertTrue(result.stderr.hasPrefix("hint: http_request_duration_seconds is a histogram"), result.stderr)
        XCTAssertTrue(result.stderr.contains("_bucket") && result.stderr.contains("_sum") && result.stderr.contains("_count"))
        let es = run(["query", "instant", query, "--data", data, "--time", "5m", "--lang", "es"])
        XCTAssertTrue(es.stderr.hasPrefix("pista: http_request_duration_seconds es un histograma"), es.stderr)
        let fine = run(["query", "instant", "avg by (method) (http_request_duration_seconds_count)", "--data", data, "--time", "5m"])
        XCTAssertEqual(fine.stderr, "", "a result, so no hint")
    }
}
