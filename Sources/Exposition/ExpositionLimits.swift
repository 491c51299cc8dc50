/// Bounds on what the exposition parser accepts, so hostile input cannot exhaust memory.
public struct ExpositionLimits: Hashable, Sendable {
    /// Largest input, in bytes.
    public var maxBytes: Int
    /// Longest line, in bytes.
    public var maxLineLength: Int
    /// Most labels on one sample or exemplar.
    public var maxLabelsPerSample: Int
    /// Most samples in one input.
    public var maxSamples: Int
    /// Most buckets (and spans) of one native or classic histogram in the protobuf format.
    public var maxHistogramBuckets: Int = 1 << 16

    /// Limits with the given bounds; the defaults suit any real exposition.
    public init(maxBytes: Int = 512 << 20, maxLineLength: Int = 1 << 20, maxLabelsPerSample: Int = 256,
                maxSamples: Int = 20_000_000) {
        self.maxBytes = maxBytes
        self.maxLineLength = maxLineLength
        self.maxLabelsPerSample = maxLabelsPerSample
        self.maxSamples = maxSamples
    }

    /// 512 MiB, 1 MiB lines, 256 labels per sample, twenty million samples.
    public static let `default` = ExpositionLimits()
}
