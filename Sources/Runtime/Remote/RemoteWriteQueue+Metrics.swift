import PromModel

extension RemoteWriteQueue {
    /// The `prometheus_remote_storage_*` families of `queues` in the text exposition format,
    /// labelled `remote_name` and `url` ("" when there are no queues).
    public static func exposition(_ queues: [RemoteWriteQueue]) -> String {
        guard !queues.isEmpty else { return "" }
        let rows = queues.map { ($0, $0.snapshot, $0.pending) }
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ value: (RemoteWriteQueue, Counts, Int) -> Double) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for row in rows {
                let labels = "remote_name=\(Labels.quote(row.0.settings.name)),url=\(Labels.quote(row.0.settings.url))"
                out += "\(name){\(labels)} \(format(value(row.0, row.1, row.2)))\n"
            }
        }
        family("prometheus_remote_storage_samples_total", "counter", "Total number of samples sent to remote storage.") { _, c, _ in Double(c.sent) }
        family("prometheus_remote_storage_samples_failed_total", "counter",
               "Total number of samples which failed on send to remote storage, non-recoverable errors.") { _, c, _ in Double(c.failed) }
        family("prometheus_remote_storage_samples_retried_total", "counter",
               "Total number of samples which failed on send to remote storage but were retried because the send error was recoverable.") { _, c, _ in Double(c.retried) }
        family("prometheus_remote_storage_samples_dropped_total", "counter",
               "Total number of samples which were dropped before being sent: relabelling or a full queue.") { _, c, _ in Double(c.dropped) }
        family("labctl_remote_storage_samples_overflowed_total", "counter",
               "Samples dropped because the queue was full (part of samples_dropped_total).") { _, c, _ in Double(c.overflowed) }
        family("prometheus_remote_storage_samples_pending", "gauge", "The number of samples pending in the queues shards to be sent to the remote storage.") { _, _, p in Double(p) }
        family("prometheus_remote_storage_shards", "gauge", "The number of shards used for parallel sending to the remote storage.") { q, _, _ in Double(q.shards.count) }
        family("prometheus_remote_storage_shard_capacity", "gauge", "The capacity of each shard of the queue used for parallel sending to the remote storage.") { q, _, _ in Double(q.settings.capacityPerShard) }
        family("prometheus_remote_storage_highest_timestamp_in_seconds", "gauge",
               "Highest timestamp that has come into the remote storage via the Appender interface, in seconds since epoch.") { _, c, _ in Double(c.highestTimestamp) / 1000 }
        family("prometheus_remote_storage_queue_highest_sent_timestamp_seconds", "gauge",
               "Timestamp from a WAL sample, the highest timestamp successfully sent by this queue, in seconds since epoch.") { _, c, _ in Double(c.highestSentTimestamp) / 1000 }
        return out
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
