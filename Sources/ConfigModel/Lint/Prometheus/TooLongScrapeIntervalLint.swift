import Diagnostics
import PromModel

/// A scrape interval at or above the query lookback delta (5m): between two scrapes the series is
/// considered stale, so instant queries and rules see gaps (Prometheus 3.x's promtool lint).
///
/// Triggers: `scrape_interval: 5m`. Does not trigger: `scrape_interval: 1m`.
public struct TooLongScrapeIntervalLint: LintRule {
    public static let code = "prom-config/too-long-scrape-interval"
    public static let summary = "scrape interval not shorter than the 5m query lookback delta"
    public static let lookbackDelta = Duration(milliseconds: 300_000)

    public init() {}

    public func check(_ config: PrometheusConfig) -> [Diagnostic] {
        config.scrapeConfigs.compactMap { job in
            guard job.scrapeInterval >= Self.lookbackDelta else { return nil }
            return .warning(Self.code,
                            "scrape interval \(job.scrapeInterval) of job \"\(job.jobName)\" is not shorter than the query lookback delta (\(Self.lookbackDelta)): series go stale between scrapes",
                            at: job.scrapeIntervalLocation ?? job.location)
        }
    }
}
