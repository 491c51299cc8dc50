import PromModel

/// One series held in memory: its labels, sealed chunks and the open chunk being appended to.
struct MemSeries: Sendable {
    let labels: Labels
    private(set) var sealed: [EncodedChunk] = []
    private(set) var head = XORChunk()
    /// Timestamp and value bits of the newest sample, for order and duplicate checks.
    private(set) var lastT: Int64 = .min
    private(set) var lastBits: UInt64 = 0
    /// Native-histogram samples, by increasing time (kept decoded, beside the float chunks: a series
    /// may switch between floats and histograms, and its samples of both kinds never share a time).
    private(set) var histograms: [HistogramSample] = []

    init(labels: Labels) {
        self.labels = labels
    }

    var isEmpty: Bool { sealed.isEmpty && head.count == 0 && histograms.isEmpty }
    var sampleCount: Int { sealed.reduce(head.count + histograms.count) { $0 + $1.count } }
    var minTime: Int64? {
        let floats = sealed.first?.minT ?? (head.count > 0 ? head.minT : nil)
        guard let h = histograms.first?.t else { return floats }
        return Swift.min(floats ?? h, h)
    }
    var maxTime: Int64? {
        let floats = head.count > 0 ? head.maxT : sealed.last?.maxT
        guard let h = histograms.last?.t else { return floats }
        return Swift.max(floats ?? h, h)
    }
    var hasSamples: Bool { !isEmpty }

    // MARK: - Appending

    /// What appending `(t, v)` after `(lastT, lastBits)` would do.
    enum Check {
        case append
        case duplicateSameValue
        case rejected(StorageError.Kind)
    }

    /// Prometheus semantics: a newer sample is appended; the same timestamp with identical value
    /// bits is silently ignored; the same timestamp with another value or an older one is an error.
    static func check(t: Int64, bits: UInt64, lastT: Int64, lastBits: UInt64, hasLast: Bool) -> Check {
        guard hasLast else { return .append }
        if t > lastT { return .append }
        if t == lastT { return bits == lastBits ? .duplicateSameValue : .rejected(.duplicateSampleForTimestamp) }
        return .rejected(.outOfOrderSample)
    }

    /// Whether the series has ever received a sample (the order reference point).
    private(set) var hasLast = false

    func check(t: Int64, v: Double) -> Check {
        MemSeries.check(t: t, bits: v.bitPattern, lastT: lastT, lastBits: lastBits, hasLast: hasLast)
    }

    /// Appends a sample already checked with `check`, with its start timestamp `st` (0 = none).
    mutating func append(t: Int64, v: Double, st: Int64 = 0) {
        if !head.append(t: t, v: v, st: st) {
            if head.count > 0 { sealed.append(head.sealed()) }
            head = XORChunk()
            _ = head.append(t: t, v: v, st: st)
        }
        lastT = t
        lastBits = v.bitPattern
        hasLast = true
    }

    /// Appends a histogram sample already checked with `check(t:bits:)`.
    mutating func appendHistogram(_ sample: HistogramSample) {
        histograms.append(sample)
        lastT = sample.t
        lastBits = sample.checkBits
        hasLast = true
    }

    /// `check` for a sample given by its order-check bits.
    func check(t: Int64, bits: UInt64) -> Check {
        MemSeries.check(t: t, bits: bits, lastT: lastT, lastBits: lastBits, hasLast: hasLast)
    }

    // MARK: - Reading

    /// The histogram samples in `[mint, maxt]`.
    func histograms(mint: Int64, maxt: Int64) -> [HistogramSample] {
        guard let first = histograms.first, let last = histograms.last, first.t <= maxt, last.t >= mint else { return [] }
        let lo = HistogramSample.firstIndex(in: histograms, atOrAfter: mint)
        let hi = HistogramSample.firstIndex(in: histograms, atOrAfter: maxt == .max ? maxt : maxt + 1)
        return lo < hi ? Array(histograms[lo..<hi]) : []
    }

    /// Snapshots of the chunks overlapping `[mint, maxt]`.
    func chunks(mint: Int64, maxt: Int64) -> [EncodedChunk] {
        var out: [EncodedChunk] = []
        for chunk in sealed where chunk.overlaps(mint: mint, maxt: maxt) { out.append(chunk) }
        if head.count > 0, head.minT <= maxt, head.maxT >= mint { out.append(head.snapshot()) }
        return out
    }

    /// (chunks, compressed bytes) held.
    var chunkFootprint: (Int, Int) {
        let sealedBytes = sealed.reduce(0) { $0 + $1.byteCount }
        return (sealed.count + (head.count > 0 ? 1 : 0), sealedBytes + head.byteCount)
    }

    // MARK: - Retention

    /// Drops chunks whose newest sample is older than `cutoff`. Keeps the order reference point.
    mutating func truncate(before cutoff: Int64) {
        sealed.removeAll { $0.maxT < cutoff }
        if head.count > 0, head.maxT < cutoff { head = XORChunk() }
        if let first = histograms.first, first.t < cutoff {
            histograms.removeFirst(HistogramSample.firstIndex(in: histograms, atOrAfter: cutoff))
        }
    }
}
