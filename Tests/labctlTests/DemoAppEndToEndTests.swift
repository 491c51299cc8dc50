import Exposition
import Foundation
import PromModel
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// `labctl demo-app` as a process: it listens on a free loopback port, answers the lab's
/// endpoints and /metrics (read with labctl's HTTP client and exposition parser), and stops on
/// SIGINT sent to its PID.
final class DemoAppEndToEndTests: XCTestCase {
    func testServesTheLabEndpointsAndMetricsUntilInterrupted() throws {
        let app = try DemoAppProcess.start(arguments: ["--seed", "3"])
        defer { app.stop() }
        let client = HTTPClient(timeout: 5, maxBodyBytes: 4 << 20)
        XCTAssertEqual(try client.get(app.url + "/health").text, #"{"status":"healthy"}"#)
        XCTAssertEqual(try client.get(app.url + "/do_work?delay_ms=1&fail_rate=1").status, 500)
        XCTAssertEqual(try client.get(app.url + "/do_work?delay_ms=nope").status, 422)
        let families = try ExpositionParser.parse(try client.get(app.url + "/metrics").text, file: "metrics")
        func value(_ name: String, _ labels: [String: String]) -> Double? {
            families.flatMap(\.samples).first { $0.name == name && $0.labels == Labels(labels) }?.value
        }
        XCTAssertEqual(value("http_requests_total", ["method": "GET", "endpoint": "/health", "status": "200"]), 1 + Double(app.probes))
        XCTAssertEqual(value("http_requests_total", ["method": "GET", "endpoint": "/do_work", "status": "500"]), 1)
        XCTAssertEqual(value("errors_total", ["type": "simulated_error"]), 1)
        XCTAssertNotNil(families.first { $0.name == "process_resident_memory_bytes" })
        let result = app.stop()
        XCTAssertEqual(result?.status, 0)
        XCTAssert(result?.stdout.contains("demo-app listening on http://127.0.0.1:\(app.port)") == true, result?.stdout ?? "")
    }

    func testPrefixAndBadOptions() throws {
        let app = try DemoAppProcess.start(arguments: ["--prefix", "tienda_ana"])
        defer { app.stop() }
        let text = try HTTPClient(timeout: 5).get(app.url + "/metrics").text
        XCTAssert(text.contains("# TYPE tienda_ana_requests_total counter"), text)
        XCTAssert(text.contains("tienda_ana_response_duration_seconds_bucket"), text)
        let bad = try LabctlProcess.run(["demo-app", "--prefix", "9-x"], timeout: 30)
        XCTAssertEqual(bad.status, 2)
        XCTAssert(bad.stderr.contains("--prefix"), bad.stderr)
        XCTAssertEqual(try LabctlProcess.run(["demo-app", "--listen", "127.0.0.1:99999"], timeout: 30).status, 2)
    }
}

/// A `labctl demo-app` (or `serve`) child on a free loopback port, stopped by PID.
final class DemoAppProcess {
    let process = Process()
    let port: Int
    /// `/health` requests made while waiting for it to answer.
    private(set) var probes = 0
    private let output = FileManager.default.temporaryDirectory.appendingPathComponent("demo-app-\(UUID().uuidString).log")
    private var result: RunResult?

    var url: String { "http://127.0.0.1:\(port)" }

    private init(port: Int) { self.port = port }

    /// Starts `labctl COMMAND --listen 127.0.0.1:PORT ARGUMENTS` (demo-app by default) and waits
    /// until `readyPath` answers 200.
    static func start(command: String = "demo-app", readyPath: String = "/health", arguments: [String] = []) throws -> DemoAppProcess {
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        let app = DemoAppProcess(port: port)
        app.process.executableURL = try LabctlProcess.binary()
        app.process.arguments = [command, "--listen", "127.0.0.1:\(port)"] + arguments
        FileManager.default.createFile(atPath: app.output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: app.output)
        app.process.standardOutput = handle
        app.process.standardError = handle
        try app.process.run()
        let client = HTTPClient(timeout: 1)
        let deadline = Date().addingTimeInterval(20)
        while true {
            app.probes += 1
            if (try? client.get(app.url + readyPath))?.status == 200 { break }
            // A refused connection never reached the app: only answered probes are counted.
            app.probes -= 1
            guard Date() < deadline, app.process.isRunning else {
                app.stop()
                throw XCTSkip("labctl \(command) did not answer within 20 s")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return app
    }

    /// Sends SIGINT to the PID (SIGKILL after 10 s) and returns what it printed.
    @discardableResult
    func stop() -> RunResult? {
        if let result { return result }
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: output)
        result = RunResult(status: process.terminationStatus, stdout: text, stderr: text)
        return result
    }

}
