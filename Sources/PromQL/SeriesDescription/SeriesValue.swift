/// One position of a series-description value list: a float, a staleness marker, a native histogram,
/// or no sample at all (`_`).
///
/// Position `i` of a list stands for time `start + i * step`; omitted positions still advance time.
public enum SeriesValue: Hashable, Sendable, CustomStringConvertible {
    /// `_`: no sample at this position.
    case omitted
    /// A float sample (may be NaN or ±Inf).
    case float(Double)
    /// `stale`: a staleness marker.
    case stale
    /// `{{…}}`: a native histogram sample.
    case histogram(SeriesHistogram)

    /// The float value, when this is a float sample.
    public var floatValue: Double? {
        if case .float(let v) = self { return v }
        return nil
    }

    /// Whether this position holds a sample (anything but `_`).
    public var isPresent: Bool {
        if case .omitted = self { return false }
        return true
    }

    /// Equality that treats NaN as equal to NaN, so parsed lists compare structurally.
    public static func == (lhs: SeriesValue, rhs: SeriesValue) -> Bool {
        switch (lhs, rhs) {
        case (.omitted, .omitted), (.stale, .stale): return true
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.histogram(let a), .histogram(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .omitted: hasher.combine(0)
        case .stale: hasher.combine(1)
        case .float(let v): hasher.combine(2); hasher.combine(v.isNaN ? Double.nan.bitPattern : v.bitPattern)
        case .histogram(let h): hasher.combine(3); hasher.combine(h)
        }
    }

    /// The notation this value is written in: `_`, `stale`, `1.5`, `{{…}}`.
    public var description: String {
        switch self {
        case .omitted: return "_"
        case .stale: return "stale"
        case .float(let v): return SeriesValue.format(v)
        case .histogram(let h): return h.description
        }
    }

    /// A float as the notation writes it: integers without a fraction, `Inf`, `-Inf`, `NaN`.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
