import Foundation
import PromModel

/// A `MemoryStorage` made durable: every committed batch is logged to a write-ahead log under
/// `DIR/wal/` before it becomes visible, checkpoints of the live series are written periodically
/// and on close, and `open` replays the latest checkpoint plus the later segments.
///
/// A crash (SIGKILL, power loss) loses at most the batches committed in the last `syncInterval`
/// seconds; a torn or corrupt tail is truncated at the last good record with a warning.
/// `DIR/lock` keeps a second process (or a second storage in this one) out of the directory.
/// Call `close()` when done: the sync and checkpoint threads keep an unclosed storage alive.
///
/// ```swift
/// let storage = try PersistentStorage.open(directory: "data")
/// print(storage.replayReport)          // warnings, series, samples, seconds
/// let app = storage.appender()
/// try app.append(["__name__": "up"], t: now, v: 1)
/// try app.commit()
/// try storage.close()
/// ```
public final class PersistentStorage: Storage, @unchecked Sendable {
    /// The in-memory store queries read.
    public let memory: MemoryStorage
    /// The options it was opened with.
    public let options: PersistentStorageOptions
    /// What `open` found and repaired.
    public let replayReport: WALReplayReport

    let directory: WALDirectory
    let writer: WALWriter
    private let directoryLock: WALDirectoryLock

    /// Serialises commits, so the log's order is the order batches became visible; guards the fields below.
    let commitLock = NSLock()
    var walRefOfMemRef: [UInt64]
    var nextWalRef: UInt64
    var closed = false

    /// Serialises checkpoints.
    let checkpointLock = NSLock()
    let maintenance = NSCondition()
    /// Guarded by `maintenance`.
    var stopping = false
    var maintenanceDone = false
    var lastCheckpointError: Error?
    var lastCheckpoint: WALCheckpointReport?

    private init(directory: WALDirectory, options: PersistentStorageOptions, memory: MemoryStorage,
                 lock: WALDirectoryLock, replayer: WALReplayer, droppedByRetention: Int) throws {
        self.directory = directory
        self.options = options
        self.memory = memory
        self.directoryLock = lock
        walRefOfMemRef = replayer.walRefOfMemRef
        nextWalRef = max(1, replayer.maxWalRef &+ 1)
        var report = replayer.report
        let stats = memory.stats()
        report.series = stats.seriesCount
        report.samples = stats.sampleCount
        report.samplesDroppedByRetention += droppedByRetention
        replayReport = report
        writer = try WALWriter(directory: directory, firstSegment: replayer.lastSegment + 1, options: options.wal)
    }

    /// Opens (creating when missing) the storage directory, takes its lock and replays it.
    /// Throws `WALError` `.locked` when another storage holds it, `.io` when it cannot be read or written.
    public static func open(directory path: String, options: PersistentStorageOptions = PersistentStorageOptions()) throws
        -> PersistentStorage
    {
        let directory = WALDirectory(root: path)
        try directory.create()
        let lock = try WALDirectoryLock(path: directory.lockPath, directory: path)
        do {
            let memory = MemoryStorage(limits: options.limits)
            var replayer = WALReplayer(directory: directory, memory: memory, maxRecordBytes: options.wal.maxRecordBytes)
            try replayer.replay()
            // Retention from the newest sample (whole chunks here; checkpoints cut samples). Series left
            // empty, by retention or by a torn record, are dropped.
            let held = memory.stats()
            memory.truncate(before: options.retentionCutoff(newest: held.maxTime) ?? .min)
            let dropped = held.sampleCount - memory.stats().sampleCount
            let storage = try PersistentStorage(directory: directory, options: options, memory: memory,
                                                lock: lock, replayer: replayer, droppedByRetention: dropped)
            storage.startMaintenance()
            return storage
        } catch {
            lock.release()
            throw error
        }
    }

    // MARK: - Storage

    /// A new batch: logged on commit, then visible.
    public func appender() -> any Appender {
        PersistentAppender(storage: self, inner: memory.appender())
    }

