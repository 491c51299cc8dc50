/// What a simulation run appended.
public struct SimulationSummary: Hashable, Sendable {
    /// Samples appended (staleness markers and `up` included).
    public var samples = 0
    /// Scrapes attempted (successful or not), pushes included.
    public var scrapes = 0
    /// Scrapes that found the target down.
    public var failedScrapes = 0
    /// Distinct series written.
    public var series = 0
    /// Timestamp of the first and last sample, in milliseconds.
    public var firstTime: Int64?
    public var lastTime: Int64?

    public init() {}
}
