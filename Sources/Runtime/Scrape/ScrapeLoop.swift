import Foundation
import PromModel
import Storage

/// Scrapes one target on its interval and appends what it gets: the samples, staleness markers
/// for series that disappeared since the previous scrape (all of them when the scrape fails or the
/// loop stops), and the synthetic series `up`, `scrape_duration_seconds`, `scrape_samples_scraped`,
/// `scrape_samples_post_metric_relabeling` and `scrape_series_added`.
///
/// ``runOnce(at:)`` does one scrape synchronously (for tests); ``start()`` runs scrapes on a
/// thread at `offset + k × interval` (the offset is a hash of the target, as Prometheus spreads
/// targets), until ``stop(markStale:)``.
public final class ScrapeLoop: @unchecked Sendable {
    private let storage: any Appendable
    private let scraper = Scraper()
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var settingsValue: ScrapeSettings
    private var targetValue: ScrapeTarget
    private var healthValue: TargetHealth
    private var stopped = false
    private var running = false
    private var thread: Thread?
    // Used by the scraping thread only (or the caller of runOnce).
    private var previous: [Labels: Int64] = [:]
    private var lastScrapeTime: Int64?

    /// Names of the synthetic series.
    public static let reportNames = ["up", "scrape_duration_seconds", "scrape_samples_scraped",
                                     "scrape_samples_post_metric_relabeling", "scrape_series_added"]

    public init(target: ScrapeTarget, settings: ScrapeSettings, storage: any Appendable) {
        self.targetValue = target
        self.settingsValue = settings
        self.storage = storage
        self.healthValue = TargetHealth(target: target)
    }

    /// The target; replaced on reload (same identity, maybe a new interval or timeout) without
    /// losing the loop's state.
    public var target: ScrapeTarget {
        get { condition.withLock { targetValue } }
        set { condition.withLock { targetValue = newValue; healthValue.target = newValue } }
    }

    /// The current settings; replaced on reload without losing the loop's state.
    public var settings: ScrapeSettings {
        get { condition.withLock { settingsValue } }
        set { condition.withLock { settingsValue = newValue } }
    }

    /// The target's health after the latest scrape.
    public var health: TargetHealth { condition.withLock { healthValue } }

    /// Milliseconds after each multiple of the interval at which this target is scraped.
    public var offsetMilliseconds: Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in target.identity.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int64(h % UInt64(max(1, target.intervalMilliseconds)))
    }

    // MARK: - One scrape

    /// Scrapes once at `at` (milliseconds; now by default) and appends the result.
    @discardableResult
    public func runOnce(at: Int64? = nil) -> ScrapeResult {
        let result = scraper.scrape(target, settings: settings, at: at)
        append(result)
        return result
    }

    private func append(_ result: ScrapeResult) {
        let app = storage.appender()
        var current: [Labels: Int64] = [:]
        current.reserveCapacity(result.samples.count)
        var added = 0
        var appended = 0
        for s in result.samples {
            if current[s.labels] != nil { continue }
            do {
                if let h = s.h {
                    try app.appendHistogram(s.labels, t: s.t, h: h)
                } else {
                    try app.append(s.labels, t: s.t, v: s.v)
                }
                appended += 1
            } catch {
                continue
            }
            current[s.labels] = s.t
            if previous[s.labels] == nil { added += 1 }
        }
        for (labels, t) in previous where current[labels] == nil && t == lastScrapeTime {
            _ = try? app.append(labels, t: result.timestamp, v: StaleNaN.value)
        }
        let report: [(String, Double)] = [
            ("up", result.isUp ? 1 : 0), ("scrape_duration_seconds", result.duration),
            ("scrape_samples_scraped", Double(result.samplesScraped)),
            ("scrape_samples_post_metric_relabeling", Double(result.samplesPostRelabeling)),
            ("scrape_series_added", Double(added)),
        ]
        for (name, value) in report {
            _ = try? app.append(target.labels.setting(Label.metricName, to: name), t: result.timestamp, v: value)
        }
        _ = try? app.commit()
        previous = current
        lastScrapeTime = result.timestamp
        condition.withLock {
            healthValue.health = result.isUp ? .up : .down
            healthValue.lastError = result.error ?? ""
            healthValue.lastScrape = Date(timeIntervalSince1970: Double(result.timestamp) / 1000)
            healthValue.lastScrapeDuration = result.duration
            healthValue.lastSamples = appended
        }
    }

    /// Appends staleness markers at `at` for every series of the last scrape and the synthetic
    /// series (the target went away).
    public func markStale(at: Int64? = nil) {
        guard let last = lastScrapeTime else { return }
        let t = max(last + 1, at ?? Int64(Date().timeIntervalSince1970 * 1000))
        let app = storage.appender()
        for (labels, st) in previous where st == last {
            _ = try? app.append(labels, t: t, v: StaleNaN.value)
        }
        for name in Self.reportNames {
            _ = try? app.append(target.labels.setting(Label.metricName, to: name), t: t, v: StaleNaN.value)
        }
        _ = try? app.commit()
        previous = [:]
    }

    // MARK: - Running

    /// Starts scraping on a background thread.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !running, !stopped else { return }
        running = true
        let thread = Thread { [self] in self.run() }
        thread.name = "scrape \(targetValue.job) \(targetValue.address)"
        self.thread = thread
        thread.start()
    }

    /// Stops the loop and waits (up to the scrape timeout + 1 s) for the current scrape to end;
    /// with `markStale`, the target's series get staleness markers.
    public func stop(markStale: Bool = true) {
        condition.lock()
        stopped = true
        condition.broadcast()
        let deadline = Date().addingTimeInterval(Double(targetValue.timeoutMilliseconds) / 1000 + 1)
        while running, condition.wait(until: deadline) {}
        let wasRunning = running
        condition.unlock()
        if markStale && !wasRunning { self.markStale() }
    }

    private func run() {
        while true {
            // Read each time: a reload may change the interval.
            let interval = max(1, target.intervalMilliseconds)
            let offset = offsetMilliseconds
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            // The next time ≡ offset (mod interval) that is not in the past.
            var next = now - ((now - offset) % interval + interval) % interval
            if next < now { next += interval }
            if lastScrapeTime == nil && next - now > 0 && next - now > interval { next = now }
            condition.lock()
            let wakeAt = Date(timeIntervalSince1970: Double(next) / 1000)
            while !stopped, Date() < wakeAt { _ = condition.wait(until: wakeAt) }
            let stop = stopped
            condition.unlock()
            if stop { break }
            runOnce(at: next)
        }
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
