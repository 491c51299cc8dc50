import Foundation

/// One shard of a ``RemoteWriteQueue``: a bounded buffer (oldest dropped when full) and the
/// batch its thread is sending.
final class RemoteWriteShard: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [RemoteWriteSample] = []
    private var head = 0
    private var inFlight = 0
    private var firstWaiting: Date?
    private(set) var closedDeadline: Date?
    private var finished = false

    init(capacity: Int) { self.capacity = capacity }

    private var count: Int { buffer.count - head }

    /// Adds `samples`; returns how many old ones were dropped to make room.
    func push(_ samples: [RemoteWriteSample]) -> Int {
        condition.lock()
        defer { condition.unlock() }
        if count == 0 { firstWaiting = Date() }
        buffer.append(contentsOf: samples)
        var dropped = 0
        if count > capacity {
            dropped = count - capacity
            head += dropped
        }
        compact()
        condition.signal()
        return dropped
    }

    private func compact() {
        if head > 4096 && head * 2 > buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
    }

    var pendingCount: Int { condition.withLock { count + inFlight } }

    /// Waits until `max` samples are buffered, `deadline` seconds passed since the oldest arrived,
    /// or the shard is closing; nil when closed and empty.
    func nextBatch(max: Int, deadline: Double) -> [RemoteWriteSample]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let n = count
            if n >= max || (n > 0 && closedDeadline != nil) { break }
            if n == 0 && closedDeadline != nil { return nil }
            if n > 0, let first = firstWaiting, Date().timeIntervalSince(first) >= deadline { break }
            let until = n > 0 ? (firstWaiting ?? Date()).addingTimeInterval(deadline) : Date().addingTimeInterval(1)
            _ = condition.wait(until: until)
        }
        let take = Swift.min(max, count)
        let batch = Array(buffer[head..<(head + take)])
        head += take
        inFlight = take
        firstWaiting = count > 0 ? Date() : nil
        compact()
        return batch
    }

    func finishBatch() { condition.withLock { inFlight = 0 } }

    /// Starts draining: batches go out without waiting, until `deadline`.
    func close(deadline: Date) {
        condition.withLock {
            if closedDeadline == nil { closedDeadline = deadline }
            condition.broadcast()
        }
    }

    /// Whether a retry loop should give up now.
    var pastDrainDeadline: Bool { condition.withLock { closedDeadline.map { Date() >= $0 } ?? false } }

    func markFinished() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    func waitFinished(until: Date) {
        condition.lock()
        defer { condition.unlock() }
        while !finished && Date() < until { _ = condition.wait(until: until) }
    }

    /// Empties the buffer; returns how many samples it held.
    func abandon() -> Int {
        condition.withLock {
            let n = count
            buffer = []
            head = 0
            condition.broadcast()
            return n
        }
    }
}
