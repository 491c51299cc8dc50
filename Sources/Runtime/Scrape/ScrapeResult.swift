import PromModel
import Storage

/// What one scrape of a target produced, before anything is appended: the samples with their
/// final labels and timestamps, the counts the synthetic series report, and the error if it failed.
public struct ScrapeResult: Sendable {
    /// One sample ready for storage.
    public struct Sample: Sendable, Hashable {
        public var labels: Labels
        public var t: Int64
        public var v: Double
        /// The native histogram, for a histogram sample (then `v` is 0).
        public var h: FloatHistogram?

        public init(labels: Labels, t: Int64, v: Double, h: FloatHistogram? = nil) {
            self.labels = labels
            self.t = t
            self.v = v
            self.h = h
        }

        public static func == (a: Sample, b: Sample) -> Bool {
            a.labels == b.labels && a.t == b.t && a.v.bitPattern == b.v.bitPattern
                && a.h?.description == b.h?.description
        }

        public func hash(into h: inout Hasher) {
            h.combine(labels)
            h.combine(t)
        }
    }

    public var target: ScrapeTarget
    /// Scrape start, milliseconds since the epoch (the timestamp of samples without their own).
    public var timestamp: Int64
    /// Seconds the scrape took.
    public var duration: Double
    /// Samples after `metric_relabel_configs` (empty when the scrape failed).
    public var samples: [Sample]
    /// Samples in the body (`scrape_samples_scraped`).
    public var samplesScraped: Int
    /// Samples after metric relabelling (`scrape_samples_post_metric_relabeling`).
    public var samplesPostRelabeling: Int
    /// Why the scrape failed (`up` = 0), or `nil`.
    public var error: String?
    /// The body's format as the response's content type gave it.
    public var format: String

    public init(target: ScrapeTarget, timestamp: Int64, duration: Double = 0, samples: [Sample] = [],
                samplesScraped: Int = 0, samplesPostRelabeling: Int = 0, error: String? = nil, format: String = "") {
        self.target = target
        self.timestamp = timestamp
        self.duration = duration
        self.samples = samples
        self.samplesScraped = samplesScraped
        self.samplesPostRelabeling = samplesPostRelabeling
        self.error = error
        self.format = format
    }

    /// Whether the scrape succeeded (`up` = 1).
    public var isUp: Bool { error == nil }
}
