import PromModel

/// One native-histogram sample of a series: a timestamp in milliseconds, the histogram and its start
/// timestamp (when the counter started counting; 0 = unknown), as float samples carry theirs.
public struct HistogramSample: Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var t: Int64
    public var h: FloatHistogram
    /// The start timestamp in milliseconds; 0 when unknown.
    public var st: Int64

    public init(t: Int64, h: FloatHistogram, st: Int64 = 0) {
        self.t = t
        self.h = h
        self.st = st
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
