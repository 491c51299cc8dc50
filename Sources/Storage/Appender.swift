import PromModel

/// A batch of samples to add to a storage; nothing is visible to queries before `commit()`.
///
/// An appender is used by one task at a time. `append` validates eagerly (limits, order against
/// what is stored and what this batch already holds) and throws `StorageError`; a rejected sample
/// does not spoil the rest of the batch.
public protocol Appender: AnyObject {
    /// Adds a sample for the series `labels` (created when new) and returns its reference.
    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef

    /// Adds a sample with its start timestamp `st` (when the counter started counting; 0 = unknown).
    /// Appenders that do not keep start timestamps store the sample alone.
    @discardableResult
    func append(_ labels: Labels, t: Int64, v: Double, st: Int64) throws -> SeriesRef

    /// Adds a native-histogram sample for the series `labels` (created when new). Appenders of
    /// float-only storages throw `StorageError.Kind.histogramsNotSupported`.
    @discardableResult
    func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram) throws -> SeriesRef

    /// Adds a native-histogram sample with its start timestamp `st` (0 = unknown). Appenders that do not
    /// keep start timestamps store the sample alone.
    @discardableResult
    func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram, st: Int64) throws -> SeriesRef

    /// Adds a sample for a series returned earlier by `append(_:t:v:)` on the same storage.
    func append(_ ref: SeriesRef, t: Int64, v: Double) throws

    /// Makes the batch visible. Samples that became out of order because another appender
    /// committed first are dropped, and the first such error is thrown after the rest is applied.
    func commit() throws

    /// Discards the batch.
    func rollback()
}

/// Something samples can be appended to.
public protocol Appendable: Sendable {
    /// A new, empty batch.
    func appender() -> any Appender
}

/// A storage that can be appended to and queried.
public protocol Storage: Appendable, Querier {}

// MARK: - Start timestamps

extension Appender {
    /// Default for appenders without start timestamps: the sample is appended alone.
    @discardableResult
    public func append(_ labels: Labels, t: Int64, v: Double, st: Int64) throws -> SeriesRef {
        try append(labels, t: t, v: v)
    }

    /// Default for appenders without start timestamps: the histogram sample is appended alone.
    @discardableResult
    public func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram, st: Int64) throws -> SeriesRef {
        try appendHistogram(labels, t: t, h: h)
    }
}

// MARK: - Native histograms

extension Appender {
    /// Default for float-only appenders: the histogram is rejected.
    @discardableResult
    public func appendHistogram(_ labels: Labels, t: Int64, h: FloatHistogram) throws -> SeriesRef {
        throw StorageError(.histogramsNotSupported, "native histogram samples are not supported by this storage",
                           labels: labels)
    }
}
