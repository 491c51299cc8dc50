/// What opening a storage directory found: warnings about repaired or skipped data and totals.
public struct WALReplayReport: Sendable, CustomStringConvertible {
    /// Torn or corrupt records (the segment was truncated there), unknown series, rejected samples.
    public var warnings: [WALWarning] = []
    /// Series held after replay.
    public var series = 0
    /// Samples held after replay.
    public var samples = 0
    /// Samples read from the checkpoint and the segments.
    public var samplesRead = 0
    /// Samples older than the retention period, dropped.
    public var samplesDroppedByRetention = 0
    /// Samples rejected by the store (out of order, duplicate with another value, limits).
    public var samplesRejected = 0
    /// Samples of references no series record named (their series record was lost).
    public var samplesOfUnknownSeries = 0
    /// Segment files read (after the checkpoint).
    public var segmentsRead = 0
    /// Number of the checkpoint loaded, if any.
    public var checkpoint: Int?
    /// Bytes read from the checkpoint and the segments.
    public var bytesRead = 0
    /// Wall-clock seconds the replay took.
    public var seconds = 0.0

    public init() {}

    public var description: String {
        var line = "replayed \(series) series, \(samples) samples from "
        line += checkpoint.map { "checkpoint \($0) + " } ?? ""
        line += "\(segmentsRead) segments (\(bytesRead) bytes) in \(String(format: "%.3f", seconds))s"
        if samplesDroppedByRetention > 0 { line += ", \(samplesDroppedByRetention) dropped by retention" }
        if samplesRejected > 0 { line += ", \(samplesRejected) rejected" }
        if samplesOfUnknownSeries > 0 { line += ", \(samplesOfUnknownSeries) of unknown series" }
        return line
    }
}
