import Foundation
import XCTest
import PromModel
@testable import Storage
import LabctlTestSupport

/// SIGKILL a real writer process several times and check that everything it reported as synced
/// survived, with no gaps and no corruption. The child is `labctl-bench wal-writer DIR`; the test
/// skips when that binary is not built.
final class WALCrashTests: XCTestCase {
    /// One run of the child: starts it, reads its lines for `seconds`, kills it with SIGKILL.
    private struct Run {
        var start: Int64 = 0
        var lastSynced: Int64 = 0
        var syncs = 0
        var lines: [String] = []
    }

    private func runAndKill(_ binary: URL, dir: String, seconds: Double) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["wal-writer", dir, "20", "1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var run = Run()
        var text = ""
        let deadline = Date().addingTimeInterval(seconds)
        let limit = Date().addingTimeInterval(seconds + 20)
        let handle = out.fileHandleForReading
        let fd = handle.fileDescriptor
        // Read until the deadline, having seen a few syncs (or give up at the hard limit).
        while Date() < limit, Date() < deadline || run.syncs < 3 {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { if !process.isRunning { break }; continue }
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            while let newline = text.firstIndex(of: "\n") {
                let line = String(text[..<newline])
                text = String(text[text.index(after: newline)...])
                run.lines.append(line)
                let parts = line.split(separator: " ")
                if parts.first == "synced", parts.count > 1, let t = Int64(parts[1]) {
                    run.lastSynced = t
                    run.syncs += 1
                } else if parts.first == "start", parts.count > 1, let t = Int64(parts[1]) {
                    run.start = t
                }
            }
        }
        let pid = process.processIdentifier
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "killed, not exited: \(run.lines.suffix(3))")
        return run
    }

    func testSIGKILLKeepsEverySampleSyncedBeforeTheKill() throws {
        let binary = try BuiltProduct.url("labctl-bench")
        let dir = WALTestSupport.directory(self)
        var previous = Run()
        var previousStart: Int64 = 0
        for round in 0..<4 {
            let run = try runAndKill(binary, dir: dir, seconds: 1.2 + 0.3 * Double(round))
            print("wal crash round \(round): \(run.lines.first ?? ""); last synced \(run.lastSynced) after \(run.syncs) syncs")
            XCTAssertGreaterThan(run.syncs, 0, "round \(round): \(run.lines.prefix(5))")
            if round > 0 {
                // The child resumed after what it replayed: at least everything synced last time.
                XCTAssertGreaterThan(run.start, previous.lastSynced, "round \(round): \(run.lines.first ?? "")")
                XCTAssertGreaterThan(run.start, previousStart)
            }
            XCTAssertFalse(run.lines.contains { $0.hasPrefix("warning") && !$0.contains("truncated") },
                           "only torn tails are repaired: \(run.lines.filter { $0.hasPrefix("warning") })")
            previous = run
            previousStart = run.start
        }
        // Every series holds exactly 1...n with n >= the last reported sync: nothing lost, no gaps.
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? storage.close() }
        let set = try storage.select([try LabelMatcher(.equal, "__name__", "wal_writer_sample")], mint: .min, maxt: .max)
        XCTAssertEqual(set.count, 20)
        for series in set {
            let samples = series.samples
            let n = Int64(samples.count)
            XCTAssertGreaterThanOrEqual(n, previous.lastSynced, "\(series.labels)")
            XCTAssertEqual(samples.first?.t, 1)
            XCTAssertEqual(samples.last?.t, n, "no gaps in \(series.labels)")
            let index = Double(series.labels["series"]?.dropFirst() ?? "").flatMap { $0 } ?? -1
            XCTAssertTrue(samples.allSatisfy { $0.v == Double($0.t) * 10 + index }, "values of \(series.labels)")
        }
    }
}
