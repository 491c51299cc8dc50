import PromModel

/// One native-histogram value of a series at a timestamp (milliseconds since the Unix epoch).
public struct HistogramPoint: Hashable, Sendable, CustomStringConvertible {
    public var t: Int64
    public var h: FloatHistogram

    public init(t: Int64, h: FloatHistogram) {
        self.t = t
        self.h = h
    }

    public var description: String { "\(h) @\(t)" }
}
