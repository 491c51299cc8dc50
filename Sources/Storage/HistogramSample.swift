import PromModel

/// One native-histogram sample of a series: a timestamp in milliseconds and the histogram.
public struct HistogramSample: Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var t: Int64
    public var h: FloatHistogram

    public init(t: Int64, h: FloatHistogram) {
        self.t = t
        self.h = h
    }

    /// The bits the order checks compare at equal timestamps (a histogram identical to the stored one
    /// at the same time is a duplicate, anything else a conflict).
    var checkBits: UInt64 { UInt64(bitPattern: Int64(h.hashValue)) }

    public var description: String { "\(h) @\(t)" }
}

extension SeriesSet {
    /// Whether any series of the selection holds native-histogram samples.
    public var containsHistograms: Bool { series.contains { $0.hasHistograms } }
}
