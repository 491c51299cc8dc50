/// What a simulated HTTP service looks like from Prometheus: where it is scraped, its endpoints,
/// the buckets of its latency histogram and its incidents.
public struct ServiceProfile: Hashable, Sendable {
    /// The `job` label of its series.
    public var job: String
    /// The `instance` label of its series.
    public var instance: String
    public var endpoints: [EndpointProfile]
    /// Upper bounds of the latency histogram's buckets, in seconds (`+Inf` is added).
    public var buckets: [Double]
    /// Windows of misbehaviour.
    public var incidents: [Incident]
    /// Resident memory of the process right after it starts, in bytes.
    public var baseMemoryBytes: Double

    public init(job: String, instance: String, endpoints: [EndpointProfile],
                buckets: [Double] = ServiceProfile.defaultBuckets, incidents: [Incident] = [],
                baseMemoryBytes: Double = 60 * 1_048_576) {
        self.job = job
        self.instance = instance
        self.endpoints = endpoints
        self.buckets = buckets.filter { $0.isFinite }.sorted()
        self.incidents = incidents
        self.baseMemoryBytes = baseMemoryBytes
    }

    /// The Python client's default histogram buckets (what the seed's `Histogram(...)` without
    /// `buckets=` gets).
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]

    /// Total configured requests per second over all endpoints (incidents aside).
    public var requestsPerSecond: Double { endpoints.reduce(0) { $0 + $1.requestsPerSecond } }

    /// The endpoints as they behave at `offset` milliseconds into the simulation.
    public func endpoints(at offset: Int64) -> [EndpointProfile] {
        incidents.isEmpty ? endpoints : endpoints.map { Incident.apply(incidents, to: $0, at: offset) }
    }
}
