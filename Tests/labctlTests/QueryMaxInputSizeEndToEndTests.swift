import Foundation
import XCTest
import LabctlTestSupport

/// `labctl query --data FILE --max-input-size SIZE`: the size limit of data files is a flag with
/// Prometheus's size syntax, and going over it is a clean error that names the flag.
final class QueryMaxInputSizeEndToEndTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(prefix: "labctl-max-input")
    }

    /// An OpenMetrics data file of 100 samples (about 2.3 KB).
    private func dataFile() throws -> (path: String, text: String) {
        var text = "# TYPE x gauge\n"
        for i in 1...100 { text += "x{a=\"\(i)\"} 1 \(1_700_000_000 + i)\n" }
        text += "# EOF\n"
        let url = directory.appendingPathComponent("d.om")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url.path, text)
    }

    func testDefaultLimitTakesTheFileAndARaisedLimitToo() throws {
        let data = try dataFile()
        let plain = try LabctlProcess.run(["query", "instant", "count(x)", "--data", data.path])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("100"), plain.stdout)
        let raised = try LabctlProcess.run(["query", "instant", "count(x)", "--data", data.path, "--max-input-size", "4KiB"])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertTrue(raised.stdout.contains("100"), raised.stdout)
    }

    func testFileOverTheLimitNamesTheFlag() throws {
        let data = try dataFile()
        let r = try LabctlProcess.run(["query", "instant", "count(x)", "--data", data.path, "--max-input-size", "1KiB"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("more than --max-input-size (1024 bytes)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("d.om"), r.stderr)
    }

    func testStandardInputOverTheLimitNamesTheFlag() throws {
        let data = try dataFile()
        let r = try LabctlProcess.run(["query", "range", "x", "--data", "-", "--max-input-size", "1KB",
                                       "--start", "1700000000", "--end", "1700000100", "--step", "10s"], stdin: data.text)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("--max-input-size"), r.stderr)
    }

    func testMalformedSizeIsAUsageError() throws {
        let data = try dataFile()
        for bad in ["12XB", "0", "-5MiB", "MiB", "99999999999999EiB"] {
            let r = try LabctlProcess.run(["query", "instant", "x", "--data", data.path, "--max-input-size", bad])
            XCTAssertEqual(r.status, 2, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("invalid --max-input-size \(bad)"), r.stderr)
        }
    }
}
