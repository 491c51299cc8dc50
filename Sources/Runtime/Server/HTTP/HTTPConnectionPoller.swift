import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one thread that owns every connection while it waits for or reads a request: it accepts,
/// reads with `poll(2)` on non-blocking sockets, parses, enforces the head/body/idle time-outs and
/// answers the server's own errors. A complete request leaves for the worker pool; the worker hands
/// the connection back (keep-alive) or asks for it to be closed. Idle and slow clients therefore
/// cost a descriptor and a small buffer, never a thread.
final class HTTPConnectionPoller: @unchecked Sendable {
    /// What a worker asks for when it hands a connection back.
    enum Handoff {
        case keepAlive
        case close
    }

    /// Connections kept (half-closed) after the server closed its side, reading and discarding what
    /// the client still sends, so the last response is not lost to a reset.
    static let maxDraining = 1024
    static let drainSeconds = 2.0
    static let maxDrainBytes = 1 << 20
    private static let scratchBytes = 64 * 1024
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private let configuration: HTTPServerConfiguration
    private let limits: HTTPRequestParser.Limits
    private let listener: HTTPListener
    private let stats: HTTPServerStatsRecorder
    private let date: HTTPDate
    private let dispatch: (HTTPServerConnection, HTTPRequestParser.Parsed) -> Bool
    private let inFlight: () -> Int

    // Poller thread only.
    private var reading: [Int32: HTTPServerConnection] = [:]
    private var draining: [Int32: HTTPServerConnection] = [:]
    private var listening = true
    private var acceptPausedUntil = 0.0
    private let scratch: UnsafeMutableRawBufferPointer

