import GoCompat
import Foundation
import PromModel

/// Times as Prometheus's HTTP API reads and writes them.
///
/// Parameters are Unix seconds as a float (`1700000000.5`, rounded to the millisecond) or RFC 3339
/// with optional fractional seconds and a `Z` or `±hh:mm` offset (Go's `time.RFC3339Nano`).
/// Responses write Go's `time.Time` JSON: RFC 3339 in UTC with the fraction's trailing zeros cut.
public enum APITime {
    /// Prometheus's lowest time, as its clients send it for "no lower bound".
    public static let minTimeText = "-292273086-05-16T16:47:06Z"
    /// Prometheus's highest time, as its clients send it for "no upper bound".
    public static let maxTimeText = "292277025-08-18T07:12:54.999999999Z"
    /// The milliseconds standing for ``minTimeText`` and ``maxTimeText``.
    public static let minTime = Int64.min / 2
    public static let maxTime = Int64.max / 2

    /// Milliseconds since the epoch, or `nil` when `text` is neither a finite float in range nor RFC 3339.
    public static func parse(_ text: String) -> Int64? {
        if let seconds = Double(text) {
            guard seconds.isFinite, seconds.magnitude < 9.2e15 else { return nil }
            let whole = seconds.rounded(.towardZero)
            let fraction = ((seconds - whole) * 1000).rounded()
            return Int64(whole) * 1000 + Int64(fraction)
        }
        if text == minTimeText { return minTime }
        if text == maxTimeText { return maxTime }
        return parseRFC3339(text)
    }

    static func parseRFC3339(_ text: String) -> Int64? { RFC3339Time.parseMilliseconds(text) }

    /// Go's `time.Time` JSON text of `ms` in UTC: `2024-01-02T03:04:05.123Z`, `…:05Z` without a fraction.
    public static func format(milliseconds ms: Int64) -> String { RFC3339Time.format(milliseconds: ms) }

    /// ``format(milliseconds:)`` of a `Date`, with Go's nanosecond digits when the date has them.
    public static func format(_ date: Date) -> String { RFC3339Time.format(date) }

    /// Go's zero `time.Time` in JSON (what Prometheus writes for "never").
    public static let zeroTime = "0001-01-01T00:00:00Z"
}