    public func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64, hints: SelectHints?) throws -> SeriesSet {
        try memory.select(matchers, mint: mint, maxt: maxt, hints: hints)
    }

    public func labelNames(matchers: [LabelMatcher]) throws -> [String] {
        try memory.labelNames(matchers: matchers)
    }

    public func labelValues(_ name: String, matchers: [LabelMatcher]) throws -> [String] {
        try memory.labelValues(name, matchers: matchers)
    }

    /// Counts of the in-memory store.
    public func stats() -> StorageStats { memory.stats() }

    // MARK: - Durability

    /// Writes and fsyncs everything committed so far.
    public func sync() throws { try writer.sync() }

    /// Number of commits so far; a commit is durable once `durableCommits` reaches its number.
    public var commits: UInt64 { writer.appendedSequence }
    /// Number of commits fsynced.
    public var durableCommits: UInt64 { writer.syncedSequence }
    /// Bytes logged since open.
    public var loggedBytes: Int64 { writer.loggedBytes }

    /// Stops checkpointing, writes a last checkpoint (unless disabled), syncs and closes the log and
    /// releases the lock. Later commits throw `WALError` `.closed`.
    public func close() throws {
        let alreadyClosed = commitLock.withLock { closed }
        if alreadyClosed { return }
        maintenance.lock()
        stopping = true
        maintenance.broadcast()
        while !maintenanceDone { maintenance.wait() }
        maintenance.unlock()
        var failure: Error?
        if options.checkpointOnClose {
            do { try checkpoint() } catch { failure = error }
        }
        commitLock.lock()
        let wasClosed = closed
        closed = true
        commitLock.unlock()
        if !wasClosed {
            do { try writer.close() } catch { failure = failure ?? error }
            directoryLock.release()
        }
        if let failure { throw failure }
    }

    // MARK: - Commit

    /// Logs `batch` (series records for references not logged yet, then the samples, floats and
    /// histograms in runs so that replay sees them in commit order), then commits `inner`. Nothing
    /// becomes visible when logging fails.
    func commit(_ batch: [PendingSample], histograms: [FloatHistogram], inner: any Appender) throws {
        guard !batch.isEmpty else { return try inner.commit() }
        commitLock.lock()
        defer { commitLock.unlock() }
        guard !closed else {
            inner.rollback()
            throw WALError(.closed, "the storage is closed")
        }
        var newSeries: [WALSeries] = []
        var records: [WALRecord] = []
        var samples: [WALSample] = []
        var histogramSamples: [WALHistogramSample] = []
        samples.reserveCapacity(batch.count)
        var assigned: [UInt32] = []
        for s in batch {
            var walRef = walRef(of: s.ref)
            if walRef == 0 {
                guard let labels = memory.labels(ofRef: s.ref) else { continue }
                walRef = nextWalRef
                nextWalRef += 1
                setWalRef(walRef, of: s.ref)
                assigned.append(s.ref)
                newSeries.append(WALSeries(ref: walRef, labels: labels))
            }
            if s.h >= 0, Int(s.h) < histograms.count {
                if !samples.isEmpty {
                    records += WALRecordBatcher.records(series: [], samples: samples)
                    samples.removeAll()
                }
                histogramSamples.append(WALHistogramSample(ref: walRef, t: s.t, h: histograms[Int(s.h)]))
            } else {
                if !histogramSamples.isEmpty {
                    records += WALRecordBatcher.records(histograms: histogramSamples)
                    histogramSamples.removeAll()
                }
                samples.append(WALSample(ref: walRef, t: s.t, v: s.v, st: s.st))
            }
        }
        records += WALRecordBatcher.records(series: [], samples: samples)
        records += WALRecordBatcher.records(histograms: histogramSamples)
        do {
            try writer.log(WALRecordBatcher.records(series: newSeries, samples: []) + records)
        } catch {
            for ref in assigned { setWalRef(0, of: ref) }
            inner.rollback()
            throw error
        }
        try inner.commit()
    }

    func walRef(of memRef: UInt32) -> UInt64 {
        Int(memRef) < walRefOfMemRef.count ? walRefOfMemRef[Int(memRef)] : 0
    }

    private func setWalRef(_ walRef: UInt64, of memRef: UInt32) {
        let i = Int(memRef)
        if i >= walRefOfMemRef.count {
            walRefOfMemRef.append(contentsOf: repeatElement(0, count: max(i + 1 - walRefOfMemRef.count, walRefOfMemRef.count)))
        }
        walRefOfMemRef[i] = walRef
    }
}
