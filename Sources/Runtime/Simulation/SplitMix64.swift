import Foundation

/// A small, fast, deterministic pseudo-random generator (SplitMix64): the same seed gives the
/// same sequence on every run and platform, which workload simulations and their tests rely on.
///
/// Not for cryptography. Streams for independent parts of a simulation are derived with
/// `derived(_:)` from a stable hash of a name, never from Swift's per-process randomized `Hasher`.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal state; advancing it by the golden-ratio increment gives the next output.
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    // MARK: - Raw output

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for an independent stream named `name` (stable across runs: FNV-1a of the UTF-8 bytes).
    public func derived(_ name: String) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var copy = SplitMix64(seed: state ^ hash)
        _ = copy.next()
        return copy
    }

    // MARK: - Distributions

    /// A uniform value in `[0, 1)` with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform value in `[-1, 1)`.
    public mutating func nextSigned() -> Double {
        nextUnit() * 2 - 1
    }

    /// A standard normal value (Box–Muller; one of the pair is discarded to keep the state simple).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-53)
        let u2 = nextUnit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A whole number of events with mean `mean` and a Poisson-like spread (normal approximation,
    /// exact Knuth sampling below a mean of 30), never negative.
    public mutating func nextCount(mean: Double) -> Double {
        guard mean.isFinite, mean > 0 else { return 0 }
        if mean < 30 {
            let limit = Foundation.exp(-mean)
            var k = 0.0, p = 1.0
            repeat {
                k += 1
                p *= nextUnit()
            } while p > limit && k < 1000
            return k - 1
        }
        return max(0, (mean + nextGaussian() * mean.squareRoot()).rounded())
    }

    /// How many of `trials` events succeed with probability `p` (normal approximation of the
    /// binomial, exact for few trials), within `0...trials`.
    public mutating func nextBinomial(trials: Double, p: Double) -> Double {
        guard trials > 0, p > 0 else { return 0 }
        if p >= 1 { return trials }
        if trials <= 40 {
            var hits = 0.0
            var i = 0.0
            while i < trials {
                if nextUnit() < p { hits += 1 }
                i += 1
            }
            return hits
        }
        let sd = (trials * p * (1 - p)).squareRoot()
        return min(trials, max(0, (trials * p + nextGaussian() * sd).rounded()))
    }
}
