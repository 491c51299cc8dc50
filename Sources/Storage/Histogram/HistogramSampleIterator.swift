/// The histogram samples of a series snapshot in `[mint, maxt]`, in time order, decoded one chunk at a
/// time so that no more than the current chunk's decoder state is held.
public struct HistogramSampleIterator: IteratorProtocol, Sendable {
    private let chunks: [EncodedHistogramChunk]
    private let given: [HistogramSample]
    private let mint: Int64
    private let maxt: Int64
    private var chunkIndex = 0
    private var current: HistogramChunkIterator?
    private var givenIndex = 0

    init(chunks: [EncodedHistogramChunk], mint: Int64, maxt: Int64) {
        self.chunks = chunks
        self.given = []
        self.mint = mint
        self.maxt = maxt
    }

    init(given: [HistogramSample]) {
        self.chunks = []
        self.given = given
        self.mint = .min
        self.maxt = .max
    }

    /// The next sample in the range, or `nil` after the last.
    public mutating func next() -> HistogramSample? {
        if givenIndex < given.count {
            defer { givenIndex += 1 }
            return given[givenIndex]
        }
        while true {
            if current == nil {
                // Skip chunks before the range; stop at the first one after it.
                while chunkIndex < chunks.count, chunks[chunkIndex].maxT < mint { chunkIndex += 1 }
                guard chunkIndex < chunks.count, chunks[chunkIndex].minT <= maxt else { return nil }
                current = chunks[chunkIndex].makeIterator()
                chunkIndex += 1
            }
            while let s = current?.next() {
                if s.t < mint { continue }
                if s.t > maxt {
                    chunkIndex = chunks.count
                    current = nil
                    return nil
                }
                return s
            }
            current = nil
        }
    }
}
