import Foundation
import XCTest
@testable import Runtime

/// `test rules` on float results off by rounding (the `fuzzy_compare` hint) and on paths that are
/// not test files (a directory, a device).
final class RuleTestReadingAndHintTests: XCTestCase {
    static func testFile(fuzzy: Bool, expected: String) -> String {
        """
        \(fuzzy ? "fuzzy_compare: true\n" : "")tests:
          - input_series:
              - series: a
                values: 0.1
            promql_expr_test:
              - expr: a + 0.2
                eval_time: 0s
                exp_samples:
                  - labels: '{}'
                    value: \(expected)

        """
    }

    private func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ruletest-\(UUID().uuidString).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testLastDigitDifferenceHintsAtFuzzyCompare() throws {
        let exact = RuleTestRunner().run(path: try write(Self.testFile(fuzzy: false, expected: "0.3")))
        XCTAssertEqual(exact.failures.count, 1, "\(exact.fileErrors)")
        XCTAssertTrue(exact.failures.first?.contains("fuzzy_compare: true") ?? false, "\(exact.failures)")
        let fuzzy = RuleTestRunner().run(path: try write(Self.testFile(fuzzy: true, expected: "0.3")))
        XCTAssertEqual(fuzzy.failures, [])
        let wrong = RuleTestRunner().run(path: try write(Self.testFile(fuzzy: false, expected: "0.4")))
        XCTAssertEqual(wrong.failures.count, 1)
        XCTAssertFalse(wrong.failures.first?.contains("fuzzy_compare") ?? true, "no hint when values really differ")
    }

    func testDirectoryAndDeviceAreNamed() {
        let directory = RuleTestRunner().run(path: FileManager.default.temporaryDirectory.path)
        XCTAssertTrue(directory.fileErrors.first?.contains("is a directory") ?? false, "\(directory.fileErrors)")
        let device = RuleTestRunner().run(path: "/dev/null")
        XCTAssertTrue(device.fileErrors.first?.contains("not a regular file") ?? false, "\(device.fileErrors)")
    }
}
