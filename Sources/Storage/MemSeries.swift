import PromModel

/// One series held in memory: its labels, sealed chunks and the open chunk being appended to.
struct MemSeries: Sendable {
    let labels: Labels
    private(set) var sealed: [EncodedChunk] = []
    private(set) var head = XORChunk()
    /// Timestamp and value bits of the newest sample, for order and duplicate checks.
    private(set) var lastT: Int64 = .min
    private(set) var lastBits: UInt64 = 0
    /// Native-histogram chunks, beside the float chunks: a series may switch between floats and
    /// histograms, and its samples of both kinds never share a time.
    private(set) var sealedHistograms: [EncodedHistogramChunk] = []
    private(set) var histogramHead = HistogramChunk()

    init(labels: Labels) {
        self.labels = labels
    }

    var isEmpty: Bool { sealed.isEmpty && head.count == 0 && !hasHistograms }
    var hasHistograms: Bool { !sealedHistograms.isEmpty || histogramHead.count > 0 }
    var histogramCount: Int { sealedHistograms.reduce(histogramHead.count) { $0 + $1.count } }
    var sampleCount: Int { sealed.reduce(head.count + histogramCount) { $0 + $1.count } }
    var minTime: Int64? {
        let floats = sealed.first?.minT ?? (head.count > 0 ? head.minT : nil)
        guard let h = sealedHistograms.first?.minT ?? (histogramHead.count > 0 ? histogramHead.minT : nil) else { return floats }
        return Swift.min(floats ?? h, h)
    }
    var maxTime: Int64? {
        let floats = head.count > 0 ? head.maxT : sealed.last?.maxT
        guard let h = histogramHead.count > 0 ? histogramHead.maxT : sealedHistograms.last?.maxT else { return floats }
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
        if !histogramHead.append(t: sample.t, h: sample.h, st: sample.st) {
            if histogramHead.count > 0 { sealedHistograms.append(histogramHead.sealed()) }
            histogramHead = HistogramChunk()
            _ = histogramHead.append(t: sample.t, h: sample.h, st: sample.st)
        }
        lastT = sample.t
        lastBits = sample.checkBits
        hasLast = true
    }

    /// `check` for a sample given by its order-check bits.
    func check(t: Int64, bits: UInt64) -> Check {
        MemSeries.check(t: t, bits: bits, lastT: lastT, lastBits: lastBits, hasLast: hasLast)
    }

    // MARK: - Reading

    /// Snapshots of the histogram chunks overlapping `[mint, maxt]`.
    func histogramChunks(mint: Int64, maxt: Int64) -> [EncodedHistogramChunk] {
        var out: [EncodedHistogramChunk] = []
        for chunk in sealedHistograms where chunk.overlaps(mint: mint, maxt: maxt) { out.append(chunk) }
        if histogramHead.count > 0, histogramHead.minT <= maxt, histogramHead.maxT >= mint {
            out.append(histogramHead.snapshot())
        }
        return out
    }

    /// Snapshots of the chunks overlapping `[mint, maxt]`.
    func chunks(mint: Int64, maxt: Int64) -> [EncodedChunk] {
        var out: [EncodedChunk] = []
        for chunk in sealed where chunk.overlaps(mint: mint, maxt: maxt) { out.append(chunk) }
        if head.count > 0, head.minT <= maxt, head.maxT >= mint { out.append(head.snapshot()) }
        return out
    }

    /// (chunks, compressed bytes) held, float chunks and histogram chunks together.
    var chunkFootprint: (Int, Int) {
        let sealedBytes = sealed.reduce(0) { $0 + $1.byteCount }
        let histogramBytes = sealedHistograms.reduce(histogramHead.byteCount) { $0 + $1.byteCount }
        return (sealed.count + (head.count > 0 ? 1 : 0) + sealedHistograms.count + (histogramHead.count > 0 ? 1 : 0),
                sealedBytes + head.byteCount + histogramBytes)
    }

    /// (histogram chunks, their compressed bytes).
    var histogramFootprint: (Int, Int) {
        (sealedHistograms.count + (histogramHead.count > 0 ? 1 : 0),
         sealedHistograms.reduce(histogramHead.byteCount) { $0 + $1.byteCount })
    }

    // MARK: - Retention

    /// Drops chunks whose newest sample is older than `cutoff`. Keeps the order reference point.
    mutating func truncate(before cutoff: Int64) {
        sealed.removeAll { $0.maxT < cutoff }
        if head.count > 0, head.maxT < cutoff { head = XORChunk() }
        // Histograms are cut per sample: the chunk that straddles the cutoff is encoded anew.
        sealedHistograms.removeAll { $0.maxT < cutoff }
        if let first = sealedHistograms.first, first.minT < cutoff {
            sealedHistograms.replaceSubrange(0..<1, with: MemSeries.rechunk(first.samples.filter { $0.t >= cutoff }).map { $0.sealed() })
        }
        if histogramHead.count > 0, histogramHead.maxT < cutoff {
            histogramHead = HistogramChunk()
        } else if histogramHead.count > 0, histogramHead.minT < cutoff {
            var chunks = MemSeries.rechunk(histogramHead.snapshot().samples.filter { $0.t >= cutoff })
            histogramHead = chunks.popLast() ?? HistogramChunk()
            sealedHistograms.append(contentsOf: chunks.map { $0.sealed() })
        }
    }

    /// Samples (in time order) in as few chunks as their layouts allow.
    static func rechunk(_ samples: [HistogramSample]) -> [HistogramChunk] {
        var out: [HistogramChunk] = []
        var chunk = HistogramChunk()
        for s in samples where !chunk.append(t: s.t, h: s.h, st: s.st) {
            guard chunk.count > 0, s.t > chunk.maxT else { continue }
            out.append(chunk)
            chunk = HistogramChunk()
            _ = chunk.append(t: s.t, h: s.h, st: s.st)
        }
        if chunk.count > 0 { out.append(chunk) }
        return out
    }
}
