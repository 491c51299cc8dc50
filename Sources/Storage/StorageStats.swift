/// A summary of what a storage holds, for benchmarks and `/api/v1/status/tsdb`-like output.
public struct StorageStats: Hashable, Sendable {
    /// Live series.
    public var seriesCount: Int
    /// Samples held in chunks.
    public var sampleCount: Int
    /// Chunks (sealed and open).
    public var chunkCount: Int
    /// Bytes of compressed chunk payload.
    public var chunkBytes: Int
    /// Oldest sample timestamp, or `nil` when empty.
    public var minTime: Int64?
    /// Newest sample timestamp, or `nil` when empty.
    public var maxTime: Int64?
    /// Native-histogram samples among `sampleCount`.
    public var histogramSampleCount = 0
    /// Bytes of histogram chunk payload among `chunkBytes`.
    public var histogramChunkBytes = 0

    public init(seriesCount: Int = 0, sampleCount: Int = 0, chunkCount: Int = 0, chunkBytes: Int = 0,
                minTime: Int64? = nil, maxTime: Int64? = nil) {
        self.seriesCount = seriesCount
        self.sampleCount = sampleCount
        self.chunkCount = chunkCount
        self.chunkBytes = chunkBytes
        self.minTime = minTime
        self.maxTime = maxTime
    }

    /// Compressed bytes per sample (0 when empty).
    public var bytesPerSample: Double {
        sampleCount == 0 ? 0 : Double(chunkBytes) / Double(sampleCount)
    }

    /// Compressed bytes per native-histogram sample (0 without histograms).
    public var bytesPerHistogramSample: Double {
        histogramSampleCount == 0 ? 0 : Double(histogramChunkBytes) / Double(histogramSampleCount)
    }
}
