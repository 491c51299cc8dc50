import PromModel

/// A batch for a `PersistentStorage`: validated by the in-memory store as it is built, logged to
/// the WAL on `commit()`, then made visible.
final class PersistentAppender: Appender {
    private let storage: PersistentStorage
    private let inner: any Appender
    private var pending: [(ref: UInt32, t: Int64, v: Double, st: Int64)] = []

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
        pending.append((ref.rawValue, t, v, st))
        return ref
    }

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        try inner.append(ref, t: t, v: v)
        pending.append((ref.rawValue, t, v, 0))
    }

    func commit() throws {
        let batch = pending
        pending = []
        try storage.commit(batch, inner: inner)
    }

    func rollback() {
        pending = []
        inner.rollback()
    }
}
