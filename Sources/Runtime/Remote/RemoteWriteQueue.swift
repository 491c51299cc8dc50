import Foundation
import PromModel

/// The queue of one `remote_write` destination: committed samples are relabelled
/// (`write_relabel_configs`), spread over shards by series (so each series stays in order),
/// held in a bounded buffer per shard (when full, the oldest samples are dropped and counted) and
/// sent by one thread per shard in batches of `max_samples_per_send`, at least every
/// `batch_send_deadline`. A failed send is retried with exponential back-off on 5xx, 429 and
/// connection errors (the shard waits, its buffer fills, nothing is lost within its capacity);
/// a 4xx answer drops the batch. ``stop(timeout:)`` sends what is buffered first.
///
/// ```swift
/// let queue = RemoteWriteQueue(settings: try RemoteWriteSettings(url: "http://127.0.0.1:9090/api/v1/write"))
/// queue.start()
/// queue.enqueue([RemoteWriteSample(labels: ["__name__": "up"], t: now, v: 1)])
/// queue.stop(timeout: 5)
/// ```
public final class RemoteWriteQueue: @unchecked Sendable {
    /// Counters of one queue, with Prometheus's meanings.
    public struct Counts: Sendable, Hashable {
        /// Samples the receiver accepted.
        public var sent = 0
        /// Samples given up: a 4xx answer, or still failing when the queue stopped.
        public var failed = 0
        /// Samples sent again after a recoverable failure.
        public var retried = 0
        /// Samples dropped before sending: by `write_relabel_configs` or because the buffer was full.
        public var dropped = 0
        /// Of ``dropped``, those that found the buffer full.
        public var overflowed = 0
        /// Requests the receiver accepted.
        public var requests = 0
        /// Newest sample timestamp enqueued, in milliseconds (0 = none yet).
        public var highestTimestamp: Int64 = 0
        /// Newest sample timestamp the receiver accepted.
        public var highestSentTimestamp: Int64 = 0
        /// The last failure, for people.
        public var lastError: String?
    }

    public let settings: RemoteWriteSettings
    let client: HTTPClient
    let shards: [RemoteWriteShard]
    let countsLock = NSLock()
    var counts = Counts()
    private let relabelLock = NSLock()
    private var relabelCache: [Labels: Labels?] = [:]
    private var threads: [Thread] = []
    private var started = false

    public init(settings: RemoteWriteSettings) {
        self.settings = settings
        client = HTTPClient(timeout: settings.timeout, maxBodyBytes: 1 << 20)
        shards = (0..<settings.shards).map { _ in RemoteWriteShard(capacity: settings.capacityPerShard) }
    }

    /// Starts the shard threads (samples enqueued before are kept and sent).
    public func start() {
        let fresh: [Thread] = countsLock.withLock {
            guard !started else { return [] }
            started = true
            threads = shards.enumerated().map { index, shard in
                let thread = Thread { [self] in self.run(shard) }
                thread.name = "labctl.remote-write.\(settings.name).\(index)"
                return thread
            }
            return threads
        }
        for thread in fresh { thread.start() }
    }

    /// Relabels `samples` and adds them to their shards' buffers.
    public func enqueue(_ samples: [RemoteWriteSample]) {
        guard !samples.isEmpty else { return }
        var perShard = [[RemoteWriteSample]](repeating: [], count: shards.count)
        var dropped = 0
        var highest: Int64 = 0
        for sample in samples {
            guard let labels = relabel(sample.labels) else {
                dropped += 1
                continue
            }
            let index = Int(UInt(bitPattern: labels.hashValue) % UInt(shards.count))
            perShard[index].append(RemoteWriteSample(labels: labels, t: sample.t, v: sample.v))
            highest = max(highest, sample.t)
        }
        var overflowed = 0
        for (index, batch) in perShard.enumerated() where !batch.isEmpty {
            overflowed += shards[index].push(batch)
        }
        countsLock.withLock {
            counts.dropped += dropped + overflowed
            counts.overflowed += overflowed
            counts.highestTimestamp = max(counts.highestTimestamp, highest)
        }
    }

    /// Samples buffered and not yet accepted (including a batch being sent).
    public var pending: Int { shards.reduce(0) { $0 + $1.pendingCount } }

    /// A snapshot of the counters.
    public var snapshot: Counts { countsLock.withLock { counts } }

    /// Sends what is buffered, waiting at most `timeout` seconds; what is left then is counted
    /// as failed. The threads end.
    public func stop(timeout: Double = 10) {
        let deadline = Date().addingTimeInterval(max(0, timeout))
        for shard in shards { shard.close(deadline: deadline) }
        let running = countsLock.withLock { started }
        if running {
            for shard in shards { shard.waitFinished(until: deadline.addingTimeInterval(1)) }
        }
        var left = 0
        for shard in shards { left += shard.abandon() }
        if left > 0 { countsLock.withLock { counts.failed += left } }
    }

    private func relabel(_ labels: Labels) -> Labels? {
        if settings.relabeler.isEmpty && settings.externalLabels.isEmpty { return labels }
        if let hit = relabelLock.withLock({ relabelCache[labels] }) { return hit }
        var out = labels
        for label in settings.externalLabels where out[label.name] == nil {
            out = out.setting(label.name, to: label.value)
        }
        let result = settings.relabeler.isEmpty ? out : settings.relabeler.process(out)
        relabelLock.withLock {
            if relabelCache.count >= 200_000 { relabelCache.removeAll(keepingCapacity: true) }
            relabelCache[labels] = .some(result)
        }
        return result
    }

    private func run(_ shard: RemoteWriteShard) {
        while let batch = shard.nextBatch(max: settings.maxSamplesPerSend, deadline: settings.batchSendDeadline) {
            send(batch, shard: shard)
            shard.finishBatch()
        }
        shard.markFinished()
    }
}
