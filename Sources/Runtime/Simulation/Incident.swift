/// A time window in which a simulated service misbehaves: more errors, slower responses, or a
/// traffic spike. Offsets are milliseconds from the start of the simulation, `[from, to)`.
public struct Incident: Hashable, Sendable {
    public var from: Int64
    public var to: Int64
    /// Error ratio replacing every endpoint's own during the window (`nil` keeps them).
    public var errorRatio: Double?
    /// Multiplier of every latency during the window.
    public var latencyFactor: Double
    /// Multiplier of every request rate during the window.
    public var trafficFactor: Double

    public init(from: Int64, to: Int64, errorRatio: Double? = nil, latencyFactor: Double = 1,
                trafficFactor: Double = 1) {
        self.from = from
        self.to = max(from, to)
        self.errorRatio = errorRatio.map { min(1, max(0, $0)) }
        self.latencyFactor = max(0, latencyFactor)
        self.trafficFactor = max(0, trafficFactor)
    }

    /// Whether `offset` falls in the window.
    public func contains(_ offset: Int64) -> Bool { offset >= from && offset < to }

    /// `endpoint` as it behaves while the incidents active at `offset` last.
    static func apply(_ incidents: [Incident], to endpoint: EndpointProfile, at offset: Int64) -> EndpointProfile {
        var e = endpoint
        for incident in incidents where incident.contains(offset) {
            if let ratio = incident.errorRatio { e.errorRatio = ratio }
            e.latency = e.latency.scaled(by: incident.latencyFactor)
            e.requestsPerSecond *= incident.trafficFactor
        }
        return e
    }
}
