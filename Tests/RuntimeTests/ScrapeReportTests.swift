import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// The synthetic series, staleness markers and target health of ``ScrapeLoop``/``ScrapeManager``,
/// scraping labctl's own HTTP server.
final class ScrapeReportTests: XCTestCase {
    private let exposition = """
        # TYPE requests_total counter
        requests_total{code="200"} 10
        requests_total{code="500"} 2
        # TYPE temperature gauge
        temperature 21.5
        """

    func testSyntheticSeriesValues() throws {
        let target = try ScrapeFixtureTarget(text: exposition)
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, """
            metric_relabel_configs:
              - source_labels: [code]
                regex: "500"
                action: drop
            """), storage: storage)
        let results = manager.scrapeAllOnce(at: 1_000_000)
        XCTAssertEqual(results.count, 1)
        XCTAssertNil(results.first?.error)
        let instance = "{instance=\"\(target.address)\", job=\"fixture\"}"
        let t: Int64 = 1_000_000
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "up", at: t), ["up" + instance: 1])
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_samples_scraped", at: t), 3)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_samples_post_metric_relabeling", at: t), 2)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_series_added", at: t), 2)
        let duration = try XCTUnwrap(try ScrapeTestKit.value(storage, "scrape_duration_seconds", at: t))
        XCTAssertGreaterThan(duration, 0)
        XCTAssertLessThan(duration, 5)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "requests_total", at: t),
                       ["requests_total{code=\"200\", instance=\"\(target.address)\", job=\"fixture\"}": 10])
        XCTAssertEqual(try ScrapeTestKit.value(storage, "temperature", at: t), 21.5)

        // Same series again: nothing added.
        manager.scrapeAllOnce(at: t + 15_000)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_series_added", at: t + 15_000), 0)
        // A new series: one added.
        target.text = exposition + "\nnew_metric 1\n"
        manager.scrapeAllOnce(at: t + 30_000)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_series_added", at: t + 30_000), 1)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_samples_scraped", at: t + 30_000), 4)
    }

    func testStaleMarkerWhenASeriesDisappears() throws {
        let target = try ScrapeFixtureTarget(text: exposition)
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address), storage: storage)
        manager.scrapeAllOnce(at: 1_000_000)
        target.text = "# TYPE temperature gauge\ntemperature 22\n"
        manager.scrapeAllOnce(at: 1_015_000)
        // The vanished series got a StaleNaN at the second scrape; instant queries after it see nothing.
        let raw = try ScrapeTestKit.samples(storage, "requests_total")
        XCTAssertEqual(raw.count, 2)
        for (_, samples) in raw {
            XCTAssertEqual(samples.count, 2)
            XCTAssertEqual(samples.last?.t, 1_015_000)
            XCTAssertTrue(isStaleNaN(samples.last?.v ?? 0))
        }
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "requests_total", at: 1_015_000), [:])
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "requests_total", at: 1_100_000), [:])
        XCTAssertEqual(try ScrapeTestKit.value(storage, "temperature", at: 1_015_000), 22)
        // Still only 1 stale marker after one more scrape without it.
        manager.scrapeAllOnce(at: 1_030_000)
        XCTAssertEqual(try ScrapeTestKit.samples(storage, "requests_total").first?.1.count, 2)
    }

    func testFailedScrapeMarksEverythingStaleAndUpZero() throws {
        let target = try ScrapeFixtureTarget(text: exposition)
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address), storage: storage)
        manager.scrapeAllOnce(at: 1_000_000)
        target.update { $0.status = 503 }
        let failed = manager.scrapeAllOnce(at: 1_015_000)
        XCTAssertEqual(failed.first?.error, "server returned HTTP status 503 Service Unavailable")
        XCTAssertEqual(try ScrapeTestKit.value(storage, "up", at: 1_015_000), 0)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "scrape_samples_scraped", at: 1_015_000), 0)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "temperature", at: 1_015_000), [:])
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "requests_total", at: 1_015_000), [:])
        let health = try XCTUnwrap(manager.activeTargets().first)
        XCTAssertEqual(health.health, .down)
        XCTAssertEqual(health.lastError, "server returned HTTP status 503 Service Unavailable")
        // A target that is gone entirely: connection refused, a Go-like "Get" error.
        target.stop()
        let refused = manager.scrapeAllOnce(at: 1_030_000)
        let error = try XCTUnwrap(refused.first?.error)
        XCTAssertTrue(error.hasPrefix("Get \"http://\(target.address)/metrics\": "), error)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "up", at: 1_030_000), 0)
    }

    func testTargetRemovedByReloadIsMarkedStale() throws {
        let a = try ScrapeFixtureTarget(text: exposition)
        let b = try ScrapeFixtureTarget(text: "other 1\n")
        defer { a.stop(); b.stop() }
        let storage = MemoryStorage()
        let both = """
            scrape_configs:
              - job_name: a
                static_configs: [{targets: ["\(a.address)"]}]
              - job_name: b
                static_configs: [{targets: ["\(b.address)"]}]
            """
        let manager = try ScrapeTestKit.manager(both, storage: storage)
        let t = Int64(Date().timeIntervalSince1970 * 1000) - 10_000
        manager.scrapeAllOnce(at: t)
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "up", at: t).count, 2)
        try manager.apply(try ScrapeTestKit.config("""
            scrape_configs:
              - job_name: b
                static_configs: [{targets: ["\(b.address)"]}]
            """), baseDirectory: ".")
        XCTAssertEqual(manager.activeTargets().map(\.scrapePool), ["b"])
        let after = Int64(Date().timeIntervalSince1970 * 1000) + 1
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "up", at: after), ["up{instance=\"\(b.address)\", job=\"b\"}": 1])
        for name in ["requests_total", "temperature", "scrape_duration_seconds", "scrape_samples_scraped",
                     "scrape_samples_post_metric_relabeling", "scrape_series_added"] {
            XCTAssertEqual(try ScrapeTestKit.vector(storage, "\(name){job=\"a\"}", at: after), [:], name)
            let last = try ScrapeTestKit.samples(storage, name).filter { $0.0["job"] == "a" }.map { $0.1.last?.v ?? 0 }
            XCTAssertFalse(last.isEmpty, name)
            XCTAssertTrue(last.allSatisfy(isStaleNaN), name)
        }
    }

    func testTargetHealthLifecycle() throws {
        let target = try ScrapeFixtureTarget(text: exposition)
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address), storage: storage)
        let before = try XCTUnwrap(manager.activeTargets().first)
        XCTAssertEqual(before.health, .unknown)
        XCTAssertNil(before.lastScrape)
        XCTAssertEqual(before.lastError, "")
        XCTAssertEqual(before.scrapeURL, "http://\(target.address)/metrics")
        XCTAssertEqual(before.scrapeInterval, "15s")
        XCTAssertEqual(before.scrapeTimeout, "5s")
        manager.scrapeAllOnce(at: 1_000_000)
        let up = try XCTUnwrap(manager.activeTargets().first)
        XCTAssertEqual(up.health, .up)
        XCTAssertEqual(up.lastScrape, Date(timeIntervalSince1970: 1_000))
        XCTAssertGreaterThan(up.lastScrapeDuration, 0)
        XCTAssertEqual(up.lastSamples, 3)
        target.text = "not an exposition {{{"
        manager.scrapeAllOnce(at: 1_015_000)
        let down = try XCTUnwrap(manager.activeTargets().first)
        XCTAssertEqual(down.health, .down)
        XCTAssertFalse(down.lastError.isEmpty)
        XCTAssertEqual(down.lastScrape, Date(timeIntervalSince1970: 1_015))
    }

    func testLiveLoopScrapesOnItsInterval() throws {
        let target = try ScrapeFixtureTarget(text: exposition)
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager("""
            scrape_configs:
              - job_name: live
                scrape_interval: 200ms
                scrape_timeout: 100ms
                static_configs: [{targets: ["\(target.address)"]}]
            """, storage: storage)
        manager.start()
        let deadline = Date().addingTimeInterval(10)
        // Wait on what was stored (a request is recorded before its samples are appended).
        func stored() -> Int { ((try? ScrapeTestKit.samples(storage, "up"))?.first?.1 ?? []).filter { !isStaleNaN($0.v) }.count }
        while stored() < 3, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        manager.stop()
        XCTAssertGreaterThanOrEqual(target.requests.count, 3)
        let ups = try ScrapeTestKit.samples(storage, "up").first?.1 ?? []
        let real = ups.filter { !isStaleNaN($0.v) }
        XCTAssertGreaterThanOrEqual(real.count, 3)
        // Consecutive scrapes are one interval apart (aligned to the target's offset).
        for (a, b) in zip(real, real.dropFirst()) { XCTAssertEqual((b.t - a.t) % 200, 0) }
        // Stopping the manager marks the target's series stale.
        XCTAssertTrue(isStaleNaN(ups.last?.v ?? 0))
        XCTAssertEqual(manager.activeTargets().first?.health, .up)
    }
}

/// Reloads that change a job's timing.
final class ScrapeReloadTests: XCTestCase {
    func testReloadWithANewIntervalAndTimeoutUsesThem() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address), storage: storage)
        manager.scrapeAllOnce(at: 1_000_000)
        try manager.apply(try ScrapeTestKit.config("""
            scrape_configs:
              - job_name: fixture
                scrape_interval: 30s
                scrape_timeout: 20s
                static_configs: [{targets: ["\(target.address)"]}]
            """), baseDirectory: ".")
        let health = try XCTUnwrap(manager.activeTargets().first)
        XCTAssertEqual(health.scrapeInterval, "30s")
        XCTAssertEqual(health.scrapeTimeout, "20s")
        manager.scrapeAllOnce(at: 1_030_000)
        XCTAssertEqual(target.requests.last?.header("X-Prometheus-Scrape-Timeout-Seconds").flatMap(Double.init), 20)
        // The series continued across the reload: no staleness marker in between.
        let xs = try ScrapeTestKit.samples(storage, "x").first?.1 ?? []
        XCTAssertEqual(xs.map(\.t), [1_000_000, 1_030_000])
        XCTAssertFalse(xs.contains { isStaleNaN($0.v) })
    }
}
