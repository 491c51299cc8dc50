import PromQL
import XCTest

/// Long left-associative chains (`a + a + … + a`) parse, as Prometheus's parser accepts them, and every
/// walk over the tree (type check, printers, position stripping, equality, hashing, traversal) handles
/// them without one stack frame per term; deep nesting stays a parse error.
final class BinaryChainTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    /// `terms` operands joined by the operators in turn: the canonical form the printer gives back.
    func chain(_ terms: Int, _ operand: (Int) -> String, _ ops: [String]) -> String {
        var out = operand(0)
        for i in 1..<terms { out += " " + ops[(i - 1) % ops.count] + " " + operand(i) }
        return out
    }

    /// Parses, prints, reparses and compares; returns the tree.
    @discardableResult
    func roundTrip(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Expr {
        let tree = try parser.parseExpr(text)
        XCTAssertEqual(tree.description, text, file: file, line: line)
        let again = try parser.parseExpr(tree.description)
        XCTAssertEqual(again, tree, file: file, line: line)
        XCTAssertTrue(again.structurallyEquals(tree), file: file, line: line)
        XCTAssertEqual(Set([tree, again]).count, 1, "equal trees hash alike", file: file, line: line)
        var nodes = 0
        tree.forEachNode { _ in nodes += 1 }
        XCTAssertGreaterThan(nodes, 0, file: file, line: line)
        return tree
    }

    func testLongChainsParseTypeCheckAndPrint() throws {
        for terms in [5_000, 20_000] {
            let plus = try roundTrip(chain(terms, { _ in "a" }, ["+"]))
            XCTAssertEqual(plus.type, .vector)
            var nodes = 0
            plus.forEachNode { _ in nodes += 1 }
            XCTAssertEqual(nodes, 2 * terms - 1)

            let and = try roundTrip(chain(terms, { "m\($0 % 7)" }, ["and"]))
            guard case .binary(let top) = and else { return XCTFail("not binary") }
            let spine = BinarySpine(top)
            XCTAssertEqual(spine.nodes.count, terms - 1)
            XCTAssertTrue(spine.nodes.allSatisfy { $0.matching?.cardinality == .manyToMany },
                          "the checker normalises every set operation of the chain")

            try roundTrip(chain(terms, { "m\($0 % 3)" }, ["or"]))
            // Mixed precedence: `*` and `/` bind tighter, `and` looser, `or` loosest.
            try roundTrip(chain(terms, { "m\($0 % 5)" }, ["+", "*", "-", "/", "and", "%", "unless", "or", "^"]))
            try roundTrip(chain(terms, { "\($0 % 9 + 1)" }, ["*", "+", "-", "/", "> bool"]))
            let scalar = try parser.parseExpr(chain(terms, { "\($0 % 9 + 1)" }, ["+", "*", "-", "/"]))
            XCTAssertEqual(scalar.type, .scalar)
        }
    }

    func testChainsWithModifiersAndParenthesesRoundTrip() throws {
        try roundTrip(chain(5_000, { "m\($0 % 4)" }, ["+ on (job) group_left (x)", "> bool", "* ignoring (a)"]))
        let inner = chain(3_000, { _ in "a" }, ["-"])
        try roundTrip("(" + inner + ") + sum(" + inner + ") / -(" + inner + ")")
    }

    func testTypeErrorsInLongChainsAreReported() {
        let string = chain(5_000, { _ in "a" }, ["+"]) + " + \"s\""
        XCTAssertThrowsError(try parser.parseExpr(string)) { error in
            XCTAssertTrue("\(error)".contains("binary expression must contain only scalar and instant vector types"),
                          "\(error)".prefix(300).description)
        }
        let scalars = chain(5_000, { _ in "1" }, ["=="])
        XCTAssertThrowsError(try parser.parseExpr(scalars)) { error in
            XCTAssertTrue("\(error)".contains("comparisons between scalars must use BOOL modifier"))
        }
        let set = chain(5_000, { _ in "a" }, ["or"]) + " or 1"
        XCTAssertThrowsError(try parser.parseExpr(set)) { error in
            XCTAssertTrue("\(error)".contains("set operator \"or\" not allowed in binary scalar expression"))
        }
    }

    func testPrettyPrintingLongChainsReparses() throws {
        let text = chain(5_000, { "metric_\($0 % 10)" }, ["+", "or"])
        let tree = try parser.parseExpr(text)
        let pretty = tree.prettyDescription
        // 2,500 `or` operands (`metric_i + metric_j`, one line each) and 2,499 operator lines, less the
        // few innermost ones that fit on one line together.
        let lines = pretty.split(separator: "\n")
        XCTAssertEqual(lines.count, 4_993)
        XCTAssertEqual(lines.last, "  metric_8 + metric_9")
        XCTAssertTrue(lines[0].hasPrefix(String(repeating: " ", count: 2 * 2_496) + "metric_0 + metric_1 or"))
        XCTAssertTrue(try parser.parseExpr(pretty).structurallyEquals(tree))
        let short = chain(500, { _ in "a" }, ["+"])
        let dump = PrettyPrinter().tree(try parser.parseExpr(short), source: short)
        XCTAssertEqual(dump.split(separator: "\n").count, 2 * 500 - 1)
    }

    func testNestingIsStillLimited() {
        let cases = [
            String(repeating: "(", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            String(repeating: "abs(", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            String(repeating: "-(", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            String(repeating: "sum(", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            String(repeating: "a + (", count: 1_000) + "a" + String(repeating: ")", count: 1_000),
            chain(2_000, { _ in "a" }, ["^"]),
        ]
        for text in cases {
            XCTAssertThrowsError(try parser.parseExpr(text)) { error in
                XCTAssertTrue("\(error)".contains("nesting too deep"), "\(error)".prefix(200).description)
            }
        }
        XCTAssertNoThrow(try parser.parseExpr(String(repeating: "a + (", count: 400) + "a"
            + String(repeating: ")", count: 400)))
    }
}
