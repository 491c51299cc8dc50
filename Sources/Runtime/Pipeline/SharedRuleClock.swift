import Foundation

/// A ``RuleClock`` that reads an ``AlertingClock``, so that the rule manager and the dispatcher of an
/// ``AlertPipeline`` see one time: moving the ``ManualClock`` moves both.
///
/// Milliseconds are the alerting clock's instant rounded to the nearest millisecond (dates built
/// from whole milliseconds round-trip exactly).
public struct SharedRuleClock: RuleClock {
    public let clock: AlertingClock

    public init(_ clock: AlertingClock) {
        self.clock = clock
    }

    public func now() -> Int64 { Self.milliseconds(clock.now) }

    // MARK: - Conversions

    /// `date` in milliseconds since the Unix epoch (rounded; saturating outside ±2⁶²).
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
