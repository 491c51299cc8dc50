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

    public init(lookbackDelta: Int64 = 300_000, maxSamples: Int = 50_000_000, timeout: Double = 120,
                noStepSubqueryInterval: Int64 = 60_000, enableDelayedNameRemoval: Bool = true,
                enableAtModifier: Bool = true, enableNegativeOffset: Bool = true) {
        self.lookbackDelta = lookbackDelta
        self.maxSamples = maxSamples
        self.timeout = timeout
        self.noStepSubqueryInterval = noStepSubqueryInterval
        self.enableDelayedNameRemoval = enableDelayedNameRemoval
        self.enableAtModifier = enableAtModifier
        self.enableNegativeOffset = enableNegativeOffset
    }

    /// Prometheus's defaults.
    public static let standard = EngineOptions()

    /// The settings the upstream conformance scripts run with (max 10000 samples, 100s timeout).
    public static let conformance = EngineOptions(maxSamples: 10_000, timeout: 100)
}
