import Foundation

/// A fixed set of threads that answer complete requests. Jobs wait in a FIFO queue (at most one per
/// connection, so the queue is bounded by `maxConnections`).
final class HTTPWorkerPool: @unchecked Sendable {
    /// A request ready for the handler, with the connection it came on.
    struct Job: @unchecked Sendable {
        let connection: HTTPServerConnection
        let parsed: HTTPRequestParser.Parsed
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var queueHead = 0
    private var running = 0
    private var stopped = false
    private var alive = 0
    /// Connections being answered now (to unblock their writes on a forced stop).
    private var active: [ObjectIdentifier: HTTPServerConnection] = [:]
    private let work: @Sendable (Job) -> Void

    init(threads: Int, stackSize: Int = 8 << 20, work: @escaping @Sendable (Job) -> Void) {
        self.work = work
        alive = threads
        for index in 0..<threads {
            let thread = Thread { [self] in self.loop() }
            thread.name = "labctl-http-worker-\(index)"
            thread.stackSize = stackSize
            thread.start()
        }
    }

    /// Jobs queued or running.
    var inFlight: Int { condition.withLock { queue.count - queueHead + running } }

    /// Queues `job`; false when the pool is stopped (the caller closes the connection).
    func submit(_ job: Job) -> Bool {
        condition.withLock {
            guard !stopped else { return false }
            queue.append(job)
            condition.signal()
            return true
        }
    }

    /// Stops taking jobs. With `force`, queued jobs are dropped (their connections closed and
    /// returned) and the sockets of running ones are shut down so their writes end at once.
    func stop(force: Bool) -> [HTTPServerConnection] {
        condition.withLock {
            stopped = true
            var dropped: [HTTPServerConnection] = []
            if force {
                dropped = queue[queueHead...].map(\.connection)
                queue.removeAll()
                queueHead = 0
                for connection in active.values { HTTPSocket.shutdown(connection.fd, writeOnly: false) }
            }
            condition.broadcast()
            return dropped
        }
    }

    /// Waits until every thread has exited or `deadline` (monotonic) passes; true when all exited.
    func join(deadline: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while alive > 0 {
            let left = deadline - HTTPSocket.now()
            if left <= 0 { return false }
            _ = condition.wait(until: Date(timeIntervalSinceNow: min(left, 0.1)))
        }
        return true
    }

    /// Marks the job's connection done (called by the work function before it hands the
    /// connection on or closes it).
    func finished(_ connection: HTTPServerConnection) {
        condition.withLock { _ = active.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    private func loop() {
        while let job = take() {
            work(job)
            condition.withLock {
                running -= 1
                _ = active.removeValue(forKey: ObjectIdentifier(job.connection))
                condition.broadcast()
            }
        }
        condition.withLock {
            alive -= 1
            condition.broadcast()
        }
    }

    private func take() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if queueHead < queue.count {
                let job = queue[queueHead]
                queueHead += 1
                if queueHead > 64 && queueHead * 2 > queue.count {
                    queue.removeFirst(queueHead)
                    queueHead = 0
                }
                running += 1
                active[ObjectIdentifier(job.connection)] = job.connection
                return job
            }
            if stopped { return nil }
            condition.wait()
        }
    }
}
