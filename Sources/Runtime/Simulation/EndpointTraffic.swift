/// The cumulative counters of one endpoint since its process started: requests by outcome and
/// the latency histogram (cumulative bucket counts, sum and count), as a client library keeps them.
struct EndpointTraffic: Sendable {
    var successes = 0.0
    var errors = 0.0
    /// Cumulative count per finite bucket bound, in the order of the profile's buckets.
    var bucketCounts: [Double]
    var sum = 0.0
    var count = 0.0
    /// Requests being served at the last scrape.
    var inFlight = 0.0
    /// Requests served in the last interval (for gauges derived from load).
    var lastRequests = 0.0

    init(bucketCount: Int) {
        bucketCounts = [Double](repeating: 0, count: bucketCount)
    }

    /// Adds `seconds` of traffic for `endpoint` drawn from `rng`; returns the requests and failures
    /// of the interval and the latency profile they were served with.
    @discardableResult
    mutating func advance(seconds: Double, endpoint: EndpointProfile, buckets: [Double],
                          rng: inout SplitMix64) -> (requests: Double, failed: Double, latency: LatencyProfile) {
        let requests = rng.nextCount(mean: endpoint.requestsPerSecond * seconds)
        let failed = rng.nextBinomial(trials: requests, p: endpoint.errorRatio)
        successes += requests - failed
        errors += failed
        lastRequests = requests
        // Latencies of this interval: the profile shifted by a little drift.
        let latency = endpoint.latency.scaled(by: 1 + 0.05 * rng.nextSigned())
        observe(requests, latency: latency, buckets: buckets)
        // Little's law: requests in flight = arrival rate × mean time in the system.
        let meanInFlight = seconds > 0 ? requests / seconds * latency.mean : 0
        inFlight = rng.nextCount(mean: meanInFlight)
        return (requests, failed, latency)
    }

    /// Records `n` observations from `latency` in the histogram, spread over the buckets through the
    /// CDF (rounding each cumulative count down keeps the buckets monotonic and at most `n`).
    mutating func observe(_ n: Double, latency: LatencyProfile, buckets: [Double]) {
        guard n > 0 else { return }
        for (i, bound) in buckets.enumerated() where i < bucketCounts.count {
            bucketCounts[i] += (n * latency.cdf(bound)).rounded(.down)
        }
        count += n
        sum += n * latency.mean
    }

    /// All requests served.
    var requests: Double { successes + errors }
}
