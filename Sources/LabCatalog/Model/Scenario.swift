import Diagnostics
import PromModel

/// A simulated workload that checks evaluate on: series in the Prometheus test-script notation
/// (`0+10x60`), sampled every `interval` for `duration`.
public struct Scenario: Sendable {
    /// One input series: a series selector and its values (`'0+10x60 _ stale'`).
    public struct Series: Sendable, Hashable {
        public var series: String
        public var values: String
        public var location: SourceLocation

        public init(series: String, values: String, location: SourceLocation) {
            self.series = series
            self.values = values
            self.location = location
        }
    }

    public var name: String
    public var description: LocalizedText
    public var interval: PromModel.Duration
    public var duration: PromModel.Duration
    public var series: [Series]
    public var location: SourceLocation

    public init(name: String, description: LocalizedText, interval: PromModel.Duration, duration: PromModel.Duration,
                series: [Series], location: SourceLocation) {
        self.name = name
        self.description = description
        self.interval = interval
        self.duration = duration
        self.series = series
        self.location = location
    }
}
