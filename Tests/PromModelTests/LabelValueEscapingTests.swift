import PromModel
import XCTest

final class LabelValueEscapingTests: XCTestCase {
    func testBackslashNewlineAndQuoteAreEscaped() {
        XCTAssertEqual(Labels.escapeValue("plain"), "plain")
        XCTAssertEqual(Labels.escapeValue("a\\b\nc\"d"), "a\\\\b\\nc\\\"d")
        XCTAssertEqual(Labels.escapeValue("\r\n"), "\r\\n")
    }
}
