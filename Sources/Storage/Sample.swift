/// One float sample of a series: a timestamp in milliseconds since the Unix epoch and a value.
public struct Sample: Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var t: Int64
    /// The value; may be NaN, ±Inf or the staleness marker.
    public var v: Double

    public init(t: Int64, v: Double) {
        self.t = t
        self.v = v
    }

    /// Equality on value bits, so that NaN samples (and stale markers) compare equal to themselves.
    public static func == (lhs: Sample, rhs: Sample) -> Bool {
        lhs.t == rhs.t && lhs.v.bitPattern == rhs.v.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(t)
        hasher.combine(v.bitPattern)
    }

    public var description: String { "\(v) @\(t)" }
}
