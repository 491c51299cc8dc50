import PromQL
import XCTest

final class LexerTests: XCTestCase {
    func kinds(_ s: String) -> [TokenKind] { Lexer.tokenize(s).tokens.map(\.kind) }

    func testTokens() {
        XCTAssertEqual(kinds("sum by (a) (rate(x{a=~\"b\"}[5m:1m]))"),
                       [.sum, .by, .leftParen, .identifier, .rightParen, .leftParen, .identifier, .leftParen,
                        .identifier, .leftBrace, .identifier, .eqlRegex, .string, .rightBrace, .leftBracket,
                        .duration, .colon, .duration, .rightBracket, .rightParen, .rightParen, .eof])
        XCTAssertEqual(kinds("a:b offset -1h30m @ start()"),
                       [.metricIdentifier, .offset, .sub, .duration, .at, .start, .leftParen, .rightParen, .eof])
        XCTAssertEqual(kinds("0x1F 1_000 1e3 .5 Inf NaN # c"), [.number, .number, .number, .number, .number,
                                                               .number, .comment, .eof])
        XCTAssertEqual(kinds("a >/ 1 </ 2 != 3"), [.identifier, .trimLower, .number, .trimUpper, .number, .neq,
                                                   .number, .eof])
        XCTAssertEqual(kinds("{on=\"x\", AND=\"y\"}"), [.leftBrace, .identifier, .assign, .string, .comma,
                                                      .identifier, .assign, .string, .rightBrace, .eof])
    }

    func testErrorsStopLexing() {
        let (tokens, error) = Lexer.tokenize("foo{a=\"b\"")
        XCTAssertEqual(tokens.last?.kind, .error)
        XCTAssertEqual(error, "unexpected end of input inside braces")
        XCTAssertEqual(Lexer.tokenize("foo[5m").error, "unexpected end of input in duration expression")
        XCTAssertEqual(Lexer.tokenize("\"\\xZZ\"").error, "illegal character U+005A 'Z' in escape sequence")
    }
}
