/// Iterates the samples of one series within a time range `[mint, maxt]`, across its chunks.
///
/// The engine uses `seek(to:)` to jump to the start of a range or lookback window and `next()`
/// to walk forward; both only move forward.
public struct SampleIterator: IteratorProtocol, Sendable {
    private let chunks: [EncodedChunk]
    private let mint: Int64
    private let maxt: Int64
    private var chunkIndex = 0
    private var current: ChunkIterator?
    /// A sample read ahead by `seek` and not yet returned by `next`.
    private var pending: Sample?

    init(chunks: [EncodedChunk], mint: Int64, maxt: Int64) {
        self.chunks = chunks
        self.mint = mint
        self.maxt = maxt
    }

    // MARK: - Iteration

    /// The next sample in the range, or `nil` when there are no more.
    public mutating func next() -> Sample? {
        if let p = pending {
            pending = nil
            return p
        }
        while true {
            if current == nil {
                guard chunkIndex < chunks.count else { return nil }
                let chunk = chunks[chunkIndex]
                chunkIndex += 1
                if chunk.maxT < mint { continue }
                if chunk.minT > maxt {
                    chunkIndex = chunks.count
                    return nil
                }
                current = chunk.makeIterator()
            }
            guard let s = current?.next() else {
                current = nil
                continue
            }
            if s.t < mint { continue }
            if s.t > maxt {
                current = nil
                chunkIndex = chunks.count
                return nil
            }
            return s
        }
    }

    /// Advances to the first sample with timestamp `>= t` and returns it without consuming it
    /// (the following `next()` returns the same sample). Returns `nil` when none is left.
    public mutating func seek(to t: Int64) -> Sample? {
        if let p = pending, p.t >= t { return p }
        pending = nil
        // Skip whole chunks that end before `t`.
        if current == nil {
            while chunkIndex < chunks.count, chunks[chunkIndex].maxT < t { chunkIndex += 1 }
        }
        while let s = next() {
            if s.t >= t {
                pending = s
                return s
            }
            if current == nil {
                while chunkIndex < chunks.count, chunks[chunkIndex].maxT < t { chunkIndex += 1 }
            }
        }
        return nil
    }
}
