import Foundation
import XCTest
@testable import Runtime
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// Debian's Prometheus on a free 127.0.0.1 port with an empty TSDB and the remote-write receiver on,
/// for the agreement tests of ``PrometheusAPI``. Stopped by PID in ``stop()``; skips when missing.
final class PrometheusAPIPeer {
    let base: String
    private let process: Process
    private let directory: URL

    /// The peer's directory (config and extra files live there).
    var path: String { directory.path }

    /// Starts Prometheus with `config`; `{dir}` in it is replaced by the directory holding `files`.
    init(config: String, files: [String: String] = [:]) throws {
        guard let binary = ToolLocator.path("prometheus") else {
            throw XCTSkip("prometheus not installed")
        }
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("prom-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configFile = directory.appendingPathComponent("prometheus.yml")
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try config.replacingOccurrences(of: "{dir}", with: directory.path)
            .write(to: configFile, atomically: true, encoding: .utf8)
        base = "http://127.0.0.1:\(port)"
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config.file=\(configFile.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
                             "--web.listen-address=127.0.0.1:\(port)", "--web.enable-remote-write-receiver"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? send("GET", "/-/ready"))?.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        throw XCTSkip("prometheus was not ready within 30 s")
    }

    /// A request to the peer (loopback only).
    func send(_ method: String, _ target: String, headers: [(name: String, value: String)] = [],
              body: [UInt8] = []) throws -> HTTPResponse {
        try HTTPClient(timeout: 10).send(try HTTPRequest(url: base + target, method: method, headers: headers, body: body))
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

}
