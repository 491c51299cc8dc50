import Foundation

/// The server's counters behind a lock; every thread of the server records into one recorder and
/// ``HTTPServer/stats`` copies it out.
final class HTTPServerStatsRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stats = HTTPServerStats()

    var snapshot: HTTPServerStats { lock.withLock { stats } }

    /// Open connections now (accepted and not yet closed, without those draining after a close).
    var openConnections: Int { lock.withLock { stats.openConnections } }

    func accepted() { lock.withLock { stats.connectionsAccepted &+= 1; stats.openConnections &+= 1 } }

    /// A connection accepted beyond the limit (not counted as open).
    func acceptedOverLimit() {
        lock.withLock {
            stats.connectionsAccepted &+= 1
            stats.rejects[.tooManyConnections, default: 0] &+= 1
            stats.responsesByStatus[503, default: 0] &+= 1
        }
    }

    func closed() { lock.withLock { stats.openConnections = max(0, stats.openConnections - 1) } }

    func received(_ bytes: Int) { lock.withLock { stats.bytesReceived &+= bytes } }

    func sent(_ bytes: Int) { lock.withLock { stats.bytesSent &+= bytes } }

    func idleTimeout() { lock.withLock { stats.idleTimeouts &+= 1 } }

    func handlerStarted() { lock.withLock { stats.requests &+= 1; stats.inFlightRequests &+= 1 } }

    func handlerFinished(status: Int, seconds: Double) {
        lock.withLock {
            stats.inFlightRequests = max(0, stats.inFlightRequests - 1)
            stats.handlerSeconds += seconds
            let bucket = HTTPServerStats.durationBuckets.firstIndex { seconds <= $0 } ?? HTTPServerStats.durationBuckets.count
            if stats.handlerDurationCounts.indices.contains(bucket) { stats.handlerDurationCounts[bucket] &+= 1 }
            stats.responsesByStatus[status, default: 0] &+= 1
        }
    }

    func rejected(_ reason: HTTPServerRejectReason, status: Int?) {
        lock.withLock {
            stats.rejects[reason, default: 0] &+= 1
            if let status { stats.responsesByStatus[status, default: 0] &+= 1 }
        }
    }
}
