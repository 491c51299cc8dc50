import PromQL
import XCTest

final class PrinterTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    func testCanonicalForms() throws {
        let cases: [(String, String)] = [
            ("sum(rate(x[300]))by(job)", "sum by (job) (rate(x[5m]))"),
            ("topk(3,x)", "topk(3, x)"),
            ("a+on(b)group_left(c)d", "a + on (b) group_left (c) d"),
            ("a > bool 1", "a > bool 1"),
            ("x{b=\"2\",a=\"1\"}", "x{a=\"1\",b=\"2\"}"),
            ("x offset -5m @ 100", "x @ 100.000 offset -5m"),
            ("x[5m:]", "x[5m:]"),
            ("-1e3 + 0x10", "-1000 + 16"),
            ("{\"my.metric\", \"a.b\"=\"c\"}", "{\"a.b\"=\"c\",__name__=\"my.metric\"}"),
            ("x[5m+1m]", "x[5m + 1m]"),
            ("x offset (step()*2)", "x offset (step() * 2)"),
            ("a + fill_left(1) fill_right(2) b", "a + fill_left (1) fill_right (2) b"),
            ("'a\\tb'", "\"a\\tb\""),
            ("1e-7", "0.0000001"),
        ]
        for (input, expected) in cases {
            let tree = try parser.parseExpr(input)
            XCTAssertEqual(tree.description, expected, input)
            XCTAssertTrue(try parser.parseExpr(tree.description).structurallyEquals(tree), input)
        }
    }

    func testInvalidUTF8EscapesKeepTheirBytes() throws {
        guard case .string(let s) = try parser.parseExpr("\"a\\xc5z\"") else { return XCTFail("not a string") }
        XCTAssertEqual(s.invalidUTF8, [0x61, 0xC5, 0x7A])
        XCTAssertEqual(s.goQuoted, "\"a\\xc5z\"")
        let tree = try parser.parseExpr("count_values(\"a\\305\\u00e9\", x)")
        XCTAssertEqual(tree.description, "count_values(\"a\\xc5é\", x)")
        XCTAssertTrue(try parser.parseExpr(tree.description).structurallyEquals(tree))
        guard case .string(let valid) = try parser.parseExpr("\"\\xc3\\xa9\"") else { return XCTFail("not a string") }
        XCTAssertNil(valid.invalidUTF8)
        XCTAssertEqual(valid.value, "é")
    }

    func testTreeShape() throws {
        guard case .binary(let b) = try parser.parseExpr("2 ^ 3 ^ 2") else { return XCTFail("not binary") }
        guard case .binary(let rhs) = b.rhs else { return XCTFail("^ must be right-associative") }
        XCTAssertEqual(rhs.op, .pow)
        guard case .unary(let u) = try parser.parseExpr("-a ^ 2") else { return XCTFail("not unary") }
        guard case .binary = u.expr else { return XCTFail("-a ^ 2 is -(a ^ 2)") }
        guard case .matrixSelector(let m) = try parser.parseExpr("x[5m] offset 1m") else { return XCTFail() }
        XCTAssertEqual(m.range.constantMilliseconds, 300_000)
        XCTAssertEqual(m.vectorSelector.offsetMilliseconds, 60_000)
        XCTAssertEqual(try parser.parseExpr("x[5m] offset 1m").span, SourceSpan(start: 0, end: 15))
    }
}
