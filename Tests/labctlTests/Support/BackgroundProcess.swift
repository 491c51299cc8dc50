import Foundation
import LabctlTestSupport
import Runtime
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A long-running child (labctl serve, Prometheus, node_exporter, uvicorn) for one test: output to
/// a log file, readiness polled over HTTP with a deadline, stopped by PID (SIGTERM, then SIGKILL).
final class BackgroundProcess {
    let process = Process()
    let log: URL
    private(set) var exitStatus: Int32?

    /// Starts `executable`; throws when it cannot be started.
    init(_ executable: String, _ arguments: [String], directory: URL? = nil, environment: [String: String]? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-bg-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// What the process wrote so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Polls `url` until it answers 200 (or `deadline` seconds pass, or the process exits).
    func waitUntilReady(_ url: String, deadline seconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard process.isRunning else {
                throw NSError(domain: "BackgroundProcess", code: 1,
                              userInfo: [NSLocalizedDescriptionKey: "exited before it was ready:\n\(output)"])
            }
            if let response = try? HTTPClient(timeout: 1).get(url), response.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw NSError(domain: "BackgroundProcess", code: 2,
                      userInfo: [NSLocalizedDescriptionKey: "\(url) not ready within \(seconds) s:\n\(output)"])
    }

    /// Sends `signal` and waits up to `timeout` seconds for the exit (then SIGKILL); returns the status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM, timeout: Double = 10) -> Int32 {
        if process.isRunning {
            kill(pid, signal)
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                kill(pid, SIGKILL)
                process.waitUntilExit()
            }
        }
        let status = process.terminationStatus
        exitStatus = status
        try? FileManager.default.removeItem(at: log)
        return status
    }

    /// The path of an installed tool, or nil (see ``ToolLocator``).
    static func tool(_ name: String) -> String? { ToolLocator.path(name) }

}
