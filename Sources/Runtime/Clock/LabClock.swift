import Foundation

/// Where the runtime reads the current time: the rule manager, the alert dispatcher and silences, the
/// alert pipeline, the HTTP API's default query time and the web pages all read one of these.
///
/// Inject ``ManualClock`` in tests (it moves only when told to) and ``SystemClock`` in a running stack.
/// Components that share one clock instance see one time: moving the manual clock moves them all.
public protocol LabClock: AnyObject, Sendable {
    /// The current instant.
    var now: Date { get }
}

extension LabClock {
    /// The current instant in milliseconds since the Unix epoch (see ``LabTime/milliseconds(_:)``).
    public var milliseconds: Int64 { LabTime.milliseconds(now) }
}

/// Conversions between instants and the milliseconds since the Unix epoch that storage, rules and
/// queries use.
public enum LabTime {
    /// `date` in milliseconds since the Unix epoch: rounded to the nearest millisecond (dates built from
    /// whole milliseconds round-trip exactly), 0 when not finite, saturating at ±2⁶² / 2.
    public static func milliseconds(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite else { return 0 }
        if ms >= 4.6e18 { return Int64.max / 2 }
        if ms <= -4.6e18 { return Int64.min / 2 }
        return Int64(ms)
    }

    /// The instant `ms` milliseconds after the Unix epoch.
    public static func date(_ ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }
}
