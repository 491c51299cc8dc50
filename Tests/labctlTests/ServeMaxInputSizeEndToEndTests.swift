import Foundation
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
#endif
import LabctlTestSupport

/// `labctl serve --data FILE --max-input-size SIZE`: the same bound on data files as `labctl query`
/// has, with the same error, checked on the built binary before the server listens.
final class ServeMaxInputSizeEndToEndTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(prefix: "labctl-serve-max-input")
    }

    /// A prometheus.yml and an OpenMetrics data file of 100 samples (about 2.3 KB).
    private func files() throws -> (config: String, data: String) {
        let config = directory.appendingPathComponent("prometheus.yml")
        try "global: {scrape_interval: 1m}\n".write(to: config, atomically: true, encoding: .utf8)
        var text = "# TYPE x gauge\n"
        for i in 1...100 { text += "x{a=\"\(i)\"} 1 \(1_700_000_000 + i)\n" }
        text += "# EOF\n"
        let data = directory.appendingPathComponent("d.om")
        try text.write(to: data, atomically: true, encoding: .utf8)
        return (config.path, data.path)
    }

    func testDataFileOverTheLimitIsRefusedBeforeListening() throws {
        let f = try files()
        let port = try LoopbackPort.freeOrSkip()
        let r = try LabctlProcess.run(["serve", "--config", f.config, "--data", f.data, "--max-input-size", "1KiB",
                                       "--listen", "127.0.0.1:\(port)"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("d.om: the data file has"), r.stderr)
        XCTAssertTrue(r.stderr.contains("more than --max-input-size (1024 bytes)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("listening on"), r.stderr)
    }

    func testMalformedSizeIsAUsageError() throws {
        let f = try files()
        for bad in ["12XB", "0", "-5MiB"] {
            let r = try LabctlProcess.run(["serve", "--config", f.config, "--data", f.data, "--max-input-size", bad])
            XCTAssertEqual(r.status, 2, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("invalid --max-input-size \(bad)"), r.stderr)
        }
    }

    func testFileWithinTheLimitIsServed() throws {
        let f = try files()
        let port = try LoopbackPort.freeOrSkip()
        let process = try BackgroundProcess(try LabctlProcess.binary().path,
                                            ["serve", "--config", f.config, "--data", f.data, "--max-input-size", "4KiB",
                                             "--listen", "127.0.0.1:\(port)"], directory: directory)
        try process.waitUntilReady("http://127.0.0.1:\(port)/-/ready")
        let response = try HTTPClient(timeout: 10).get("http://127.0.0.1:\(port)/api/v1/query?query=count(x)&time=1700000100")
        XCTAssertEqual(process.stop(SIGTERM), 0)
        let body = String(decoding: response.body, as: UTF8.self)
        XCTAssertTrue(body.contains("\"100\""), body)
    }
}
