import ConfigModel
import PromModel
import XCTest

/// `amtool config routes test` label arguments: amtool 0.25's grammar, then the UTF-8 one; `=` only.
final class AlertmanagerMatcherArgumentTests: XCTestCase {
    private let parser = AlertmanagerMatcherParser()

    func testClassicArgumentsWithSpacesQuotesAndEscapes() throws {
        XCTAssertEqual(try parser.parseLabelArgument("service=database"), Label("service", "database"))
        XCTAssertEqual(try parser.parseLabelArgument("  team = \"a b\" "), Label("team", "a b"))
        XCTAssertEqual(try parser.parseLabelArgument(#"msg="x\"y\\z\n""#), Label("msg", "x\"y\\z\n"))
        XCTAssertEqual(try parser.parseClassicArgument("a=~b.*").type, .regexMatch)
    }

    func testUTF8FallbackAndRejections() throws {
        XCTAssertEqual(try parser.parseLabelArgument(#""héllo wörld"="v""#), Label("héllo wörld", "v"))
        XCTAssertThrowsError(try parser.parseLabelArgument("a!=b")) { error in
            XCTAssertEqual((error as? AlertmanagerMatcherParser.ParseError)?.message,
                           "labels must be specified as key=value pairs")
        }
        XCTAssertThrowsError(try parser.parseLabelArgument("=b")) { error in
            XCTAssertEqual((error as? AlertmanagerMatcherParser.ParseError)?.message, "bad matcher format: =b")
        }
        XCTAssertThrowsError(try parser.parseLabelArgument(#"a="b"c""#)) { error in
            XCTAssertEqual((error as? AlertmanagerMatcherParser.ParseError)?.message,
                           #"matcher value contains unescaped double quote: "b"c""#)
        }
    }
}
