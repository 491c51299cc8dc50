import Foundation

/// A thread-safe SplitMix64 generator: the same seed gives the same sequence (for `--seed`).
public final class SeededRandom: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    /// A generator from `seed`, or from the system's random source when nil.
    public init(seed: UInt64?) {
        var system = SystemRandomNumberGenerator()
        state = seed ?? system.next()
    }

    /// The next 64 random bits.
    public func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) (Python's `random.random()`).
    public func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
