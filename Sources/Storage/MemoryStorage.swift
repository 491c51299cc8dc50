import Foundation
import PromModel

/// The in-memory time-series store: series in compressed chunks, an inverted index, retention
/// by time and limits. Safe to append from one task while others query.
///
/// One lock guards everything; queries hold it only while computing postings and taking
/// copy-on-write snapshots of chunks, and decode samples after releasing it.
public final class MemoryStorage: Storage, @unchecked Sendable {
    /// The limits this storage enforces.
    public let limits: StorageLimits

    let lock = NSLock()
    // All fields below are guarded by `lock`.
    var series: [MemSeries?] = []
    var refsByLabels: [Labels: UInt32] = [:]
    var index = PostingsIndex()
    var liveSeries = 0
    /// Samples older than this are rejected as out of bounds (moved forward by retention).
    var minValidTime: Int64 = .min

    /// An empty store that rejects appends beyond `limits` (series, labels, samples) with a `StorageError`.
    public init(limits: StorageLimits = .default) {
        self.limits = limits
    }

    /// A new batch appender.
    public func appender() -> any Appender { MemoryAppender(storage: self) }

    // MARK: - Direct appends

    /// Appends one sample and makes it visible at once (a one-sample batch).
    @discardableResult
    public func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef {
        lock.lock()
        defer { lock.unlock() }
        try lockedCheckBounds(t, labels: labels)
        let ref = try lockedGetOrCreate(labels)
        try lockedAppend(ref, t: t, v: v)
        return SeriesRef(rawValue: ref)
    }

    /// Appends one sample to a known series and makes it visible at once.
    public func append(_ ref: SeriesRef, t: Int64, v: Double) throws {
        lock.lock()
        defer { lock.unlock() }
        try lockedAppend(ref.rawValue, t: t, v: v)
    }

    // MARK: - Locked helpers (caller holds `lock`)

    /// The reference of the series with `labels`, creating it when new.
    func lockedGetOrCreate(_ labels: Labels) throws -> UInt32 {
        if let ref = refsByLabels[labels] { return ref }
        try validate(labels)
        guard liveSeries < limits.maxSeries, series.count < Int(UInt32.max) else {
            throw StorageError(.tooManySeries, "series limit of \(limits.maxSeries) reached", labels: labels)
        }
        let ref = UInt32(series.count)
        series.append(MemSeries(labels: labels))
        refsByLabels[labels] = ref
        index.add(ref, labels)
        liveSeries += 1
        return ref
    }

    /// The outcome of checking a sample against the stored series `ref`, throwing on rejection.
    func lockedCheck(_ ref: UInt32, t: Int64, v: Double) throws -> MemSeries.Check {
        // Read the series in place: binding it to a local would copy (and retain) every field per sample.
        guard Int(ref) < series.count, let check = series[Int(ref)]?.check(t: t, v: v) else {
            throw StorageError(.unknownSeriesRef, "unknown series reference \(ref)")
        }
        if t < minValidTime { try lockedCheckBounds(t, labels: series[Int(ref)]?.labels) }
        if case .rejected(let kind) = check {
            let what = kind == .outOfOrderSample ? "out of order sample" : "duplicate sample for timestamp"
            throw StorageError(kind, "\(what): \(t) after \(series[Int(ref)]?.lastT ?? .min)",
                               labels: series[Int(ref)]?.labels)
        }
        return check
    }

    /// `lockedCheck` for a sample given by its order-check bits (histograms).
    func lockedCheck(_ ref: UInt32, t: Int64, bits: UInt64) throws -> MemSeries.Check {
        guard Int(ref) < series.count, let check = series[Int(ref)]?.check(t: t, bits: bits) else {
            throw StorageError(.unknownSeriesRef, "unknown series reference \(ref)")
        }
        if t < minValidTime { try lockedCheckBounds(t, labels: series[Int(ref)]?.labels) }
        if case .rejected(let kind) = check {
            let what = kind == .outOfOrderSample ? "out of order sample" : "duplicate sample for timestamp"
            throw StorageError(kind, "\(what): \(t) after \(series[Int(ref)]?.lastT ?? .min)",
                               labels: series[Int(ref)]?.labels)
        }
        return check
    }

    /// Appends a histogram sample to series `ref` after the order checks.
    func lockedAppendHistogram(_ ref: UInt32, _ sample: HistogramSample) throws {
        if case .append = try lockedCheck(ref, t: sample.t, bits: sample.checkBits) {
            series[Int(ref)]?.appendHistogram(sample)
        }
    }

    /// Rejects samples older than what retention keeps (checked before creating a series).
    func lockedCheckBounds(_ t: Int64, labels: Labels?) throws {
        guard t >= minValidTime else {
            throw StorageError(.outOfBounds, "sample at \(t) is older than the retained data (\(minValidTime))",
                               labels: labels)
        }
    }

    func lockedAppend(_ ref: UInt32, t: Int64, v: Double, st: Int64 = 0) throws {
        if case .append = try lockedCheck(ref, t: t, v: v) {
            series[Int(ref)]?.append(t: t, v: v, st: st)
        }
    }

    /// The newest timestamp and value bits of series `ref`, if it has had samples.
    func lockedLast(_ ref: UInt32) -> (t: Int64, bits: UInt64)? {
        guard Int(ref) < series.count, let s = series[Int(ref)], s.hasLast else { return nil }
        return (s.lastT, s.lastBits)
    }

    private func validate(_ labels: Labels) throws {
        guard !labels.isEmpty else { throw StorageError(.emptyLabelSet, "series without labels") }
        guard labels.count <= limits.maxLabelsPerSeries else {
            throw StorageError(.tooManyLabels,
                               "series has \(labels.count) labels, limit is \(limits.maxLabelsPerSeries)",
                               labels: labels)
        }
        for label in labels {
            if label.name.utf8.count > limits.maxLabelNameLength {
                throw StorageError(.labelNameTooLong,
                                   "label name longer than \(limits.maxLabelNameLength) bytes", labels: labels)
            }
            if label.value.utf8.count > limits.maxLabelValueLength {
                throw StorageError(.labelValueTooLong,
                                   "value of label \(label.name) longer than \(limits.maxLabelValueLength) bytes",
                                   labels: labels)
            }
        }
    }

    // MARK: - Statistics

    /// Counts of series, samples, chunks and compressed bytes.
    public func stats() -> StorageStats {
        lock.lock()
        defer { lock.unlock() }
        var out = StorageStats(seriesCount: liveSeries)
        for case let s? in series {
            let (chunks, bytes) = s.chunkFootprint
            out.chunkCount += chunks
            out.chunkBytes += bytes
            out.sampleCount += s.sampleCount
            if s.hasHistograms {
                out.histogramSampleCount += s.histogramCount
                out.histogramChunkBytes += s.histogramFootprint.1
            }
            if let lo = s.minTime { out.minTime = min(out.minTime ?? lo, lo) }
            if let hi = s.maxTime { out.maxTime = max(out.maxTime ?? hi, hi) }
        }
        return out
    }
}
