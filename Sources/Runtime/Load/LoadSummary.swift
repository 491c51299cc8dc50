/// What a run measured: requests, failures, latency, bytes, VUs over time, and the verdict of
/// each threshold.
public struct LoadSummary: Sendable {
    /// One point of the VU timeline.
    public struct VUSample: Sendable, Hashable {
        /// Seconds since the start.
        public var time: Double
        public var vus: Int
    }

    /// A threshold with the observed value and whether it held.
    public struct ThresholdResult: Sendable, Hashable {
        public var threshold: LoadThreshold
        public var observed: Double
        public var passed: Bool
    }

    /// Requests that got a response or failed (timeouts and connection errors included).
    public var requests = 0
    /// Requests that failed: no response, or a status of 400 or more (k6's `http_req_failed`).
    public var failed = 0
    /// Requests by status (0 for no response).
    public var statuses: [Int: Int] = [:]
    /// Requests per target URL.
    public var perTarget: [String: Int] = [:]
    /// Timeouts among the failures.
    public var timeouts = 0
    /// The first failure messages without a response (at most 5, for the report).
    public var transportErrors: [String] = []
    /// Latency of every request, in microseconds.
    public var latency = LatencyHistogram()
    public var bytesSent = 0
    public var bytesReceived = 0
    /// Connections opened.
    public var connections = 0
    /// Iterations a constant arrival rate could not start (no free VU).
    public var droppedIterations = 0
    /// Seconds the run took.
    public var seconds = 0.0
    /// VUs over time (bounded: one sample per tick).
    public var timeline: [VUSample] = []
    public var maxVUs = 0
    /// Why the run ended early, if it did (`max requests reached`).
    public var stoppedEarly: String?
    public var thresholds: [ThresholdResult] = []

    public init() {}

    /// Failed requests over all requests (0 when none).
    public var errorRate: Double { requests == 0 ? 0 : Double(failed) / Double(requests) }
    /// Requests per second.
    public var requestRate: Double { seconds > 0 ? Double(requests) / seconds : 0 }
    /// Whether every threshold held.
    public var thresholdsPassed: Bool { thresholds.allSatisfy(\.passed) }

    /// Evaluates `thresholds` on this summary.
    public mutating func evaluate(_ thresholds: [LoadThreshold]) {
        self.thresholds = thresholds.map { ThresholdResult(threshold: $0, observed: $0.observed(in: self), passed: $0.passes(self)) }
    }
}
