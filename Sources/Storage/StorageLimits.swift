/// Bounds that keep a storage's memory finite whatever it is fed.
public struct StorageLimits: Hashable, Sendable {
    /// Most series held at once.
    public var maxSeries: Int
    /// Most labels (including `__name__`) per series.
    public var maxLabelsPerSeries: Int
    /// Longest label name, in UTF-8 bytes.
    public var maxLabelNameLength: Int
    /// Longest label value, in UTF-8 bytes.
    public var maxLabelValueLength: Int

    public init(maxSeries: Int = 1_000_000, maxLabelsPerSeries: Int = 64,
                maxLabelNameLength: Int = 1024, maxLabelValueLength: Int = 4096) {
        self.maxSeries = maxSeries
        self.maxLabelsPerSeries = maxLabelsPerSeries
        self.maxLabelNameLength = maxLabelNameLength
        self.maxLabelValueLength = maxLabelValueLength
    }

    /// Generous defaults for labs.
    public static let `default` = StorageLimits()
}
