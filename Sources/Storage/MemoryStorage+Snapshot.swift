import PromModel

// MARK: - Hooks for the write-ahead log

/// What persistence needs from the in-memory store: consistent snapshots for checkpoints, the
/// labels of a reference, and bulk appends for replay (one lock acquisition per record).
extension MemoryStorage {
    /// One live series with copy-on-write snapshots of all its chunks.
    struct SnapshotSeries {
        let ref: UInt32
        let labels: Labels
        let chunks: [EncodedChunk]
        let histogramChunks: [EncodedHistogramChunk]
    }

    /// Every live series, in reference order.
    func snapshotSeries() -> [SnapshotSeries] {
        lock.lock()
        defer { lock.unlock() }
        var out: [SnapshotSeries] = []
        out.reserveCapacity(liveSeries)
        for (i, s) in series.enumerated() {
            guard let s else { continue }
            out.append(SnapshotSeries(ref: UInt32(i), labels: s.labels, chunks: s.chunks(mint: .min, maxt: .max),
                                      histogramChunks: s.histogramChunks(mint: .min, maxt: .max)))
        }
        return out
    }

    /// The labels of series `ref`, or `nil` when it is unknown or was dropped.
    func labels(ofRef ref: UInt32) -> Labels? {
        lock.lock()
        defer { lock.unlock() }
        guard Int(ref) < series.count else { return nil }
        return series[Int(ref)]?.labels
    }

    /// The reference of the series with `labels`, created when new (limits apply).
    func replaySeries(_ labels: Labels) throws -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        return try lockedGetOrCreate(labels)
    }

    /// What `replayAppend` did with a batch.
    struct ReplayCounts {
        var appended = 0
        /// Older than the retained data.
        var outOfBounds = 0
        /// Out of order or duplicate with another value (a race between appenders when logged).
        var rejected = 0
    }

    /// Appends checked samples under one lock; rejected ones are counted, not thrown.
    func replayAppend(_ batch: [(ref: UInt32, t: Int64, v: Double, st: Int64)], into counts: inout ReplayCounts) {
        lock.lock()
        defer { lock.unlock() }
        for s in batch {
            do {
                try lockedAppend(s.ref, t: s.t, v: s.v, st: s.st)
                counts.appended += 1
            } catch let error as StorageError where error.kind == .outOfBounds {
                counts.outOfBounds += 1
            } catch {
                counts.rejected += 1
            }
        }
    }

    /// Appends histogram samples under one lock; rejected ones are counted, not thrown.
    func replayAppendHistograms(_ batch: [(ref: UInt32, sample: HistogramSample)], into counts: inout ReplayCounts) {
        lock.lock()
        defer { lock.unlock() }
        for s in batch {
            do {
                try lockedAppendHistogram(s.ref, s.sample)
                counts.appended += 1
            } catch let error as StorageError where error.kind == .outOfBounds {
                counts.outOfBounds += 1
            } catch {
                counts.rejected += 1
            }
        }
    }
}
