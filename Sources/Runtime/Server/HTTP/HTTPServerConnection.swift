#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted client connection. It belongs to one thread at a time: the poller while it reads a
/// request (or drains after a close), a worker while the handler answers and the response is written.
final class HTTPServerConnection: @unchecked Sendable {
    let fd: Int32
    let remoteAddress: String
    var parser: HTTPRequestParser
    /// The parser phase last seen by the poller, and when it began (monotonic seconds).
    var phase = HTTPRequestParser.Phase.idle
    var phaseStarted: Double
    /// Requests answered on this connection.
    var servedRequests = 0
    /// When draining after the server closed its side: when to give up, and bytes discarded.
    var drainDeadline: Double?
    var drainedBytes = 0
    /// Whether the connection counts in ``HTTPServerStats/openConnections``.
    var countedOpen: Bool
    private var isClosed = false

    init(fd: Int32, remoteAddress: String, limits: HTTPRequestParser.Limits, now: Double, countedOpen: Bool) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.parser = HTTPRequestParser(limits: limits, remoteAddress: remoteAddress)
        self.phaseStarted = now
        self.countedOpen = countedOpen
    }

    deinit { close() }

    /// Writes all of `bytes` before `deadline` (waiting for the socket as needed); the bytes sent,
    /// and whether all were.
    func write(_ bytes: [UInt8], deadline: Double) -> (sent: Int, complete: Bool) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                HTTPSocket.send(fd, UnsafeRawBufferPointer(rebasing: raw[offset...]))
            }
            guard let n else { return (offset, false) }
            if n > 0 {
                offset += n
                continue
            }
            guard HTTPSocket.wait(fd, events: Int16(POLLOUT), deadline: deadline) else { return (offset, false) }
        }
        return (offset, true)
    }

    /// Sends what fits now (for the server's short answers from the poller thread).
    func sendNow(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { HTTPSocket.send(fd, $0) } ?? 0
    }

    /// Half-closes: no more bytes from the server; reading still works (to drain).
    func shutdownWrite() { HTTPSocket.shutdown(fd, writeOnly: true) }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        HTTPSocket.close(fd)
    }
}
