import Foundation

/// The system's monotonic clock as a ``LabClock``: never jumps with the wall clock, so it measures
/// durations (the demo app's request timings and cache expiry). Its instants count from an arbitrary
/// origin (the boot), not from the Unix epoch.
public final class MonotonicClock: LabClock {
    public init() {}

    public var now: Date { Date(timeIntervalSince1970: Self.seconds()) }

    /// Seconds on the monotonic clock.
    @Sendable public static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
