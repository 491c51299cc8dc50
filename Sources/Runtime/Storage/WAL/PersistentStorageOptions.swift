import Foundation
import PromModel

/// How a `PersistentStorage` logs, checkpoints and retains.
public struct PersistentStorageOptions: Sendable {
    /// Segment size, sync interval and record limit of the write-ahead log.
    public var wal: WALWriter.Options
    /// Samples older than `now - retention` are dropped on checkpoint and replay (`nil`: keep all).
    /// Prometheus's `--storage.tsdb.retention.time`, 15 days by default.
    public var retention: PromModel.Duration?
    /// Seconds between background checkpoints (0: only on `close()` and `checkpoint()`).
    public var checkpointInterval: Double
    /// Limits of the in-memory store.
    public var limits: StorageLimits
    /// The clock retention is measured against, in milliseconds since the epoch.
    public var now: @Sendable () -> Int64
    /// Whether `close()` writes a checkpoint (so the next start reads one file instead of the log).
    public var checkpointOnClose: Bool

    public init(wal: WALWriter.Options = WALWriter.Options(),
                retention: PromModel.Duration? = .seconds(15 * 24 * 3600),
                checkpointInterval: Double = 1800, limits: StorageLimits = .default,
                checkpointOnClose: Bool = true,
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) {
        self.wal = wal
        self.retention = retention
        self.checkpointInterval = checkpointInterval
        self.limits = limits
        self.checkpointOnClose = checkpointOnClose
        self.now = now
    }

    /// The oldest timestamp retention keeps now, or `nil` without retention.
    var retentionCutoff: Int64? {
        guard let retention else { return nil }
        let (cutoff, overflow) = now().subtractingReportingOverflow(retention.milliseconds)
        return overflow ? nil : cutoff
    }
}
