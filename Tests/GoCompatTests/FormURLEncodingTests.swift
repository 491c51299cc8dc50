import GoCompat
import XCTest

final class FormURLEncodingTests: XCTestCase {
    func testParseDecodesPlusAndEscapesInOrder() {
        let items = FormURLEncoding.parse("query=sum+by+(job)(up%7Bjob%3D%22a%22%7D)&match[]=a&match%5B%5D=b&empty=&flag")
        XCTAssertEqual(items.map(\.name), ["query", "match[]", "match[]", "empty", "flag"])
        XCTAssertEqual(items.map(\.value), ["sum by (job)(up{job=\"a\"})", "a", "b", "", ""])
    }

    func testMalformedEscapeSkipsOnlyThatPair() {
        let items = FormURLEncoding.parse("a=%zz&b=2&c=%4")
        XCTAssertEqual(items.map(\.name), ["b"])
        XCTAssertNil(FormURLEncoding.decode("100%", plusIsSpace: true))
    }

    func testDecodeKeepsPlusInPaths() {
        XCTAssertEqual(FormURLEncoding.decode("/a+b%20c", plusIsSpace: false), "/a+b c")
    }

    func testInvalidUTF8IsReplacedNotCrashing() {
        XCTAssertEqual(FormURLEncoding.decode("%FF", plusIsSpace: true), "\u{FFFD}")
    }

    func testEncodeRoundTrips() {
        let text = "rate(x{a=~\"b|c\"}[5m]) / 2 ñ&="
        let encoded = FormURLEncoding.encode(text)
        XCTAssertFalse(encoded.contains(" "))
        XCTAssertFalse(encoded.contains("&"))
        XCTAssertEqual(FormURLEncoding.decode(encoded, plusIsSpace: true), text)
        XCTAssertEqual(FormURLEncoding.encode([("q", "a b"), ("t", "1")]), "q=a+b&t=1")
    }
}
