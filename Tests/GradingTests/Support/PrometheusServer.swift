import Foundation
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
import LabctlTestSupport
#endif

/// Debian's Prometheus started for one test on a free 127.0.0.1 port over a TSDB backfilled from an
/// OpenMetrics text with promtool; stopped by PID in ``stop()``. Skips when the tools are missing.
final class PrometheusServer {
    let url: String
    private let process: Process
    private let directory: URL

    /// Backfills `openMetrics` and starts Prometheus over it, waiting (bounded) for `/-/ready`.
    init(openMetrics: String) throws {
        guard let prometheus = ToolLocator.path("prometheus"), let promtool = ToolLocator.path("promtool") else {
            throw XCTSkip("prometheus/promtool not installed")
        }
        guard let port = LoopbackPort.free() else { throw XCTSkip("no free port") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("prom-backend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let input = directory.appendingPathComponent("scenario.om"), data = directory.appendingPathComponent("data")
        let config = directory.appendingPathComponent("prometheus.yml")
        try openMetrics.write(to: input, atomically: true, encoding: .utf8)
        try "global:\n  scrape_interval: 1m\n".write(to: config, atomically: true, encoding: .utf8)
        let backfill = Process()
        backfill.executableURL = URL(fileURLWithPath: promtool)
        backfill.arguments = ["tsdb", "create-blocks-from", "openmetrics", input.path, data.path]
        backfill.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        backfill.standardError = errors
        try backfill.run()
        let errText = errors.fileHandleForReading.readDataToEndOfFile()
        backfill.waitUntilExit()
        guard backfill.terminationStatus == 0 else {
            throw NSError(domain: "promtool", code: Int(backfill.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: errText, as: UTF8.self)])
        }
        url = "http://127.0.0.1:\(port)"
        process = Process()
        process.executableURL = URL(fileURLWithPath: prometheus)
        process.arguments = ["--storage.tsdb.path=\(data.path)", "--config.file=\(config.path)",
                             "--web.listen-address=127.0.0.1:\(port)", "--storage.tsdb.retention.time=100y"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if Self.ready(port: port) { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        throw NSError(domain: "prometheus", code: 1, userInfo: [NSLocalizedDescriptionKey: "not ready within 30 s"])
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func ready(port: Int) -> Bool {
        ((try? HTTPClient(timeout: 2).get("http://127.0.0.1:\(port)/-/ready"))?.status) == 200
    }

}

