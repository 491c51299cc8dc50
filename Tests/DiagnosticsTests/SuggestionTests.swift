import XCTest
@testable import Diagnostics

final class SuggestionTests: XCTestCase {
    func testSuggestsCloseKeys() {
        let keys = ["scrape_interval", "scrape_timeout", "evaluation_interval", "external_labels"]
        XCTAssertEqual(Suggestion.closest(to: "scrape_intervl", in: keys), "scrape_interval")
        XCTAssertEqual(Suggestion.closest(to: "scrap_timeout", in: keys), "scrape_timeout")
        XCTAssertNil(Suggestion.closest(to: "completely_else", in: keys))
        XCTAssertEqual(Suggestion.didYouMean("--formt", in: ["--format", "--lint"]), " (did you mean \"--format\"?)")
    }

    func testEditDistance() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("ab", "ba"), 1)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("abc", "xyz", limit: 1), 2)
    }
}
