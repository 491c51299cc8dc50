/// What an ``HTTPServer`` has done since it started: a snapshot (``HTTPServer/stats``) for labctl's
/// own `/metrics`. Counters only grow; `openConnections` and `inFlightRequests` are gauges.
public struct HTTPServerStats: Sendable, Equatable {
    /// Connections accepted (including those answered 503).
    public var connectionsAccepted = 0
    /// Connections open now (reading, answering or idle in keep-alive).
    public var openConnections = 0
    /// Requests handed to the handler.
    public var requests = 0
    /// Requests being answered by the handler now.
    public var inFlightRequests = 0
    /// Responses written, by status code (handler answers and the server's own errors).
    public var responsesByStatus: [Int: Int] = [:]
    /// Requests and connections the server answered itself, by reason.
    public var rejects: [HTTPServerRejectReason: Int] = [:]
    /// Bytes read from clients.
    public var bytesReceived = 0
    /// Bytes written to clients.
    public var bytesSent = 0
    /// Keep-alive connections closed after `idleTimeout`.
    public var idleTimeouts = 0
    /// Seconds spent in the handler, summed over `requests`.
    public var handlerSeconds = 0.0
    /// Handler durations per bucket of ``durationBuckets`` (not cumulative): element `i` counts
    /// durations in `(durationBuckets[i-1], durationBuckets[i]]`; the last element those above
    /// every bound.
    public var handlerDurationCounts = [Int](repeating: 0, count: HTTPServerStats.durationBuckets.count + 1)

    /// Upper bounds in seconds of the handler-duration histogram (Prometheus's default buckets).
    public static let durationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public init() {}

    /// `(le, cumulative count)` pairs for a Prometheus histogram, ending with `+Inf`.
    public var durationHistogram: [(le: Double, count: Int)] {
        var total = 0
        var out: [(le: Double, count: Int)] = []
        for (index, count) in handlerDurationCounts.enumerated() {
            total += count
            out.append((index < Self.durationBuckets.count ? Self.durationBuckets[index] : .infinity, total))
        }
        return out
    }

    /// The count of `reason` (0 when it never happened).
    public func rejects(_ reason: HTTPServerRejectReason) -> Int { rejects[reason] ?? 0 }

    /// Responses with status `status` (0 when none).
    public func responses(_ status: Int) -> Int { responsesByStatus[status] ?? 0 }
}
