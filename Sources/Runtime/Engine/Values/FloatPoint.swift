/// One float value of a series at a timestamp (milliseconds since the Unix epoch).
public struct FloatPoint: Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var t: Int64
    /// The value; may be NaN or ±Inf.
    public var f: Double

    public init(t: Int64, f: Double) {
        self.t = t
        self.f = f
    }

    /// Equality on value bits, so that NaN points compare equal to themselves.
    public static func == (lhs: FloatPoint, rhs: FloatPoint) -> Bool {
        lhs.t == rhs.t && lhs.f.bitPattern == rhs.f.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(t)
        hasher.combine(f.bitPattern)
    }

    public var description: String { "\(f) @\(t)" }
}
