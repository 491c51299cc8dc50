/// Overflow-free arithmetic on the engine's millisecond times.
///
/// The engine keeps every time it computes with inside ±``limit`` (2^62 ms, about 146 million years
/// either side of 1970): query start and end times and `@` times are clamped to it when an
/// evaluator is created, and window bounds handed to storage are computed with the saturating
/// operations below. Durations (ranges, offsets, subquery steps, the lookback delta) are at most
/// ``durationLimit`` in size. Together these guarantee that the per-step arithmetic of the evaluator
/// (`step time - offset - range - lookback`) stays far from `Int64`'s bounds, so it is written with
/// plain operators.
///
/// A query at a time beyond ±2^62 ms is evaluated at ±2^62 ms: samples stored beyond that (which
/// only hand-written data can have) are never selected.
enum SaturatingTime {
    /// The largest time magnitude the engine works with (2^62 ms).
    static let limit: Int64 = 1 << 62

    /// The largest duration magnitude: Go's largest `time.Duration`, 2^63-1 ns, in milliseconds.
    static let durationLimit: Int64 = 9_223_372_036_854

    /// `t` clamped to `-limit...limit`.
    @inline(__always)
    static func clamp(_ t: Int64) -> Int64 {
        t < -limit ? -limit : (t > limit ? limit : t)
    }

    /// A duration `d` clamped to `-durationLimit...durationLimit`.
    @inline(__always)
    static func clampDuration(_ d: Int64) -> Int64 {
        d < -durationLimit ? -durationLimit : (d > durationLimit ? durationLimit : d)
    }

    /// `a + b`, clamped to `-limit...limit`.
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { return b > 0 ? limit : -limit }
        return clamp(sum)
    }

    /// `a - b`, clamped to `-limit...limit`.
    static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if overflow { return b < 0 ? limit : -limit }
        return clamp(difference)
    }

    /// The number of steps `start, start+interval, ...` up to `end` inclusive: 0 when `end < start`,
    /// `Int.max` when it does not fit. Exact for any `Int64` bounds and any positive interval.
    static func stepCount(start: Int64, end: Int64, interval: Int64) -> Int {
        guard end >= start else { return 0 }
        let width: UInt64
        if start >= 0 || end < 0 {
            width = (end - start).magnitude
        } else {
            // end >= 0 > start: each magnitude is at most 2^63, so the sum fits in UInt64.
            width = end.magnitude + start.magnitude
        }
        let count = width / UInt64(max(1, interval))
        return count >= UInt64(Int.max) ? Int.max : Int(count) + 1
    }
}
