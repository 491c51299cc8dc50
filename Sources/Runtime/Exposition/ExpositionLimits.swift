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

    public init(maxBytes: Int = 512 << 20, maxLineLength: Int = 1 << 20, maxLabelsPerSample: Int = 256,
                maxSamples: Int = 20_000_000) {
        self.maxBytes = maxBytes
        self.maxLineLength = maxLineLength
        self.maxLabelsPerSample = maxLabelsPerSample
        self.maxSamples = maxSamples
    }

    public static let `default` = ExpositionLimits()
}
