import YAML

// MARK: - The business endpoints

extension DemoApp {
    /// `/do_work?delay_ms=100&fail_rate=0.0`: fails with 500 with probability `fail_rate`
    /// (`errors_total{type="simulated_error"}`), else sleeps `delay_ms` and observes the time in
    /// `work_duration_seconds`.
    func doWork(_ query: inout QueryParameters) -> HTTPServerResponse {
        let delay = query.int("delay_ms", default: 100, range: Int.min...configuration.maxDelayMilliseconds)
        let failRate = query.double("fail_rate", default: 0)
        if let failure = query.failure { return failure }
        let start = configuration.seconds
        if random.unit() < failRate {
            metrics.error("simulated_error")
            return .json(500, "{\"detail\":\"Simulated error\"}")
        }
        configuration.sleep(Double(max(delay, 0)) / 1000)
        let duration = max(0, configuration.seconds - start)
        metrics.registry.observe(metrics.work, [], duration)
        return .json(200, "{\"status\":\"completed\",\"delay_ms\":\(delay),\"actual_duration_ms\":\(Self.milliseconds(duration))}")
    }

    /// `/cpu_intensive?iterations=1000000`: the sum of `i²` for `i` below `iterations`, computed
    /// by a loop that really runs (observed in `work_duration_seconds`).
    func cpuIntensive(_ query: inout QueryParameters) -> HTTPServerResponse {
        let iterations = query.int("iterations", default: 1_000_000, range: Int.min...configuration.maxIterations)
        if let failure = query.failure { return failure }
        let start = configuration.seconds
        let result = Self.sumOfSquares(max(iterations, 0))
        let duration = max(0, configuration.seconds - start)
        metrics.registry.observe(metrics.work, [], duration)
        return .json(200, "{\"result\":\(result),\"duration_ms\":\(Self.milliseconds(duration))}")
    }

    /// `/cached_work?key=K&delay_ms=100`: a hit returns the stored result (`cache_hits_total`);
    /// a miss sleeps `delay_ms`, stores the result for the cache's TTL (`cache_misses_total`).
    func cachedWork(_ query: inout QueryParameters) -> HTTPServerResponse {
        let key = query.requiredString("key", maxLength: configuration.maxKeyLength)
        let delay = query.int("delay_ms", default: 100, range: Int.min...configuration.maxDelayMilliseconds)
        if let failure = query.failure { return failure }
        let cacheKey = "work:" + (key ?? "")
        if let cached = cache.get(cacheKey) {
            metrics.registry.add(metrics.cacheHits)
            return .json(200, "{\"status\":\"cached\",\"result\":\(Self.resultJSON(cached))}")
        }
        metrics.registry.add(metrics.cacheMisses)
        configuration.sleep(Double(max(delay, 0)) / 1000)
        let result = CachedResult(key: key ?? "", delayMilliseconds: delay)
        cache.set(cacheKey, result)
        return .json(200, "{\"status\":\"computed\",\"result\":\(Self.resultJSON(result))}")
    }

    private static func resultJSON(_ result: CachedResult) -> String {
        "{\"key\":\(JSONWriter.quote(result.key)),\"computed\":true,\"delay_ms\":\(result.delayMilliseconds)}"
    }

    /// `/chaos` (Lab 8, exercise 2): by the seeded generator, a 500 (`errors_total{type="chaos_error"}`),
    /// a slow answer, a CPU burn or a normal answer. `error_rate`, `slow_rate`, `cpu_rate` (0…1)
    /// and `slow_ms` override the defaults of the configuration.
    func chaos(_ query: inout QueryParameters) -> HTTPServerResponse {
        let errorRate = query.double("error_rate", default: configuration.chaosErrorRate, range: 0...1)
        let slowRate = query.double("slow_rate", default: configuration.chaosSlowRate, range: 0...1)
        let cpuRate = query.double("cpu_rate", default: configuration.chaosCPURate, range: 0...1)
        let slow = query.int("slow_ms", default: configuration.chaosSlowMilliseconds, range: 0...configuration.maxDelayMilliseconds)
        if let failure = query.failure { return failure }
        let draw = random.unit()
        let start = configuration.seconds
        if draw < errorRate {
            metrics.error("chaos_error")
            return .json(500, "{\"detail\":\"Chaos: simulated error\"}")
        }
        var mode = "ok"
        if draw < errorRate + slowRate {
            mode = "slow"
            configuration.sleep(Double(slow) / 1000)
        } else if draw < errorRate + slowRate + cpuRate {
            mode = "cpu"
            _ = Self.sumOfSquares(configuration.chaosIterations)
        }
        let duration = max(0, configuration.seconds - start)
        if mode != "ok" { metrics.registry.observe(metrics.work, [], duration) }
        return .json(200, "{\"status\":\"\(mode)\",\"duration_ms\":\(Self.milliseconds(duration))}")
    }

    /// Σ i² for 0 ≤ i < n, exactly, in a loop the optimiser cannot replace by the closed form (a
    /// running hash of the partial sums is kept alive).
    static func sumOfSquares(_ n: Int) -> String {
        var sum: UInt64 = 0
        var high: UInt64 = 0
        var mix: UInt64 = 0
        var i: UInt64 = 0
        let limit = UInt64(max(n, 0))
        while i < limit {
            let (partial, overflow) = sum.addingReportingOverflow(i &* i)
            sum = partial
            if overflow { high &+= 1 }
            mix = (mix ^ sum) &* 0x100_0000_01B3
            i &+= 1
        }
        keepAlive(mix)
        return decimal(high: high, low: sum)
    }

    @inline(never)
    private static func keepAlive(_ value: UInt64) {
        if value == 0x5EED_5EED_5EED_5EED { print("", terminator: "") }
    }

    /// A 128-bit unsigned value (`high`·2⁶⁴ + `low`) in decimal.
    static func decimal(high: UInt64, low: UInt64) -> String {
        if high == 0 { return String(low) }
        var digits: [Character] = []
        var (h, l) = (high, low)
        while h != 0 || l != 0 {
            // Divide the 128-bit (h, l) by 10.
            let (qh, rh) = h.quotientAndRemainder(dividingBy: 10)
            let (ql, rl) = UInt64(10).dividingFullWidth((high: rh, low: l))
            digits.append(Character(String(rl)))
            (h, l) = (qh, ql)
        }
        return String(digits.reversed())
    }
}
