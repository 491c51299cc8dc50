import PromModel

/// A periodic source of samples for an ``AlertPipeline``, standing in for a scrape target: every
/// `interval` (at `k × interval + offset` milliseconds) the pipeline asks it for the samples at
/// that instant and appends them to the storage, stamped with that instant.
///
/// ```swift
/// let up = SampleSource(name: "fastapi", interval: 15_000) { t in
///     [(["__name__": "up", "job": "fastapi", "instance": "api:8000"], t < 60_000 ? 1 : 0)]
/// }
/// ```
public struct SampleSource: Sendable {
    /// The samples of one instant: series labels (with `__name__`) and values.
    public typealias Generate = @Sendable (Int64) -> [(labels: Labels, value: Double)]

    /// A name for reports.
    public var name: String
    /// Milliseconds between two instants (at least 1).
    public var interval: Int64
    /// The phase of the instants within the interval, in milliseconds.
    public var offset: Int64
    public var generate: Generate

    public init(name: String, interval: Int64, offset: Int64 = 0, generate: @escaping Generate) {
        self.name = name
        self.interval = max(1, interval)
        self.offset = interval > 0 ? ((offset % max(1, interval)) + max(1, interval)) % max(1, interval) : 0
        self.generate = generate
    }

    /// The first instant at or after `t`.
    public func firstInstant(atOrAfter t: Int64) -> Int64 {
        let shifted = t.subtractingSaturated(offset)
        var remainder = shifted % interval
        if remainder < 0 { remainder += interval }
        return remainder == 0 ? t : t.addingSaturated(interval - remainder)
    }
}
