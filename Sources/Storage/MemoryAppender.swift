import PromModel

/// A batch of samples for a `MemoryStorage`, applied under one lock acquisition on `commit()`.
///
/// Series are created at `append` time (as Prometheus's head does), so limits are enforced early;
/// a series created by a batch that is rolled back stays empty and is removed by retention.
final class MemoryAppender: Appender {
    private let storage: MemoryStorage
    /// Queued samples; `h` is an index into `pendingHistograms` for a histogram sample, -1 for a float.
    private var pending: [(ref: UInt32, h: Int32, t: Int64, v: Double, st: Int64)] = []
    private var pendingHistograms: [FloatHistogram] = []
    /// Newest pending timestamp and value bits per series, for order checks within the batch.
    private var pendingLast = BatchLastTable()

    init(storage: MemoryStorage) {
        self.storage = storage
    }

    // MARK: - Appender

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef {
        try append(labels, t: t, v: v, st: 0)
    }

    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double, st: Int64) throws -> SeriesRef {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        try storage.lockedCheckBounds(t, labels: labels)
        let ref = try storage.lockedGetOrCreate(labels)
        try lockedAdd(ref, t: t, v: v, st: st)
        return SeriesRef(rawValue: ref)
    }

    @discardableResult
    func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram) throws -> SeriesRef {
        try appendHistogram(labels, t: t, h: h, st: 0)
    }

    @discardableResult
    func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram, st: Int64) throws -> SeriesRef {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        try storage.lockedCheckBounds(t, labels: labels)
        let ref = try storage.lockedGetOrCreate(labels)
        guard pendingHistograms.count < Int(Int32.max) else {
            throw StorageError(.tooManySeries, "too many histogram samples in one batch", labels: labels)
        }
        let bits = HistogramSample(t: t, h: h).checkBits
        guard try lockedCheckOrder(ref, t: t, bits: bits, checkStored: { try self.storage.lockedCheck(ref, t: t, bits: bits) }) else {
            return SeriesRef(rawValue: ref)
        }
        pending.append((ref, Int32(pendingHistograms.count), t, 0, st))
        pendingHistograms.append(h)
        pendingLast.set(ref, t: t, bits: bits)
        return SeriesRef(rawValue: ref)
    }

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        try lockedAdd(ref.rawValue, t: t, v: v)
    }

    func commit() throws {
        let batch = pending
        let histograms = pendingHistograms
        pending = []
        pendingHistograms = []
        pendingLast.removeAll()
        guard !batch.isEmpty else { return }
        var firstError: Error?
        storage.lock.lock()
        for sample in batch {
            do {
                if sample.h >= 0 {
                    try storage.lockedAppendHistogram(sample.ref, HistogramSample(t: sample.t, h: histograms[Int(sample.h)], st: sample.st))
                } else {
                    try storage.lockedAppend(sample.ref, t: sample.t, v: sample.v, st: sample.st)
                }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        storage.lock.unlock()
        if let firstError { throw firstError }
    }

    func rollback() {
        pending = []
        pendingHistograms = []
        pendingLast.removeAll()
    }

    // MARK: - Checks

    /// Checks a sample given by its order-check bits against this batch, or the store when the batch
    /// holds nothing for the series; `false` for a duplicate to drop silently.
    private func lockedCheckOrder(_ ref: UInt32, t: Int64, bits: UInt64,
                                  checkStored: () throws -> MemSeries.Check) throws -> Bool {
        guard let last = pendingLast.last(ref) else {
            if case .duplicateSameValue = try checkStored() { return false }
            return true
        }
        switch MemSeries.check(t: t, bits: bits, lastT: last.t, lastBits: last.bits, hasLast: true) {
        case .append: return true
        case .duplicateSameValue: return false
        case .rejected(let kind):
            let labels = storage.series[Int(ref)]?.labels
            throw StorageError(kind, "\(kind == .outOfOrderSample ? "out of order sample" : "duplicate sample for timestamp"): \(t) after \(last.t)", labels: labels)
        }
    }

    /// Checks the sample against the stored series and this batch, then queues it.
    private func lockedAdd(_ ref: UInt32, t: Int64, v: Double, st: Int64 = 0) throws {
        if let last = pendingLast.last(ref) {
            // The batch already holds newer data than the store for this series.
            try storage.lockedCheckBounds(t, labels: nil)
            switch MemSeries.check(t: t, bits: v.bitPattern, lastT: last.t, lastBits: last.bits, hasLast: true) {
            case .append: break
            case .duplicateSameValue: return
            case .rejected(let kind):
                let labels = storage.series[Int(ref)]?.labels
                throw StorageError(kind, "\(kind == .outOfOrderSample ? "out of order sample" : "duplicate sample for timestamp"): \(t) after \(last.t)", labels: labels)
            }
        } else if case .duplicateSameValue = try storage.lockedCheck(ref, t: t, v: v) {
            return
        }
        pending.append((ref, -1, t, v, st))
        pendingLast.set(ref, t: t, bits: v.bitPattern)
    }
}
