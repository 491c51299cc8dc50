import XCTest
import Diagnostics
@testable import ConfigModel

private struct NoEmptyName: LintRule {
    static let code = "test/no-empty-name"
    static let summary = "names must not be empty"
    func check(_ subject: [String]) -> [Diagnostic] {
        subject.filter(\.isEmpty).map { _ in .warning(Self.code, "empty name") }
    }
}

private struct NoUppercase: LintRule {
    static let code = "test/no-uppercase"
    static let summary = "names are lower case"
    func check(_ subject: [String]) -> [Diagnostic] {
        subject.filter { $0 != $0.lowercased() }.map { .warning(Self.code, "upper case in \($0)") }
    }
}

final class LintSuiteTests: XCTestCase {
    func testSuiteRunsEveryLintInOrderAndDescribesThem() {
        let suite = LintSuite<[String]>([NoEmptyName.self, NoUppercase.self])
        XCTAssertEqual(suite.descriptions.map(\.code), ["test/no-empty-name", "test/no-uppercase"])
        let found = suite.run(["", "Api", "ok"])
        XCTAssertEqual(found.map(\.code), ["test/no-empty-name", "test/no-uppercase"])
        XCTAssertEqual(found.last?.message, "upper case in Api")
        XCTAssertTrue(suite.run(["ok"]).isEmpty)
    }
}
