import Foundation

/// A thread-safe in-process cache whose entries expire `ttl` seconds after they were stored (what
/// Redis's `SETEX` gives Lab 6's `/cached_work`). At most `capacity` entries: when full, expired
/// entries go first, then the oldest.
public final class TTLCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (value: Value, expires: Double, stored: UInt64)] = [:]
    private var sequence: UInt64 = 0
    public let ttl: Double
    public let capacity: Int
    private let clock: any LabClock

    /// A cache whose entries expire on `clock` (a monotonic one in a running app).
    public init(ttl: Double, capacity: Int = 10_000, clock: any LabClock) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    private func now() -> Double { clock.now.timeIntervalSince1970 }

    /// The live value under `key`, or nil.
    public func get(_ key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        if entry.expires <= now() {
            entries[key] = nil
            return nil
        }
        return entry.value
    }

    /// Stores `value` under `key` for `ttl` seconds.
    public func set(_ key: String, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        let time = now()
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { $0.value.expires > time }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.stored < $1.value.stored }) {
                entries[oldest.key] = nil
            }
        }
        sequence &+= 1
        entries[key] = (value, time + ttl, sequence)
    }

    /// Entries held (live or not yet swept).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
