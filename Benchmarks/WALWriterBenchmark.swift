import Foundation
import PromModel
import Storage
import Runtime

/// `labctl-bench wal-writer DIR [series] [batch-interval-ms]`: the crash test's child. Opens (and
/// replays) the storage at DIR, then appends one batch per interval forever, with timestamps
/// continuing after the newest replayed sample (1 ms apart), and prints `synced T` whenever the
/// background flusher has made every batch up to timestamp T durable. Killed with SIGKILL by the test.
enum WALWriterBenchmark {
    static let metric = "wal_writer_sample"

    static func run(_ arguments: [String]) throws {
        guard let dir = arguments.first else {
            print("usage: labctl-bench wal-writer DIR [series] [batch-interval-ms]")
            exit(2)
        }
        let seriesCount = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 50) : 50
        let intervalMs = arguments.count > 2 ? max(0, Int(arguments[2]) ?? 2) : 2
        // Small segments and frequent checkpoints, so kills also land on rolls and checkpoints.
        let options = PersistentStorageOptions(
            wal: WALWriter.Options(segmentSize: 64 << 10, syncInterval: 0.2),
            retention: nil, checkpointInterval: 0.7, checkpointOnClose: true)
        let storage = try PersistentStorage.open(directory: dir, options: options)
        let held = try storage.select([try LabelMatcher(.equal, "__name__", metric)], mint: .min, maxt: .max)
        var t = held.compactMap { $0.samples.last?.t }.max() ?? 0
        print("start \(t + 1) \(storage.replayReport)")
        for warning in storage.replayReport.warnings { print("warning \(warning)") }
        fflush(nil)
        let labels = (0..<seriesCount).map { i -> Labels in ["__name__": metric, "series": "s\(i)"] }
        var pending: [(sequence: UInt64, t: Int64)] = []
        var reported: Int64 = 0
        while true {
            t += 1
            let app = storage.appender()
            for (i, l) in labels.enumerated() { try app.append(l, t: t, v: Double(t) * 10 + Double(i)) }
            try app.commit()
            pending.append((storage.commits, t))
            let durable = storage.durableCommits
            var synced: Int64?
            while let first = pending.first, first.sequence <= durable {
                synced = first.t
                pending.removeFirst()
            }
            if let synced, synced > reported {
                reported = synced
                print("synced \(synced)")
                fflush(nil)
            }
            if intervalMs > 0 { usleep(UInt32(intervalMs * 1000)) }
        }
    }
}
