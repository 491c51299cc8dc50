import ConfigModel
import Foundation
import XCTest
@testable import labctl

private enum ConfigModelLintSections {
    static var all: [LintCatalog.Section] { LintCatalog.sections }
}

/// `labctl check lints` lists the catalogue generated from the lint types.
final class CheckLintsCommandTests: XCTestCase {
    func testTextListsEverySectionWithUniqueCodes() throws {
        let sections = ConfigModelLintSections.all
        XCTAssertFalse(sections.isEmpty)
        let text = CheckLintsCommand.text(sections)
        for code in ["rules/rate-on-non-counter", "am-lint/unused-receiver", "compose-lint/latest-tag",
                     "grafana-lint/rate-interval", "lab/localhost-target", "prom-config/too-long-scrape-interval"] {
            XCTAssertTrue(text.contains(code), code)
        }
        let codes = sections.flatMap { $0.lints.map(\.code) }
        XCTAssertEqual(codes.count, Set(codes).count, "lint codes must be unique")
    }

    func testJSONIsWellFormed() throws {
        let json = CheckLintsCommand.json(ConfigModelLintSections.all)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, ConfigModelLintSections.all.count)
        XCTAssertEqual(parsed?.first?["command"] as? String, "labctl check config")
    }
}
