import ConfigModel
import PromModel
import XCTest

final class AlertmanagerMatcherParserTests: XCTestCase {
    let parser = AlertmanagerMatcherParser()

    func testUTF8GrammarAcceptsQuotedAndUnquotedForms() throws {
        let cases: [(String, [String])] = [
            (#"a="b""#, [#"a="b""#]),
            (#"{a="b", c=~"x|y",}"#, [#"a="b""#, #"c=~"x|y""#]),
            ("foo!=bar", [#"foo!="bar""#]),
            (#""service.name"!~"api.*""#, [#"{"service.name"}!~"api.*""#]),
            ("", []),
        ]
        for (text, want) in cases {
            let result = try parser.parse(text)
            XCTAssertFalse(result.usedClassicFallback, text)
            XCTAssertEqual(result.matchers.map(\.description).count, want.count, text)
        }
        XCTAssertEqual(try parser.parseUTF8(#"c=~"x|y""#).first?.type, .regexMatch)
        XCTAssertTrue(try parser.parseUTF8(#"c=~"x|y""#).first?.matches("y") ?? false)
    }

    func testClassicFallbackIsReported() throws {
        let result = try parser.parse("summary=hello world")
        XCTAssertTrue(result.usedClassicFallback)
        XCTAssertEqual(result.matchers.first?.value, "hello world")
    }

    func testErrors() {
        for text in [#"a="b"#, #"a=~"(x""#, "=b", #"a=="b""#] {
            XCTAssertThrowsError(try parser.parse(text), text)
        }
        XCTAssertThrowsError(try parser.parseClassic(#"a=b"c"#)) { error in
            XCTAssertTrue("\(error)".hasPrefix("matcher value contains unescaped double quote"))
        }
    }
}
