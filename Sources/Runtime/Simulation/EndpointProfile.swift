/// The traffic one endpoint of a simulated HTTP service receives.
public struct EndpointProfile: Hashable, Sendable {
    /// HTTP method (`GET`).
    public var method: String
    /// The path as the service labels it (`/do_work`).
    public var path: String
    /// Mean requests per second.
    public var requestsPerSecond: Double
    /// Fraction of requests that fail, in `0...1`.
    public var errorRatio: Double
    /// Status code of successful requests.
    public var successStatus: String
    /// Status code of failed requests.
    public var errorStatus: String
    /// How long requests take.
    public var latency: LatencyProfile

    public init(_ method: String, _ path: String, requestsPerSecond: Double, errorRatio: Double = 0,
                latency: LatencyProfile, successStatus: String = "200", errorStatus: String = "500") {
        self.method = method
        self.path = path
        self.requestsPerSecond = max(0, requestsPerSecond)
        self.errorRatio = min(1, max(0, errorRatio))
        self.latency = latency
        self.successStatus = successStatus
        self.errorStatus = errorStatus
    }
}
