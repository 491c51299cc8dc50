import PromModel

/// redis_exporter in front of the seed lab's Redis cache (Lab 6): clients, commands, keyspace hits
/// and misses, memory and command latency.
public struct RedisExporter: SimulatedTarget {
    /// How the simulated Redis is used.
    public struct Profile: Hashable, Sendable {
        public var job: String
        public var instance: String
        public var commandsPerSecond: Double
        /// Fraction of key lookups that hit, in `0...1`.
        public var hitRatio: Double
        /// `maxmemory`, in bytes.
        public var maxMemoryBytes: Double
        /// Fraction of `maxmemory` in use at the start; it grows by 1% of `maxmemory` per hour.
        public var memoryUsedRatio: Double
        /// Mean command latency, in microseconds.
        public var latencyMicroseconds: Double

        public init(job: String = "redis", instance: String = "redis_exporter:9121", commandsPerSecond: Double = 50,
                    hitRatio: Double = 0.8, maxMemoryBytes: Double = 256 * 1_048_576, memoryUsedRatio: Double = 0.3,
                    latencyMicroseconds: Double = 150) {
            self.job = job
            self.instance = instance
            self.commandsPerSecond = max(0, commandsPerSecond)
            self.hitRatio = min(1, max(0, hitRatio))
            self.maxMemoryBytes = max(1, maxMemoryBytes)
            self.memoryUsedRatio = min(1, max(0, memoryUsedRatio))
            self.latencyMicroseconds = max(0, latencyMicroseconds)
        }
    }

    public let profile: Profile
    public let series: SeriesTable
    public var job: String { profile.job }
    public var instance: String { profile.instance }
    public var isScraped: Bool { true }

    private var commands = 0.0, hits = 0.0, misses = 0.0, latencySum = 0.0
    private var used: Double
    private var startTime: Double

    public init(profile: Profile, startTime: Int64) {
        self.profile = profile
        var table = SeriesTable(job: profile.job, instance: profile.instance)
        for name in ["redis_up", "redis_connected_clients", "redis_commands_processed_total", "redis_keyspace_hits_total",
                     "redis_keyspace_misses_total", "redis_memory_used_bytes", "redis_memory_max_bytes",
                     "redis_latency_microseconds_sum", "redis_latency_microseconds_count", "redis_uptime_in_seconds"] {
            table.add(name)
        }
        series = table
        used = profile.maxMemoryBytes * profile.memoryUsedRatio
        self.startTime = Double(startTime) / 1000
    }

    public mutating func restart(at time: Int64) {
        commands = 0
        hits = 0
        misses = 0
        latencySum = 0
        used = profile.maxMemoryBytes * 0.02
        startTime = Double(time) / 1000
    }

    public mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double] {
        let n = rng.nextCount(mean: profile.commandsPerSecond * context.elapsed)
        // About half of the commands are lookups.
        let lookups = (n / 2).rounded(.down)
        let h = rng.nextBinomial(trials: lookups, p: profile.hitRatio)
        commands += n
        hits += h
        misses += lookups - h
        latencySum += n * profile.latencyMicroseconds * (1 + 0.1 * rng.nextSigned())
        used = min(profile.maxMemoryBytes, used + profile.maxMemoryBytes * 0.01 * context.elapsed / 3600)
        let clients = rng.nextCount(mean: 5)
        let uptime = max(0, Double(context.time) / 1000 - startTime).rounded(.down)
        return [1, clients + 1, commands, hits, misses, used.rounded(), profile.maxMemoryBytes,
                latencySum.rounded(), commands, uptime]
    }
}
