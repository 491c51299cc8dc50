/// Settings of the PromQL engine; the defaults are Prometheus's (and the conformance scripts').
public struct EngineOptions: Hashable, Sendable {
    /// How far back an instant selector looks for the latest sample, in milliseconds (5m).
    public var lookbackDelta: Int64
    /// The most samples held in memory at once by a query (Prometheus's `--query.max-samples`).
    public var maxSamples: Int
    /// The longest a query may run, in seconds.
    public var timeout: Double
    /// The step of subqueries written without one (`x[5m:]`), in milliseconds (1m).
    public var noStepSubqueryInterval: Int64
    /// Drop `__name__` only at the end of evaluation (Prometheus 3's `promql-delayed-name-removal`).
    public var enableDelayedNameRemoval: Bool
    /// Allow the `@` modifier (always on in Prometheus 3).
    public var enableAtModifier: Bool
    /// Allow negative offsets (always on in Prometheus 3).
    public var enableNegativeOffset: Bool
    /// The most steps one evaluation may have: the range query's and, separately, each subquery's
    /// (1,000,000 by default; Prometheus has no such limit). The count is checked before anything is
    /// allocated, and going over it is a `.tooManySamples` error (``QueryError/tooManySteps(_:limit:subquery:)``),
    /// as every step of a result may hold a sample. The HTTP API's 11,000 points per series is a
    /// separate, smaller limit that `labctl query` applies to its own range queries.
    public var maxSteps: Int
    /// Use the samples' start timestamps (when stored) in `rate`, `increase`, `irate` and `resets`:
    /// a start timestamp after the previous sample is a counter reset, and one inside the window
    /// replaces extrapolation towards the window start (Prometheus's `UseStartTimestamps`).
    public var useStartTimestamps: Bool

    public init(lookbackDelta: Int64 = 300_000, maxSamples: Int = 50_000_000, timeout: Double = 120,
                noStepSubqueryInterval: Int64 = 60_000, enableDelayedNameRemoval: Bool = true,
                enableAtModifier: Bool = true, enableNegativeOffset: Bool = true, maxSteps: Int = 1_000_000,
                useStartTimestamps: Bool = false) {
        self.useStartTimestamps = useStartTimestamps
        self.lookbackDelta = lookbackDelta
        self.maxSamples = maxSamples
        self.timeout = timeout
        self.noStepSubqueryInterval = noStepSubqueryInterval
        self.enableDelayedNameRemoval = enableDelayedNameRemoval
        self.enableAtModifier = enableAtModifier
        self.enableNegativeOffset = enableNegativeOffset
        self.maxSteps = maxSteps
    }

    /// Prometheus's defaults.
    public static let standard = EngineOptions()

    /// The settings the upstream conformance scripts run with (max 10000 samples, 100s timeout,
    /// start timestamps used).
    public static let conformance = EngineOptions(maxSamples: 10_000, timeout: 100, useStartTimestamps: true)
}
