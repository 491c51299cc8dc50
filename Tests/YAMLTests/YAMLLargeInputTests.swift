import XCTest
@testable import YAML

/// A 20 MB input must parse (or fail with a clear limit error), never crash.
final class YAMLLargeInputTests: XCTestCase {
    private func prometheusConfig(minimumBytes: Int) -> String {
        var out = "global:\n  scrape_interval: 15s\nscrape_configs:\n"
        var job = 0
        while out.utf8.count < minimumBytes {
            out += """
              - job_name: "job-\(job)"
                scrape_interval: 30s
                metrics_path: /metrics
                static_configs:
                  - targets: ['host-\(job)-a:9100', 'host-\(job)-b:9100']
                    labels: {team: "t\(job % 7)", env: prod}
                relabel_configs:
                  - source_labels: [__address__]
                    regex: '(.*):9100'
                    target_label: instance
                    replacement: '$1'

            """
            job += 1
        }
        return out
    }

    func testTwentyMegabyteFile() throws {
        let text = prometheusConfig(minimumBytes: 20 << 20)
        let input = YAMLInput(name: "big.yml", text: text)
        XCTAssertGreaterThanOrEqual(input.bytes.count, 20 << 20)
        let docs = try YAMLParser().parse(input)
        let jobs = try XCTUnwrap(docs.first?.root["scrape_configs"]?.sequence)
        XCTAssertGreaterThan(jobs.count, 40_000)
        let last = try XCTUnwrap(jobs.last)
        XCTAssertEqual(last["job_name"]?.scalarValue, "job-\(jobs.count - 1)")
        XCTAssertEqual(last.location.line, 3 + (jobs.count - 1) * 11 + 1)

        let limited = YAMLParser(limits: YAMLLimits(maxBytes: 16 << 20)).parseCollectingDiagnostics(input)
        XCTAssertEqual(limited.diagnostics.map(\.code), [YAMLDiagnosticCode.tooLarge])
        XCTAssertTrue(limited.documents.isEmpty)
    }
}
