import Foundation
import PromModel

/// How a `PersistentStorage` logs, checkpoints and retains.
public struct PersistentStorageOptions: Sendable {
    /// Segment size, sync interval and record limit of the write-ahead log.
    public var wal: WALWriter.Options
    /// Samples older than `newest - retention` are dropped on checkpoint and replay (`nil`: keep all),
    /// `newest` being the newest sample held: as in Prometheus, retention is measured from the data,
    /// not the wall clock, so backfilled old data is kept. `--storage.tsdb.retention.time`, 15 days by default.
    public var retention: PromModel.Duration?
    /// Seconds between background checkpoints (0: only on `close()` and `checkpoint()`).
    public var checkpointInterval: Double
    /// Limits of the in-memory store.
    public var limits: StorageLimits
    /// Whether `close()` writes a checkpoint (so the next start reads one file instead of the log).
    public var checkpointOnClose: Bool

    public init(wal: WALWriter.Options = WALWriter.Options(),
                retention: PromModel.Duration? = .seconds(15 * 24 * 3600),
                checkpointInterval: Double = 1800, limits: StorageLimits = .default,
                checkpointOnClose: Bool = true) {
        self.wal = wal
        self.retention = retention
        self.checkpointInterval = checkpointInterval
        self.limits = limits
        self.checkpointOnClose = checkpointOnClose
    }

    /// The oldest timestamp retention keeps when the newest sample is at `newest`; `nil` without
    /// retention or data.
    func retentionCutoff(newest: Int64?) -> Int64? {
        guard let retention, let newest else { return nil }
        let (cutoff, overflow) = newest.subtractingReportingOverflow(retention.milliseconds)
        return overflow ? nil : cutoff
    }
}
