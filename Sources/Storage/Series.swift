import PromModel

/// One series returned by a selection: its labels and a snapshot of its samples in the selected range.
///
/// The snapshot is immutable: samples appended after the selection are not visible through it.
public struct Series: Sendable {
    /// The series' labels, including `__name__`.
    public let labels: Labels
    /// The chunks behind the snapshot, oldest first (some may extend past the selected range).
    public let chunks: [EncodedChunk]
    /// Inclusive lower bound of the selected range, in milliseconds.
    public let mint: Int64
    /// Inclusive upper bound of the selected range, in milliseconds.
    public let maxt: Int64
    /// The compressed histogram chunks behind the snapshot, oldest first (some may extend past the
    /// selected range); decoded only when read, so a selection holds no decoded histograms.
    public let histogramChunks: [EncodedHistogramChunk]
    /// Histogram samples given already decoded (series built by other `Querier`s and tests).
    private let givenHistograms: [HistogramSample]?
    /// Whether the snapshot holds native-histogram samples.
    public let hasHistograms: Bool

    init(labels: Labels, chunks: [EncodedChunk], mint: Int64, maxt: Int64, histograms: [HistogramSample] = []) {
        self.labels = labels
        self.chunks = chunks
        self.mint = mint
        self.maxt = maxt
        self.histogramChunks = []
        self.givenHistograms = histograms
        self.hasHistograms = !histograms.isEmpty
    }

    init(labels: Labels, chunks: [EncodedChunk], mint: Int64, maxt: Int64, histogramChunks: [EncodedHistogramChunk]) {
        self.labels = labels
        self.chunks = chunks
        self.mint = mint
        self.maxt = maxt
        self.histogramChunks = histogramChunks
        self.givenHistograms = nil
        // A chunk's first and last timestamps are samples; only a chunk reaching past both ends of the
        // range needs decoding to tell.
        self.hasHistograms = histogramChunks.contains { c in
            if c.count == 0 || c.maxT < mint || c.minT > maxt { return false }
            if c.minT >= mint || c.maxT <= maxt { return true }
            var it = HistogramSampleIterator(chunks: [c], mint: mint, maxt: maxt)
            return it.next() != nil
        }
    }

    /// The native-histogram samples in `[mint, maxt]`, by increasing time, decoded on every read:
    /// read them once, or iterate with `makeHistogramIterator()`.
    public var histograms: [HistogramSample] {
        if let givenHistograms { return givenHistograms }
        var out: [HistogramSample] = []
        var it = makeHistogramIterator()
        while let h = it.next() { out.append(h) }
        return out
    }

    /// An iterator over the histogram samples in `[mint, maxt]` that decodes one chunk at a time.
    public func makeHistogramIterator() -> HistogramSampleIterator {
        if let givenHistograms { return HistogramSampleIterator(given: givenHistograms) }
        return HistogramSampleIterator(chunks: histogramChunks, mint: mint, maxt: maxt)
    }

    /// Builds a series from plain samples (sorted by time, strictly increasing); for tests and
    /// for other `Querier` implementations. Samples that cannot be encoded in order are dropped.
    public init(labels: Labels, samples: [Sample]) {
        self.init(labels: labels, samples: samples, histograms: [])
    }

    /// A series from float samples and histogram samples (each sorted by time); the histograms are
    /// kept as given.
    public init(labels: Labels, samples: [Sample], histograms: [HistogramSample]) {
        var sealed: [EncodedChunk] = []
        var chunk = XORChunk()
        for s in samples {
            if chunk.append(t: s.t, v: s.v) { continue }
            guard chunk.count > 0, s.t > chunk.maxT else { continue }
            sealed.append(chunk.sealed())
            chunk = XORChunk()
            _ = chunk.append(t: s.t, v: s.v)
        }
        if chunk.count > 0 { sealed.append(chunk.sealed()) }
        self.init(labels: labels, chunks: sealed, mint: .min, maxt: .max, histograms: histograms)
    }

    // MARK: - Samples

    /// An iterator over the samples in `[mint, maxt]`.
    public func makeIterator() -> SampleIterator {
        SampleIterator(chunks: chunks, mint: mint, maxt: maxt)
    }

    /// All samples in `[mint, maxt]`, decoded.
    public var samples: [Sample] {
        var out: [Sample] = []
        var it = makeIterator()
        while let s = it.next() { out.append(s) }
        return out
    }

    /// The samples in `[from, to]` (clamped to the selected range), decoded.
    public func samples(from: Int64, to: Int64) -> [Sample] {
        var it = SampleIterator(chunks: chunks, mint: max(from, mint), maxt: min(to, maxt))
        var out: [Sample] = []
        while let s = it.next() { out.append(s) }
        return out
    }

    /// The chunks behind the snapshot (some may extend past the selected range).
    public var encodedChunks: [EncodedChunk] { chunks }
}
