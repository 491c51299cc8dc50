import Foundation

/// A clock that only moves when told to, for deterministic tests: the one manual clock of the runtime.
///
/// ```swift
/// let clock = ManualClock(milliseconds: 0)
/// var options = RuleManagerOptions(query: query, storage: storage, clock: clock)
/// clock.advance(by: 30)            // 30 s later
/// clock.set(milliseconds: 90_000)  // or to a given time
/// ```
/// Time never goes backwards: setting an earlier instant is ignored (the dispatcher moves the clock to
/// each due flush in turn and relies on that).
public final class ManualClock: LabClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock at `start` (by default 2023-11-14T22:13:20Z).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = start
    }

    /// A clock at `ms` milliseconds since the Unix epoch.
    public convenience init(milliseconds ms: Int64) {
        self.init(LabTime.date(ms))
    }

    public var now: Date { lock.withLock { current } }

    /// Moves the clock to `date`; an earlier date is ignored.
    public func set(_ date: Date) {
        lock.withLock { if date > current { current = date } }
    }

    /// Moves the clock to `ms` milliseconds since the Unix epoch; an earlier time is ignored.
    public func set(milliseconds ms: Int64) {
        set(LabTime.date(ms))
    }

    /// Moves the clock forward by `seconds` (a negative amount is ignored).
    public func advance(by seconds: TimeInterval) {
        lock.withLock { if seconds > 0 { current = current.addingTimeInterval(seconds) } }
    }
}
