import Foundation
import PromModel

/// A target's state as `/api/v1/targets` renders it: labels, URL, health, last error, when it
/// was last scraped and how long that took.
public struct TargetHealth: Sendable {
    /// `up`, `down` or `unknown` (not scraped yet), as Prometheus spells them.
    public enum State: String, Sendable, Hashable {
        case up, down, unknown
    }

    public var target: ScrapeTarget
    public var health: State
    /// The last scrape's error, empty when it succeeded.
    public var lastError: String
    /// When the last scrape started (`nil` before the first).
    public var lastScrape: Date?
    /// Seconds the last scrape took.
    public var lastScrapeDuration: Double
    /// Samples the last scrape appended.
    public var lastSamples: Int

    public init(target: ScrapeTarget, health: State = .unknown, lastError: String = "", lastScrape: Date? = nil,
                lastScrapeDuration: Double = 0, lastSamples: Int = 0) {
        self.target = target
        self.health = health
        self.lastError = lastError
        self.lastScrape = lastScrape
        self.lastScrapeDuration = lastScrapeDuration
        self.lastSamples = lastSamples
    }

    /// The job (`scrapePool` in the API).
    public var scrapePool: String { target.job }
    /// The URL scraped (`scrapeUrl`).
    public var scrapeURL: String { target.url }
    /// `scrapeInterval` and `scrapeTimeout` as Prometheus prints durations (`15s`).
    public var scrapeInterval: String { Duration(milliseconds: target.intervalMilliseconds).description }
    public var scrapeTimeout: String { Duration(milliseconds: target.timeoutMilliseconds).description }
}
