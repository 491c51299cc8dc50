import Diagnostics
import XCTest

final class XMLEscapingTests: XCTestCase {
    func testTextKeepsQuotesAndAttributesEscapeThem() {
        XCTAssertEqual(XMLEscaping.text("a<b>&\"c'\n\t\r"), "a&lt;b&gt;&amp;\"c'\n\t&#13;")
        XCTAssertEqual(XMLEscaping.attribute("a<b>&\"c'\n\t"), "a&lt;b&gt;&amp;&quot;c&apos;&#10;&#9;")
        XCTAssertEqual(XMLEscaping.quotedAttribute("x"), "\"x\"")
    }

    func testCharactersXMLForbidsBecomeReplacementCharacters() {
        XCTAssertEqual(XMLEscaping.text("a\u{0}b\u{1B}c\u{FFFE}d"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        XCTAssertEqual(XMLEscaping.text("ñ 😀"), "ñ 😀")
    }
}
