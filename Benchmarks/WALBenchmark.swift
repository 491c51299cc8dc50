import Foundation
import PromModel
import Storage
import Runtime

/// `labctl-bench wal [million-samples] [series]`: append throughput through a `PersistentStorage`
/// (samples/s, MB/s of WAL), a checkpoint, and replay time and peak memory of a fresh process-like
/// open of the log alone and of the checkpoint.
enum WALBenchmark {
    static func run(_ arguments: [String]) throws {
        if arguments.first == "--replay", arguments.count > 1 {
            return try replay(arguments[1], checkpoint: arguments.contains("--checkpoint"))
        }
        let millions = arguments.first.flatMap(Double.init) ?? 2
        let seriesCount = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 10_000) : 10_000
        let total = Int(millions * 1_000_000)
        let steps = max(1, total / seriesCount)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-wal-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = PersistentStorageOptions(retention: nil, checkpointInterval: 0, checkpointOnClose: false)
        let rssBefore = StorageBenchmark.maxRSSKiB()

        // MARK: Append
        let jobs = ["api", "web", "db", "cache", "queue"]
        let labels = (0..<seriesCount).map { i -> Labels in
            ["__name__": "http_requests_total", "job": jobs[i % jobs.count], "instance": "host-\(i / 100):9100",
             "path": "/api/v\(i % 3)/item\(i % 17)", "series": "\(i)"]
        }
        let memorySeconds = try ingest(into: MemoryStorage(), labels: labels, steps: steps)
        let writing = try PersistentStorage.open(directory: dir, options: options)
        let start = Date()
        _ = try ingest(into: writing, labels: labels, steps: steps)
        try writing.sync()
        let appendSeconds = Date().timeIntervalSince(start)
        let samples = steps * seriesCount
        let bytes = Double(writing.loggedBytes)
        print(String(format: "append: %d samples, %d series in %.2fs = %.0f samples/s; WAL %.1f MB = %.1f MB/s, %.2f bytes/sample",
                     samples, seriesCount, appendSeconds, Double(samples) / appendSeconds, bytes / 1e6,
                     bytes / 1e6 / appendSeconds, bytes / Double(samples)))
        print(String(format: "  the same into MemoryStorage alone: %.2fs = %.0f samples/s", memorySeconds,
                     Double(samples) / memorySeconds))
        try writing.close()
        print("maxrss after append: \(StorageBenchmark.maxRSSKiB()) KiB (before: \(rssBefore) KiB)")

        // MARK: Replay, each in a fresh process so its peak memory is its own
        try runChild(["--replay", dir, "--checkpoint"])
        try runChild(["--replay", dir])
    }

    /// One scrape of every series per step, a batch per 1,000 series (like targets); returns seconds.
    private static func ingest(into storage: any Storage, labels: [Labels], steps: Int) throws -> Double {
        let start = Date()
        var refs: [SeriesRef] = []
        let first = storage.appender()
        for l in labels { refs.append(try first.append(l, t: 1_700_000_000_000, v: 0)) }
        try first.commit()
        for step in 1..<max(steps, 1) {
            let t = 1_700_000_000_000 + Int64(step) * 15_000
            var i = 0
            while i < refs.count {
                let app = storage.appender()
                for j in i..<min(i + 1000, refs.count) { try app.append(refs[j], t: t, v: Double(step * (j % 13)) + 0.5) }
                try app.commit()
                i += 1000
            }
        }
        return Date().timeIntervalSince(start)
    }

    /// Opens DIR (replaying it), prints the report and peak memory, optionally checkpoints.
    static func replay(_ dir: String, checkpoint: Bool) throws {
        let options = PersistentStorageOptions(retention: nil, checkpointInterval: 0, checkpointOnClose: false)
        let rssBefore = peakRSSKiB()
        let start = Date()
        let storage = try PersistentStorage.open(directory: dir, options: options)
        let seconds = Date().timeIntervalSince(start)
        let report = storage.replayReport
        let what = report.checkpoint == nil ? "log" : "checkpoint + log"
        print(String(format: "replay (%@): %@; %.0f samples/s, %.1f MB/s read; peak RSS %d KiB (%d KiB at start)",
                     what, report.description, Double(report.samples) / seconds,
                     Double(report.bytesRead) / 1e6 / seconds, peakRSSKiB(), rssBefore))
        let stats = storage.stats()
        print(String(format: "  held: %d series, %d samples, %.2f bytes/sample in chunks", stats.seriesCount,
                     stats.sampleCount, stats.bytesPerSample))
        if checkpoint {
            let c = try storage.checkpoint()
            print(String(format: "checkpoint: %d series, %d samples, %.1f MB (%.2f bytes/sample) in %.2fs, %d segments removed",
                         c.series, c.samples, Double(c.bytes) / 1e6, Double(c.bytes) / Double(max(1, c.samples)),
                         c.seconds, c.segmentsRemoved))
        }
        try storage.close()
    }

    /// This process's peak resident memory: VmHWM from /proc (maxrss survives exec on Linux, so a
    /// child would report its parent's peak), else getrusage.
    static func peakRSSKiB() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
            return kib
        }
        return StorageBenchmark.maxRSSKiB()
    }

    private static func runChild(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["wal"] + arguments
        fflush(nil)
        try process.run()
        process.waitUntilExit()
        fflush(nil)
    }
}