    // Shared with the workers and the server, under `lock`.
    private let lock = NSLock()
    private var handedBack: [(HTTPServerConnection, Handoff)] = []
    private var stopDeadline: Double?
    private var exited = false
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init(configuration: HTTPServerConfiguration, listener: HTTPListener, stats: HTTPServerStatsRecorder,
         date: HTTPDate, inFlight: @escaping () -> Int,
         dispatch: @escaping (HTTPServerConnection, HTTPRequestParser.Parsed) -> Bool) throws(HTTPServerError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .socket(listener.address, "pipe", HTTPSocket.errorText) }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        HTTPSocket.setNonBlocking(wakeRead)
        HTTPSocket.setNonBlocking(wakeWrite)
        self.configuration = configuration
        self.limits = HTTPRequestParser.Limits(maxRequestLineBytes: configuration.maxRequestLineBytes,
                                               maxHeaderBytes: configuration.maxHeaderBytes,
                                               maxBodyBytes: configuration.maxBodyBytes)
        self.listener = listener
        self.stats = stats
        self.date = date
        self.inFlight = inFlight
        self.dispatch = dispatch
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.scratchBytes, alignment: 16)
    }

    deinit { scratch.deallocate() }

    // MARK: - From other threads

    /// A worker is done with `connection`: keep it alive (read the next request) or close it.
    func handBack(_ connection: HTTPServerConnection, _ handoff: Handoff) {
        let taken = lock.withLock { () -> Bool in
            guard !exited else { return false }
            handedBack.append((connection, handoff))
            wakeLocked()
            return true
        }
        if !taken { retire(connection) }
    }

    /// Stops accepting now; idle connections close at once, requests being read or answered may
    /// finish until `deadline` (monotonic seconds).
    func requestStop(deadline: Double) {
        lock.withLock {
            stopDeadline = deadline
            if !exited { wakeLocked() }
        }
    }

    private func wakeLocked() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: - The loop

    /// Runs until a requested stop completes.
    func run() {
        var fds: [pollfd] = []
        var owners: [HTTPServerConnection?] = []
        while true {
            var now = HTTPSocket.now()
            let stop = takeHandedBack(now)
            if let stop {
                if listening {
                    listening = false
                    listener.close()
                }
                for (fd, connection) in reading where connection.parser.phase == .idle {
                    reading[fd] = nil
                    retire(connection)
                }
                if now >= stop || (reading.isEmpty && inFlight() == 0) { break }
            }
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
            owners.append(nil)
            let acceptNow = listening && now >= acceptPausedUntil
            if acceptNow {
                fds.append(pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0))
                owners.append(nil)
            }
            var wakeAt = now + 1.0
            if listening && !acceptNow { wakeAt = min(wakeAt, acceptPausedUntil) }
            if let stop { wakeAt = min(wakeAt, stop) }
            for connection in reading.values {
                fds.append(pollfd(fd: connection.fd, events: Int16(POLLIN), revents: 0))
                owners.append(connection)
                wakeAt = min(wakeAt, deadline(connection))
            }
            for connection in draining.values {
                fds.append(pollfd(fd: connection.fd, events: Int16(POLLIN), revents: 0))
                owners.append(connection)
                wakeAt = min(wakeAt, connection.drainDeadline ?? now)
            }
            let timeout = Int32(max(0, min(1000, ((wakeAt - now) * 1000).rounded(.up))))
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            now = HTTPSocket.now()
            if ready > 0 {
                if fds[0].revents != 0 { drainWakePipe() }
                var index = 1
                if acceptNow {
                    if fds[1].revents != 0 { acceptAll(now) }
                    index = 2
                }
                while index < fds.count {
                    if fds[index].revents != 0, let connection = owners[index] {
                        if connection.drainDeadline != nil { drainRead(connection) } else { readable(connection, now) }
                    }
                    index += 1
                }
            } else if ready < 0 && errno != EINTR {
                usleep(10_000)
            }
            expire(now)
        }
        finish()
    }

    /// Takes the connections workers handed back; returns the stop deadline when stopping.
    private func takeHandedBack(_ now: Double) -> Double? {
        let (items, stop) = lock.withLock { () -> ([(HTTPServerConnection, Handoff)], Double?) in
            let items = handedBack
            handedBack.removeAll(keepingCapacity: true)
            return (items, stopDeadline)
        }
        for (connection, handoff) in items {
            switch handoff {
            case .close:
                startDrain(connection, now)
            case .keepAlive where stop != nil:
                retire(connection)
            case .keepAlive:
                connection.phase = connection.parser.phase
                connection.phaseStarted = now
                reading[connection.fd] = connection
                process(connection, now)
            }
        }
        return stop
    }

    private func finish() {
        let leftovers = lock.withLock { () -> [(HTTPServerConnection, Handoff)] in
            exited = true
            let items = handedBack
            handedBack.removeAll()
            HTTPSocket.close(wakeRead)
            HTTPSocket.close(wakeWrite)
            return items
        }
        for (connection, _) in leftovers { retire(connection) }
        for connection in reading.values { retire(connection) }
        reading.removeAll()
        for connection in draining.values { connection.close() }
        draining.removeAll()
        listener.close()
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &bytes, bytes.count) > 0 {}
    }

    // MARK: - Accepting

    private func acceptAll(_ now: Double) {
        for _ in 0..<256 {
            switch listener.accept() {
            case .none:
                return
            case .failed:
                // Out of descriptors: stop polling the listener for a moment instead of spinning.
                acceptPausedUntil = now + 0.1
                return
            case .connection(let fd, let remote):
                if stats.openConnections >= configuration.maxConnections {
                    stats.acceptedOverLimit()
                    let connection = HTTPServerConnection(fd: fd, remoteAddress: remote, limits: limits, now: now,
                                                          countedOpen: false)
                    let answer = HTTPServerResponse.serverError(503, "too many open connections", date: date.now)
                    stats.sent(connection.sendNow(answer))
                    startDrain(connection, now)
                    continue
                }
                stats.accepted()
                reading[fd] = HTTPServerConnection(fd: fd, remoteAddress: remote, limits: limits, now: now,
                                                   countedOpen: true)
            }
        }
    }

    // MARK: - Reading

    private func readable(_ connection: HTTPServerConnection, _ now: Double) {
        var peerClosed = false
        var total = 0
        reads: for _ in 0..<4 {
            switch HTTPSocket.read(connection.fd, into: scratch) {
            case .data(let n):
                total += n
                connection.parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
                if n < scratch.count { break reads }
            case .wouldBlock:
                break reads
            case .closed, .failed:
                peerClosed = true
                break reads
            }
        }
        if total > 0 { stats.received(total) }
        process(connection, now)
        if peerClosed, reading[connection.fd] === connection {
            reading[connection.fd] = nil
            retire(connection)
        }
    }

    /// Runs the parser over what the connection has buffered: dispatches a complete request,
    /// answers a bad one, or waits for more.
    private func process(_ connection: HTTPServerConnection, _ now: Double) {
        while true {
            switch connection.parser.next() {
            case .needMore:
                notePhase(connection, now)
                return
            case .sendContinue:
                stats.sent(connection.sendNow(Self.continueBytes))
            case .request(let parsed):
                reading[connection.fd] = nil
                if !dispatch(connection, parsed) { retire(connection) }
                return
            case .failure(let failure):
                reading[connection.fd] = nil
                reject(connection, failure, now)
                return
            }
        }
    }

    private func notePhase(_ connection: HTTPServerConnection, _ now: Double) {
        let phase = connection.parser.phase
        guard phase != connection.phase else { return }
        // A new connection's head time-out counts from the accept, not from its first byte.
        let firstHead = connection.phase == .idle && phase == .head && connection.servedRequests == 0
        if !firstHead { connection.phaseStarted = now }
        connection.phase = phase
    }

    private func deadline(_ connection: HTTPServerConnection) -> Double {
        switch connection.phase {
        case .idle:
            let wait = connection.servedRequests == 0
                ? min(configuration.headerTimeout, configuration.idleTimeout) : configuration.idleTimeout
            return connection.phaseStarted + wait
        case .head:
            return connection.phaseStarted + configuration.headerTimeout
        case .body:
            return connection.phaseStarted + configuration.bodyTimeout
        }
    }

    private func expire(_ now: Double) {
        for (fd, connection) in reading where now >= deadline(connection) {
            reading[fd] = nil
            switch connection.phase {
            case .idle:
                stats.idleTimeout()
                retire(connection)
            case .head:
                reject(connection, .headerTimeout, now)
            case .body:
                reject(connection, .bodyTimeout, now)
            }
        }
        for (fd, connection) in draining where now >= connection.drainDeadline ?? now {
            draining[fd] = nil
            connection.close()
        }
    }

    // MARK: - Closing

    /// Answers `failure` in plain text and closes (draining).
    private func reject(_ connection: HTTPServerConnection, _ failure: HTTPRequestFailure, _ now: Double) {
        let answer = HTTPServerResponse.serverError(failure.status, failure.message, date: date.now)
        stats.rejected(failure.reason, status: failure.status)
        stats.sent(connection.sendNow(answer))
        startDrain(connection, now)
    }

    /// Half-closes and keeps reading (and discarding) for a moment, then closes.
    private func startDrain(_ connection: HTTPServerConnection, _ now: Double) {
        connection.shutdownWrite()
        if connection.countedOpen {
            connection.countedOpen = false
            stats.closed()
        }
        guard draining.count < Self.maxDraining, lock.withLock({ stopDeadline == nil }) else {
            connection.close()
            return
        }
        connection.drainDeadline = now + Self.drainSeconds
        draining[connection.fd] = connection
    }

    private func drainRead(_ connection: HTTPServerConnection) {
        while true {
            switch HTTPSocket.read(connection.fd, into: scratch) {
            case .data(let n):
                stats.received(n)
                connection.drainedBytes += n
                if connection.drainedBytes <= Self.maxDrainBytes { continue }
            case .wouldBlock:
                return
            case .closed, .failed:
                break
            }
            draining[connection.fd] = nil
            connection.close()
            return
        }
    }

    /// Closes a connection the server is done with (any thread that owns it).
    func retire(_ connection: HTTPServerConnection) {
        if connection.countedOpen {
            connection.countedOpen = false
            stats.closed()
        }
        connection.close()
    }
}
