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
    /// The native-histogram samples in `[mint, maxt]`, by increasing time.
    public let histograms: [HistogramSample]

    init(labels: Labels, chunks: [EncodedChunk], mint: Int64, maxt: Int64, histograms: [HistogramSample] = []) {
        self.labels = labels
        self.chunks = chunks
        self.mint = mint
        self.maxt = maxt
        self.histograms = histograms
    }

    /// Whether the snapshot holds native-histogram samples.
    public var hasHistograms: Bool { !histograms.isEmpty }

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
