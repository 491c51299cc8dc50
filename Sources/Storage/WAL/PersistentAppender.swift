import PromModel

/// A batch for a `PersistentStorage`: validated by the in-memory store as it is built, logged to
/// the WAL on `commit()`, then made visible.
final class PersistentAppender: Appender {
    private let storage: PersistentStorage
    private let inner: any Appender
    /// Queued samples in order; `h` indexes `pendingHistograms` for a histogram sample, -1 for a float.
    private var pending: [PendingSample] = []
    private var pendingHistograms: [FloatHistogram] = []

    init(storage: PersistentStorage, inner: any Appender) {
        self.storage = storage
        self.inner = inner
    }

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef {
        try append(labels, t: t, v: v, st: 0)
    }

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double, st: Int64) throws -> SeriesRef {
        let ref = try inner.append(labels, t: t, v: v, st: st)
        pending.append(PendingSample(ref: ref.rawValue, h: -1, t: t, v: v, st: st))
        return ref
    }

    @discardableResult
    func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram) throws -> SeriesRef {
        let ref = try inner.appendHistogram(labels, t: t, h: h)
        guard pendingHistograms.count < Int(Int32.max) else {
            throw StorageError(.tooManySeries, "too many histogram samples in one batch", labels: labels)
        }
        pending.append(PendingSample(ref: ref.rawValue, h: Int32(pendingHistograms.count), t: t, v: 0, st: 0))
        pendingHistograms.append(h)
        return ref
    }

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        try inner.append(ref, t: t, v: v)
        pending.append(PendingSample(ref: ref.rawValue, h: -1, t: t, v: v, st: 0))
    }

    func commit() throws {
        let batch = pending
        let histograms = pendingHistograms
        pending = []
        pendingHistograms = []
        try storage.commit(batch, histograms: histograms, inner: inner)
    }

    func rollback() {
        pending = []
        pendingHistograms = []
        inner.rollback()
    }
}

/// A sample queued by a `PersistentAppender`: a float, or (`h >= 0`) the histogram at that index.
struct PendingSample {
    var ref: UInt32
    var h: Int32
    var t: Int64
    var v: Double
    var st: Int64
}
