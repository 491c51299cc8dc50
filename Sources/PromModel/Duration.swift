/// A Prometheus duration such as `1h30m`, `10s53ms` or `1y`, held in milliseconds.
///
/// Units: `y` (365d), `w`, `d`, `h`, `m`, `s`, `ms`. Units must appear in that order, each at most once,
/// as Prometheus's `model.ParseDuration` requires. `0` alone is accepted.
public struct Duration: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Length in milliseconds. May be negative only when built in code (offsets), never from parsing.
    public var milliseconds: Int64

    /// A duration of `milliseconds` (any value, negative included; nothing is checked).
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// A duration of whole seconds, saturating at the ends of `Int64` instead of wrapping.
    public static func seconds(_ s: Int64) -> Duration {
        let (ms, overflow) = s.multipliedReportingOverflow(by: 1000)
        return Duration(milliseconds: overflow ? (s < 0 ? Int64.min : Int64.max) : ms)
    }

    /// No time at all.
    public static let zero = Duration(milliseconds: 0)

    /// The length in (fractional) seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// Why a duration string was rejected.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private static let units: [(String, Int64)] = [
        ("y", 365 * 24 * 3600 * 1000), ("w", 7 * 24 * 3600 * 1000), ("d", 24 * 3600 * 1000),
        ("h", 3600 * 1000), ("m", 60 * 1000), ("s", 1000), ("ms", 1),
    ]

    /// The longest duration Prometheus accepts: its durations are int64 nanoseconds (about 292 years).
    public static let maxMilliseconds: Int64 = Int64.max / 1_000_000

    /// Parses `1h30m`-style text. Malformed text and durations longer than `maxMilliseconds` are errors.
    public static func parse(_ text: String) throws -> Duration {
        if text == "0" { return .zero }
        guard !text.isEmpty else { throw ParseError(message: "empty duration string") }
        let bytes = Array(text.utf8)
        var i = 0
        var total: Int64 = 0
        var lastUnit = -1
        while i < bytes.count {
            var number: Int64 = 0
            let startDigits = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                let (m, o1) = number.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 48))
                if o1 || o2 { throw ParseError(message: "duration out of range: \"\(text)\"") }
                number = a
                i += 1
            }
            guard i > startDigits else { throw ParseError(message: "not a valid duration string: \"\(text)\"") }
            var unitText = ""
            while i < bytes.count, (bytes[i] >= 97 && bytes[i] <= 122) {
                unitText.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
                if unitText == "m", i < bytes.count, bytes[i] == 115 { unitText = "ms"; i += 1; break }
                if ["y", "w", "d", "h", "s"].contains(unitText) { break }
                if unitText == "m" { break }
            }
            guard let unitIndex = units.firstIndex(where: { $0.0 == unitText }), unitIndex > lastUnit else {
                throw ParseError(message: "not a valid duration string: \"\(text)\"")
            }
            lastUnit = unitIndex
            let (product, o1) = number.multipliedReportingOverflow(by: units[unitIndex].1)
            let (sum, o2) = total.addingReportingOverflow(product)
            if o1 || o2 || sum > maxMilliseconds { throw ParseError(message: "duration out of range: \"\(text)\"") }
            total = sum
        }
        return Duration(milliseconds: total)
    }

    /// Canonical text as Prometheus prints it: `1h30m`, `1d`, `90s` → `1m30s`, `0s` for zero.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var out = milliseconds < 0 ? "-" : ""
        var rest = milliseconds.magnitude
        for (unit, size) in Duration.units {
            let s = UInt64(size)
            if rest >= s {
                out += "\(rest / s)\(unit)"
                rest %= s
            }
        }
        return out
    }

    public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.milliseconds < rhs.milliseconds }
}
