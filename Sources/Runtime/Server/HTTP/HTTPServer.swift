import Foundation

/// labctl's own HTTP/1.1 server over POSIX sockets.
///
/// One poller thread owns every connection while it waits for or reads a request (non-blocking
/// sockets, `poll(2)`), so a thousand idle keep-alive or slow clients cost no thread; a complete
/// request goes to a bounded pool of `workers` threads that call the ``HTTPRequestHandler`` and
/// write the response (within `writeTimeout`), then the connection returns to the poller or closes.
///
/// It speaks HTTP/1.1 and 1.0 (each one's keep-alive rule, `Connection: close`), pipelining,
/// `Content-Length` and chunked request bodies, `Expect: 100-continue`, `HEAD`, absolute-form
/// targets. Malformed requests never reach the handler: they get a plain-text `400` (or `414`,
/// `431`, `413`, `408`, `501`, `505`) and the connection is closed. ``stats`` counts what it did.
///
/// ```swift
/// let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0),
///                         handler: HTTPClosureHandler { _ in .plain(200, "ok\n") })
/// try server.start()
/// print(server.boundAddress)          // 127.0.0.1:41235
/// server.shutdown(grace: 5)
/// ```
public final class HTTPServer: @unchecked Sendable {
    private enum State {
        case created, running, stopping, stopped
    }

    let configuration: HTTPServerConfiguration
    let recorder = HTTPServerStatsRecorder()
    let date = HTTPDate()
    private let lock = NSLock()
    private var currentHandler: any HTTPRequestHandler
    private var state = State.created
    private var port = 0
    private var address = ""
    private var isStoppingFlag = false
    private(set) var poller: HTTPConnectionPoller?
    private(set) var pool: HTTPWorkerPool?

    private let pollerExited = DispatchSemaphore(value: 0)
    private let finished = NSCondition()
    private var isFinished = false

    /// A server that will listen as `configuration` says (call ``start()``) and answer with `handler`.
    public init(configuration: HTTPServerConfiguration, handler: any HTTPRequestHandler) {
        self.configuration = configuration.normalized
        self.currentHandler = handler
    }

    /// The handler for the next requests; setting it swaps it atomically (a config reload), requests
    /// already being answered finish with the old one.
    public var handler: any HTTPRequestHandler {
        get { lock.withLock { currentHandler } }
        set { lock.withLock { currentHandler = newValue } }
    }

    /// The port actually bound, after ``start()`` (the kernel's choice for port 0).
    public var boundPort: Int { lock.withLock { port } }

    /// `host:port` actually bound (`127.0.0.1:PORT`), after ``start()``.
    public var boundAddress: String { lock.withLock { address } }

    /// What the server has done so far.
    public var stats: HTTPServerStats { recorder.snapshot }

    var isStopping: Bool { lock.withLock { isStoppingFlag } }

    /// Binds and listens (`SO_REUSEADDR`) and starts the poller and worker threads.
    /// - Throws: ``HTTPServerError`` when the address does not resolve, is in use, or the server was
    ///   already started.
    public func start() throws {
        lock.lock()
        defer { lock.unlock() }
        guard state == .created else {
            throw HTTPServerError.alreadyStarted("\(configuration.host):\(configuration.port)")
        }
        let backlog = Int32(min(max(configuration.maxConnections, 128), 4096))
        let listener = try HTTPListener.open(host: configuration.host, port: configuration.port, backlog: backlog)
        let pool = HTTPWorkerPool(threads: configuration.workers) { [self] job in self.respond(job) }
        let poller: HTTPConnectionPoller
        do {
            poller = try HTTPConnectionPoller(
                configuration: configuration, listener: listener, stats: recorder, date: date,
                inFlight: { pool.inFlight },
                dispatch: { connection, parsed in
                    pool.submit(HTTPWorkerPool.Job(connection: connection, parsed: parsed))
                })
        } catch {
            _ = pool.stop(force: true)
            listener.close()
            throw error
        }
        self.pool = pool
        self.poller = poller
        port = listener.port
        address = listener.address
        state = .running
        let exited = pollerExited
        let thread = Thread {
            poller.run()
            exited.signal()
        }
        thread.name = "labctl-http-poller"
        thread.start()
    }

    /// Stops accepting (new connections are refused), closes idle keep-alive connections, lets
    /// requests being read or answered finish for up to `grace` seconds, then closes the rest and
    /// joins the threads. Returns when done; calling it again (or from several threads) waits.
    /// Call it from a thread of your own (a signal watcher), not from inside a handler: the handler's
    /// own request counts as in flight, so the call would wait out the whole grace.
    public func shutdown(grace: Double) {
        let parts = lock.withLock { () -> (HTTPConnectionPoller, HTTPWorkerPool)?? in
            switch state {
            case .created:
                state = .stopped
                return .some(nil)
            case .stopping, .stopped:
                return .none
            case .running:
                state = .stopping
                isStoppingFlag = true
                guard let poller, let pool else { return .some(nil) }
                return .some((poller, pool))
            }
        }
        guard let parts else {
            wait()
            return
        }
        if let (poller, pool) = parts {
            let seconds = grace.isFinite ? min(max(0, grace), 86_400) : 86_400
            let deadline = HTTPSocket.now() + seconds
            poller.requestStop(deadline: deadline)
            pollerExited.wait()
            let forced = pool.inFlight > 0
            for connection in pool.stop(force: forced) { poller.retire(connection) }
            _ = pool.join(deadline: max(deadline, HTTPSocket.now()) + 1)
        }
        lock.withLock { state = .stopped }
        finished.withLock {
            isFinished = true
            finished.broadcast()
        }
    }

    /// Blocks until ``shutdown(grace:)`` has completed (returns at once if the server never started
    /// and was shut down).
    public func wait() {
        finished.lock()
        while !isFinished { finished.wait() }
        finished.unlock()
    }
}
