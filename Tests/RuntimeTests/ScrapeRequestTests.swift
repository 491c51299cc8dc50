import Exposition
import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// What the scraper sends (path, params, auth, Accept) and how it reads replies (gzip, formats,
/// time-outs, limits, broken bodies), against labctl's own HTTP server.
final class ScrapeRequestTests: XCTestCase {
    private let t: Int64 = 1_000_000

    private func scrapeOnce(_ target: ScrapeFixtureTarget, _ extra: String = "", storage: MemoryStorage = MemoryStorage(),
                            directory: String = ".") throws -> ScrapeResult {
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(target.address, extra), storage: storage, directory: directory)
        return try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
    }

    func testMetricsPathParamsAndAcceptHeader() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let result = try scrapeOnce(target, """
            metrics_path: /probe
            params:
              module: [http_2xx]
              target: ["a b"]
            """)
        XCTAssertNil(result.error)
        let request = try XCTUnwrap(target.requests.first)
        XCTAssertEqual(request.path, "/probe")
        XCTAssertEqual(request.queryItems.map(\.name), ["module", "target"])
        XCTAssertEqual(request.queryItems.map(\.value), ["http_2xx", "a b"])
        let accept = try XCTUnwrap(request.header("Accept"))
        XCTAssertTrue(accept.hasPrefix("application/openmetrics-text"), accept)
        XCTAssertTrue(accept.contains("text/plain;version=0.0.4"), accept)
        XCTAssertEqual(request.header("Accept-Encoding"), "gzip")
        XCTAssertNotNil(request.header("X-Prometheus-Scrape-Timeout-Seconds"))
        XCTAssertNil(request.header("Authorization"))
    }

    func testBasicAuthAndBearerTokens() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let dir = try ScrapeTestKit.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("s3cret\n".utf8).write(to: dir.appendingPathComponent("password"))
        try Data("tok-file\n".utf8).write(to: dir.appendingPathComponent("token"))
        let cases: [(String, String)] = [
            ("basic_auth: {username: alice, password: pw}", "Basic " + Data("alice:pw".utf8).base64EncodedString()),
            ("basic_auth: {username: bob, password_file: password}", "Basic " + Data("bob:s3cret".utf8).base64EncodedString()),
            ("bearer_token: tok-inline", "Bearer tok-inline"),
            ("bearer_token_file: token", "Bearer tok-file"),
            ("authorization: {credentials: abc}", "Bearer abc"),
            ("authorization: {type: Token, credentials_file: token}", "Token tok-file"),
        ]
        for (index, (yaml, header)) in cases.enumerated() {
            XCTAssertNil(try scrapeOnce(target, yaml, directory: dir.path).error, yaml)
            XCTAssertEqual(target.requests.count, index + 1)
            XCTAssertEqual(target.requests.last?.header("Authorization"), header, yaml)
        }
        // A missing credentials file is a configuration error, not a silent unauthenticated scrape.
        XCTAssertThrowsError(try scrapeOnce(target, "bearer_token_file: missing", directory: dir.path)) { error in
            XCTAssertTrue("\(error)".contains("cannot read credentials file"), "\(error)")
        }
    }

    func testHTTPSIsAClearError() throws {
        let manager = ScrapeManager(storage: MemoryStorage())
        XCTAssertThrowsError(try manager.apply(try ScrapeTestKit.config(ScrapeTestKit.job("127.0.0.1:1", "scheme: https")),
                                               baseDirectory: ".")) { error in
            XCTAssertEqual("\(error)", "job \"fixture\": scheme \"https\" is not supported by labctl serve (only http)")
        }
        // A target relabelled to https fails its scrapes with the same words.
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        let result = try scrapeOnce(target, """
            relabel_configs:
              - target_label: __scheme__
                replacement: https
            """)
        XCTAssertEqual(result.error, "scheme \"https\" is not supported (only http)")
        XCTAssertTrue(target.requests.isEmpty)
    }

    func testSlowTargetTimesOut() throws {
        let target = try ScrapeFixtureTarget(text: "x 1\n")
        defer { target.stop() }
        target.update { $0.delay = 1.5 }
        let storage = MemoryStorage()
        let manager = try ScrapeTestKit.manager("""
            scrape_configs:
              - job_name: slow
                scrape_interval: 1s
                scrape_timeout: 300ms
                static_configs: [{targets: ["\(target.address)"]}]
            """, storage: storage)
        let started = Date()
        let result = try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.4)
        XCTAssertEqual(result.error, "Get \"http://\(target.address)/metrics\": context deadline exceeded")
        XCTAssertEqual(try ScrapeTestKit.value(storage, "up", at: t), 0)
        XCTAssertTrue(manager.activeTargets().first?.lastError.contains("deadline exceeded") == true)
        XCTAssertEqual(target.requests.first?.header("X-Prometheus-Scrape-Timeout-Seconds").flatMap(Double.init), 0.3)
    }

    func testGzipBodies() throws {
        let text = (0..<200).map { "g{i=\"\($0)\"} \($0)" }.joined(separator: "\n") + "\n"
        let target = try ScrapeFixtureTarget()
        defer { target.stop() }
        var bodies = [ScrapeTestKit.gzipStored(Array(text.utf8))]
        if let real = try ScrapeTestKit.gzipTool(Array(text.utf8)) { bodies.append(real) }
        for body in bodies {
            target.update { $0.body = body; $0.headers = [("Content-Encoding", "gzip")] }
            let storage = MemoryStorage()
            let result = try scrapeOnce(target, storage: storage)
            XCTAssertNil(result.error)
            XCTAssertEqual(result.samplesScraped, 200)
            XCTAssertEqual(try ScrapeTestKit.value(storage, "g{i=\"199\"}", at: t), 199)
        }
        // A corrupt gzip body fails the scrape, it does not crash.
        target.update { $0.body = [0x1F, 0x8B, 8, 0] + Array(repeating: 0xAB, count: 100) }
        let broken = try scrapeOnce(target)
        XCTAssertNotNil(broken.error)
    }

    func testBothFormatsAreParsed() throws {
        let target = try ScrapeFixtureTarget()
        defer { target.stop() }
        target.update {
            $0.contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"
            $0.body = Array("# TYPE jobs counter\njobs_total{kind=\"a\"} 3\n# TYPE temp gauge\ntemp 1.5\n# EOF\n".utf8)
        }
        let storage = MemoryStorage()
        let om = try scrapeOnce(target, storage: storage)
        XCTAssertNil(om.error)
        XCTAssertEqual(om.format, ExpositionFormat.openMetrics.rawValue)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "jobs_total", at: t), 3)
        XCTAssertEqual(try ScrapeTestKit.value(storage, "temp", at: t), 1.5)
        // OpenMetrics without "# EOF" is an error.
        target.update { $0.body = Array("temp 1.5\n".utf8) }
        XCTAssertNotNil(try scrapeOnce(target).error)
        // The same body as text 0.0.4 is fine.
        target.update { $0.contentType = "text/plain; version=0.0.4" }
        let text = try scrapeOnce(target)
        XCTAssertNil(text.error)
        XCTAssertEqual(text.format, ExpositionFormat.prometheusText.rawValue)
    }

    /// Clashing scraped labels move to `exported_<name>`, longer prefixes when that is taken too
    /// (Prometheus's resolveConflictingExposedLabels).
    func testHonorLabels() throws {
        let target = try ScrapeFixtureTarget(text: "m{job=\"inner\",instance=\"x\",exported_job=\"e\"} 1\n")
        defer { target.stop() }
        let off = MemoryStorage()
        XCTAssertNil(try scrapeOnce(target, "honor_labels: false", storage: off).error)
        XCTAssertEqual(try ScrapeTestKit.vector(off, "m", at: t).keys.sorted(), [
            "m{exported_exported_job=\"inner\", exported_instance=\"x\", exported_job=\"e\", instance=\"\(target.address)\", job=\"fixture\"}",
        ])
        let on = MemoryStorage()
        XCTAssertNil(try scrapeOnce(target, "honor_labels: true", storage: on).error)
        XCTAssertEqual(try ScrapeTestKit.vector(on, "m", at: t).keys.sorted(),
                       ["m{exported_job=\"e\", instance=\"x\", job=\"inner\"}"])
    }

    func testHonorTimestamps() throws {
        let target = try ScrapeFixtureTarget(text: "m 1 990000\nn 2\n")
        defer { target.stop() }
        let on = MemoryStorage()
        XCTAssertNil(try scrapeOnce(target, "honor_timestamps: true", storage: on).error)
        XCTAssertEqual(try ScrapeTestKit.samples(on, "m").first?.1.map(\.t), [990_000])
        XCTAssertEqual(try ScrapeTestKit.samples(on, "n").first?.1.map(\.t), [t])
        let off = MemoryStorage()
        XCTAssertNil(try scrapeOnce(target, "honor_timestamps: false", storage: off).error)
        XCTAssertEqual(try ScrapeTestKit.samples(off, "m").first?.1.map(\.t), [t])
    }

    func testLimitsFailTheScrape() throws {
        let target = try ScrapeFixtureTarget(text: "a{x=\"1\"} 1\na{x=\"2\"} 2\nb{long_label_name=\"vvvvvvvvvvvvvvvv\"} 3\n")
        defer { target.stop() }
        let cases: [(String, String)] = [
            ("sample_limit: 2", "sample limit exceeded"),
            ("label_limit: 2", "label_limit exceeded (metric: a, number of labels: 4, limit: 2)"),
            ("label_name_length_limit: 10",
             "label_name_length_limit exceeded (metric: b, label name: long_label_name, length: 15, limit: 10)"),
            ("label_value_length_limit: 15",
             "label_value_length_limit exceeded (metric: b, label name: long_label_name, value: \"vvvvvvvvvvvvvvvv\", length: 16, limit: 15)"),
            ("body_size_limit: 10B", "body size limit exceeded"),
        ]
        for (yaml, message) in cases {
            let storage = MemoryStorage()
            let result = try scrapeOnce(target, yaml, storage: storage)
            XCTAssertEqual(result.error, message, yaml)
            XCTAssertEqual(try ScrapeTestKit.value(storage, "up", at: t), 0, yaml)
            XCTAssertEqual(try ScrapeTestKit.vector(storage, "a", at: t), [:], yaml)
        }
        // Names and values in the message are cut to 50 characters, as Go's %.50q does.
        let long = try ScrapeFixtureTarget(text: "c{v=\"\(String(repeating: "w", count: 60))\"} 1\n")
        defer { long.stop() }
        let longManager = try ScrapeTestKit.manager(ScrapeTestKit.job(long.address, "label_value_length_limit: 30"),
                                                    storage: MemoryStorage())
        XCTAssertEqual(longManager.scrapeAllOnce(at: t).first?.error,
                       "label_value_length_limit exceeded (metric: c, label name: v, value: \"\(String(repeating: "w", count: 50))\", length: 60, limit: 30)")
        // Within the limits: fine.
        XCTAssertNil(try scrapeOnce(target, "sample_limit: 3\nlabel_limit: 4\nbody_size_limit: 1KB").error)
    }

    func testGarbageHugeAndTruncatedBodiesNeverCrash() throws {
        let target = try ScrapeFixtureTarget()
        defer { target.stop() }
        var rng = SystemRandomNumberGenerator()
        target.update { $0.body = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        XCTAssertNotNil(try scrapeOnce(target).error)
        // A huge body beyond body_size_limit fails without storing anything.
        let huge = String(repeating: "big_metric{i=\"0000000000\"} 1\n", count: 70_000)
        target.text = huge
        let storage = MemoryStorage()
        XCTAssertEqual(try scrapeOnce(target, "body_size_limit: 1MB", storage: storage).error, "body size limit exceeded")
        XCTAssertEqual(try ScrapeTestKit.vector(storage, "big_metric", at: t), [:])
        // A response cut in the middle of its body.
        let cut = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nx 1\ny ".utf8)
        let raw = try ScrapeRawListener(bytes: cut, connections: 2)
        let manager = try ScrapeTestKit.manager(ScrapeTestKit.job(raw.address), storage: MemoryStorage())
        let truncated = try XCTUnwrap(manager.scrapeAllOnce(at: t).first)
        XCTAssertTrue(truncated.error?.contains("body shorter than Content-Length") == true, truncated.error ?? "")
        // A garbage response head.
        let junk = try ScrapeRawListener(bytes: Array("SSH-2.0-OpenSSH\r\n\r\n".utf8), connections: 2)
        let junkManager = try ScrapeTestKit.manager(ScrapeTestKit.job(junk.address), storage: MemoryStorage())
        XCTAssertTrue(junkManager.scrapeAllOnce(at: t).first?.error?.contains("malformed HTTP status line") == true)
    }
}
