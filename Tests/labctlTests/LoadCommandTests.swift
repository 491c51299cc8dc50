import Foundation
@testable import labctl
import Runtime
import XCTest

/// `labctl load` in-process: the live progress line appears only on a terminal.
final class LoadCommandTests: XCTestCase {
    private func run(terminal: Bool, url: String) -> (status: Int32, stdout: String, stderr: String) {
        let console = TestConsole(environment: ["NO_COLOR": "1"], terminal: terminal)
        let runner = CommandRunner(root: CommandTable.root, version: LabctlVersion.current)
        let status = runner.run(["load", "--url", url, "--vus", "2", "--duration", "1200ms"], console: console.console)
        return (status.rawValue, console.stdout, console.stderr)
    }

    func testTheProgressLineIsShownOnATerminalOnly() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
                                handler: HTTPClosureHandler { _ in .plain(200, "ok") })
        try server.start()
        defer { server.shutdown(grace: 1) }
        let url = "http://127.0.0.1:\(server.boundPort)/"
        let live = run(terminal: true, url: url)
        XCTAssertEqual(live.status, 0, live.stderr)
        XCTAssert(live.stderr.contains("\rrunning ("), live.stderr)
        XCTAssert(live.stderr.contains(" VUs, "), live.stderr)
        XCTAssert(live.stderr.contains("p95="), live.stderr)
        XCTAssert(live.stdout.contains("http_reqs"), live.stdout)
        let piped = run(terminal: false, url: url)
        XCTAssertEqual(piped.status, 0)
        XCTAssertEqual(piped.stderr, "")
        XCTAssert(piped.stdout.contains("http_req_duration"), piped.stdout)
    }
}
