import PromModel

/// A batch of samples for a `MemoryStorage`, applied under one lock acquisition on `commit()`.
///
/// Series are created at `append` time (as Prometheus's head does), so limits are enforced early;
/// a series created by a batch that is rolled back stays empty and is removed by retention.
final class MemoryAppender: Appender {
    private let storage: MemoryStorage
    private var pending: [(ref: UInt32, t: Int64, v: Double, st: Int64)] = []
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

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        try lockedAdd(ref.rawValue, t: t, v: v)
    }

    func commit() throws {
        let batch = pending
        pending = []
        pendingLast.removeAll()
        guard !batch.isEmpty else { return }
        var firstError: Error?
        storage.lock.lock()
        for sample in batch {
            do {
                try storage.lockedAppend(sample.ref, t: sample.t, v: sample.v, st: sample.st)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        storage.lock.unlock()
        if let firstError { throw firstError }
    }

    func rollback() {
        pending = []
        pendingLast.removeAll()
    }

    // MARK: - Checks

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
        pending.append((ref, t, v, st))
        pendingLast.set(ref, t: t, bits: v.bitPattern)
    }
}
