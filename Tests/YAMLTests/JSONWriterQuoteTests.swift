import XCTest
@testable import YAML

final class JSONWriterQuoteTests: XCTestCase {
    func testQuoteEscapesQuotesBackslashesAndControlCharacters() {
        XCTAssertEqual(JSONWriter.quote("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}"), #""a\"b\\c\n\r\t\b\f\u0001""#)
        XCTAssertEqual(JSONWriter.quote("<a>&\u{2028}é"), "\"<a>&\u{2028}é\"")
    }

    func testQuoteEscapingHTMLLikeGo() {
        XCTAssertEqual(JSONWriter.quote("<a href=\"x\">&</a>\u{2028}\u{2029}", escapingHTML: true),
                       #""\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e\u2028\u2029""#)
        XCTAssertEqual(JSONWriter.quote("ok \u{1F}", escapingHTML: true), #""ok \u001f""#)
    }
}
