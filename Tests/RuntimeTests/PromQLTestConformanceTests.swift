import Foundation
import XCTest
@testable import Runtime

/// Runs Prometheus's PromQL test scripts from ../shared/conformance/promql/testdata (skipped when absent)
/// (native-histogram evals included), and checks that no file passes fewer evals than its recorded
/// baseline. Raise the baseline as the engine improves; a drop is a regression.
final class PromQLTestConformanceTests: XCTestCase {
    /// Minimum passed evals per file (no evals skipped), recorded with the engine as merged.
    static let baseline: [String: Int] = [
        "aggregators.test": 160,
        "at_modifier.test": 78,
        "collision.test": 2,
        "duration_expression.test": 59,
        "extended_vectors.test": 169,
        "fill-modifier.test": 46,
        "functions.test": 431,
        "histograms.test": 185,
        "info.test": 53,
        "limit.test": 37,
        "literals.test": 25,
        "name_label_dropping.test": 30,
        "native_histograms.test": 522,
        "operators.test": 214,
        "range_queries.test": 18,
        "selectors.test": 31,
        "staleness.test": 17,
        "start_timestamps.test": 26,
        "subquery.test": 34,
        "trig_functions.test": 19,
        "type_and_unit.test": 58,
    ]

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/conformance/promql/testdata")

    func testConformanceScriptsDoNotRegress() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.directory.path) else {
            throw XCTSkip("conformance scripts not found at \(Self.directory.path)")
        }
        let files = names.filter { $0.hasSuffix(".test") }.sorted()
        guard !files.isEmpty else { throw XCTSkip("no conformance scripts in \(Self.directory.path)") }
        let runner = PromQLTestRunner(options: .init(skipNativeHistograms: false))
        var lines: [String] = []
        for name in files {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            let script: PromQLTestScript
            do {
                script = try PromQLTestParser().parse(text, file: name)
            } catch {
                XCTFail("\(name) does not parse: \(error)")
                continue
            }
            let report = runner.run(script)
            lines.append(report.summaryLine)
            if let minimum = Self.baseline[name] {
                XCTAssertGreaterThanOrEqual(report.passed, minimum, "\(name) regressed: \(report.summaryLine)")
            }
            XCTAssertEqual(report.passed + report.failed + report.skipped, script.evals.count, name)
        }
        print(lines.joined(separator: "\n"))
    }
}
