import Foundation

/// A log-normal latency distribution described by its median and 95th percentile, in seconds.
///
/// Log-normal latencies are what real services show (a hump and a long right tail). A histogram is
/// filled from the distribution's CDF, so `histogram_quantile(0.95, …)` over one endpoint lands in
/// the bucket that holds `p95`.
public struct LatencyProfile: Hashable, Sendable {
    /// The median latency, in seconds.
    public var median: Double
    /// The 95th percentile, in seconds (at least the median).
    public var p95: Double

    public init(median: Double, p95: Double) {
        self.median = max(median, 1e-6)
        self.p95 = max(p95, self.median)
    }

    /// z-score of the 95th percentile of the standard normal distribution.
    static let z95 = 1.6448536269514722

    /// µ of the underlying normal distribution.
    public var mu: Double { Foundation.log(median) }

    /// σ of the underlying normal distribution.
    public var sigma: Double { Foundation.log(p95 / median) / Self.z95 }

    /// The mean latency, in seconds.
    public var mean: Double { Foundation.exp(mu + sigma * sigma / 2) }

    /// The fraction of requests faster than or equal to `seconds`.
    public func cdf(_ seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        guard seconds.isFinite else { return 1 }
        let s = sigma
        if s < 1e-12 { return seconds >= median ? 1 : 0 }
        return 0.5 * Foundation.erfc(-(Foundation.log(seconds) - mu) / (s * 2.0.squareRoot()))
    }

    /// The profile with every latency multiplied by `factor` (an incident slowing a service down).
    public func scaled(by factor: Double) -> LatencyProfile {
        LatencyProfile(median: median * factor, p95: p95 * factor)
    }
}
