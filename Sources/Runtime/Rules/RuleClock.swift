import Foundation

/// Where the rule manager reads the current time (milliseconds since the Unix epoch).
///
/// Injected so that rule evaluation is deterministic in tests: use ``ManualRuleClock`` there and
/// ``SystemRuleClock`` in a running stack.
public protocol RuleClock: Sendable {
    /// The current time in milliseconds since 1970-01-01T00:00:00Z.
    func now() -> Int64
}

/// The wall clock.
public struct SystemRuleClock: RuleClock {
    public init() {}

    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// A clock that only moves when told to.
///
/// ```swift
/// let clock = ManualRuleClock(at: 0)
/// clock.advance(by: 30_000)   // 30s later
/// ```
public final class ManualRuleClock: RuleClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    public init(at start: Int64 = 0) {
        current = start
    }

    public func now() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Sets the time (it may go backwards; the manager then waits for its next slot).
    public func set(_ t: Int64) {
        lock.lock()
        current = t
        lock.unlock()
    }

    /// Moves the time forward by `ms` milliseconds (saturating).
    public func advance(by ms: Int64) {
        lock.lock()
        let (sum, overflow) = current.addingReportingOverflow(ms)
        current = overflow ? (ms > 0 ? Int64.max : Int64.min) : sum
        lock.unlock()
    }
}
