import Foundation

/// Where the alerting runtime reads the time. Inject ``ManualClock`` in tests and drive time with
/// ``Dispatcher/advance(to:)``; ``SystemClock`` reads the wall clock.
public protocol AlertingClock: AnyObject, Sendable {
    /// The current instant.
    var now: Date { get }
}

/// The wall clock.
public final class SystemClock: AlertingClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that only moves when told to, for deterministic tests.
///
/// ```swift
/// let clock = ManualClock(Date(timeIntervalSince1970: 0))
/// let dispatcher = Dispatcher(config: config, clock: clock, notifier: memory)
/// dispatcher.advance(to: clock.now.addingTimeInterval(30)) // runs the due group_wait flush
/// ```
public final class ManualClock: AlertingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = start
    }

    public var now: Date { lock.withLock { current } }

    /// Moves the clock to `date`; time never goes backwards (an earlier date is ignored).
    public func set(_ date: Date) {
        lock.withLock { if date > current { current = date } }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.withLock { if seconds > 0 { current = current.addingTimeInterval(seconds) } }
    }
}
