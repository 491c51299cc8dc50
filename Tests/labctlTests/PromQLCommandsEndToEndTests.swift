import Foundation
import XCTest
import LabctlTestSupport

/// Runs the built binary for `labctl test promql` and `labctl query instant|range`.
final class PromQLCommandsEndToEndTests: XCTestCase {
    private func labctl(_ arguments: String...) throws -> RunResult { try LabctlProcess.run(arguments) }

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(prefix: "labctl-promql")
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: - test promql

    func testPassingScriptExitsZero() throws {
        let fixture = LabctlProcess.packageRoot.appendingPathComponent("Tests/RuntimeTests/Fixtures/promql/binary_ops.test").path
        let result = try labctl("test", "promql", fixture)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.last, "9 passed, 0 failed, 0 skipped")
        XCTAssertTrue(lines.first?.hasSuffix("binary_ops.test: 9 passed, 0 failed, 0 skipped") == true, result.stdout)
    }

    func testFailingScriptShowsSideBySideAndExitsOne() throws {
        let path = try write("bad.test", "load 1m\n  up{job=\"a\"} 1 2 3\n\neval instant at 2m up\n  up{job=\"a\"} 4\n\neval instant at 2m up\n  up{job=\"a\"} 3\n")
        let result = try labctl("test", "promql", path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("bad.test:4: FAIL eval instant at 2m up"), result.stdout)
        XCTAssertTrue(result.stdout.contains("up{job=\"a\"} 4 ≠ up{job=\"a\"} 3"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("\n1 passed, 1 failed, 0 skipped\n"), result.stdout)
        let json = try labctl("test", "promql", "--format", "json", path)
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["summary"] as? [String: Int])?["passed"], 1)
        let junit = directory.appendingPathComponent("report.xml")
        XCTAssertEqual(try labctl("test", "promql", "--junit", junit.path, path).status, 1)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        XCTAssertTrue(xml.contains("tests=\"2\" failures=\"1\""), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"eval instant at 2m up\" classname=\"\(path)\" line=\"4\">"), xml)
        XCTAssertTrue(xml.contains("<failure message="), xml)
        XCTAssertFalse(json.stdout.contains("\\/"), json.stdout)
        let filtered = try labctl("test", "promql", "--run", "^nothing$", path)
        XCTAssertEqual(filtered.status, 0)
        XCTAssertTrue(filtered.stdout.hasSuffix("0 passed, 0 failed, 0 skipped\n"), filtered.stdout)
    }

    func testSyntaxErrorExitsTwoWithPosition() throws {
        let path = try write("syntax.test", "load 1m\n  up 1 2 three\n")
        let result = try labctl("test", "promql", path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("syntax.test:2:10: error: [promql-test/invalid-series]"), result.stderr)
        let badRegex = try labctl("test", "promql", "--run", "(", path)
        XCTAssertEqual(badRegex.status, 2)
    }

    func testSkipNativeHistograms() throws {
        let path = try write("h.test", "load 1m\n  h {{schema:0 count:1 sum:1}}x2\n\neval instant at 1m h\n  h {{schema:0 count:1 sum:1}}\n")
        let skipped = try labctl("test", "promql", "--skip-native-histograms", path)
        XCTAssertEqual(skipped.status, 0)
        XCTAssertTrue(skipped.stdout.hasSuffix("0 passed, 0 failed, 1 skipped\n"), skipped.stdout)
        let run = try labctl("test", "promql", path)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("1 passed, 0 failed, 0 skipped\n"), run.stdout)
    }

    // MARK: - query

    func testQueryInstantOverLoadBlock() throws {
        let data = try write("data.test", "load 1m\n  up{job=\"a\"} 1+1x10\n  up{job=\"b\"} 0x10\n")
        let table = try labctl("query", "instant", "up", "--data", data, "--time", "5m")
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertEqual(table.stdout, "METRIC       VALUE  TIMESTAMP\nup{job=\"a\"}  6      300\nup{job=\"b\"}  0      300\n")
        let json = try labctl("query", "instant", "up{job=\"a\"} / 4", "--data", data, "--time", "90", "--format", "json")
        XCTAssertEqual(json.stdout, #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a"},"value":[90,"0.5"]}]}}"# + "\n")
        let scalar = try labctl("query", "instant", "1/3", "--data", data, "--time", "1.5", "-f", "json")
        // Scalars go through Go's encoding/json in Prometheus: the time as a float (1.5, not 1.500).
        XCTAssertEqual(scalar.stdout, #"{"status":"success","data":{"resultType":"scalar","result":[1.5,"0.3333333333333333"]}}"# + "\n")
    }

    func testQueryRangeOverOpenMetrics() throws {
        let data = try write("data.om", "# TYPE x gauge\nx{a=\"1\"} 1 1700000000\nx{a=\"1\"} 2 1700000060\n# EOF\n")
        let result = try labctl("query", "range", "x", "--data", data, "--start", "2023-11-14T22:13:20Z",
                                "--end", "1700000060", "--step", "1m", "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x","a":"1"},"values":[[1700000000,"1"],[1700000060,"2"]]}]}}"# + "\n")
        let latest = try labctl("query", "instant", "x", "--data", data)
        XCTAssertTrue(latest.stdout.contains("x{a=\"1\"}  2      1700000060"), latest.stdout)
    }

    func testQueryErrors() throws {
        let data = try write("d.test", "load 1m\n  up 1\n")
        let parse = try labctl("query", "instant", "sum(", "--data", data, "--format", "json")
        XCTAssertEqual(parse.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as? [String: String]
        XCTAssertEqual(object?["status"], "error")
        XCTAssertEqual(object?["errorType"], "bad_data")
        XCTAssertTrue(parse.stdout.hasPrefix(#"{"status":"error","errorType":"bad_data","error":"#), parse.stdout)
        XCTAssertEqual(try labctl("query", "instant", "up", "--data", data, "--time", "yesterday").status, 2)
        XCTAssertEqual(try labctl("query", "instant", "up").status, 2)
        XCTAssertEqual(try labctl("query", "range", "up", "--data", data, "--start", "10m", "--end", "0", "--step", "1m").status, 2)
        XCTAssertEqual(try labctl("query", "range", "up", "--data", data, "--start", "0", "--end", "1y", "--step", "1s").status, 2)
        let missing = try labctl("query", "instant", "up", "--data", directory.appendingPathComponent("none").path)
        XCTAssertEqual(missing.status, 1)
        let badData = try write("bad.om", "x 1\n# EOF\n")
        let noTimestamp = try labctl("query", "instant", "x", "--data", badData)
        XCTAssertEqual(noTimestamp.status, 1)
        XCTAssertTrue(noTimestamp.stderr.contains("bad.om:1:1"), noTimestamp.stderr)
    }
}
