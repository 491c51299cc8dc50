import PromModel

/// When and how long a target is asked for its values.
public struct ScrapeContext: Sendable, Hashable {
    /// The scrape time, in milliseconds since the epoch.
    public var time: Int64
    /// Milliseconds since the simulation started.
    public var offset: Int64
    /// Seconds since the previous scrape of this target (0 for the first one).
    public var elapsed: Double
}

/// Something Prometheus would scrape (or that pushes its samples): a fixed list of series whose
/// values advance at each scrape. Implementations are deterministic given the generator they get.
public protocol SimulatedTarget: Sendable {
    /// The `job` label.
    var job: String { get }
    /// The `instance` label.
    var instance: String { get }
    /// Whether Prometheus scrapes it, so it has an `up` series and staleness markers when it goes
    /// away (`false` for pushed data such as k6's remote write).
    var isScraped: Bool { get }
    /// The series it exposes, in the order of `scrape(_:rng:)`'s values.
    var series: SeriesTable { get }
    /// The process restarted at `time` (milliseconds): counters start again from zero.
    mutating func restart(at time: Int64)
    /// Advances the target to the scrape and returns one value per series of `series`.
    mutating func scrape(_ context: ScrapeContext, rng: inout SplitMix64) -> [Double]
}
