import Foundation
import PromQL
import XCTest

/// Bad input never crashes the parser, deep nesting is an error and parsing stays linear.
final class RobustnessTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    func parseQuietly(_ text: String) -> Bool {
        (try? parser.parseExpr(text)) != nil
    }

    func testTruncatedAndMutatedConformanceExpressionsNeverCrash() throws {
        let cases = try ConformanceCorpus.load()
        let replacements: [Character] = ["(", "]", "\"", " ", "-", "{", "é"]
        var parsed = 0, rejected = 0
        let start = Date()
        for (n, c) in cases.enumerated() {
            let chars = Array(c.expr)
            for cut in 0..<chars.count {
                if parseQuietly(String(chars[..<cut])) { parsed += 1 } else { rejected += 1 }
                var mutated = chars
                mutated[cut] = replacements[(n + cut) % replacements.count]
                if parseQuietly(String(mutated)) { parsed += 1 } else { rejected += 1 }
                var dropped = chars
                dropped.remove(at: cut)
                if parseQuietly(String(dropped)) { parsed += 1 } else { rejected += 1 }
            }
        }
        XCTAssertGreaterThan(parsed + rejected, 100_000)
        XCTAssertGreaterThan(rejected, 10_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "robustness sweep took too long")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        for text in [String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
                     String(repeating: "-", count: 5000) + "foo",
                     String(repeating: "sum(", count: 3000) + "foo" + String(repeating: ")", count: 3000),
                     String(repeating: "abs(", count: 3000) + "foo" + String(repeating: ")", count: 3000),
                     Array(repeating: "a", count: 5000).joined(separator: " ^ "),
                     "foo[" + Array(repeating: "1m", count: 20000).joined(separator: "+") + "]"] {
            XCTAssertThrowsError(try parser.parseExpr(text)) { error in
                XCTAssertTrue("\(error)".contains("nesting too deep"), "\(error)".prefix(200).description)
            }
        }
        let ok = String(repeating: "(", count: 990) + "1" + String(repeating: ")", count: 990)
        XCTAssertNoThrow(try parser.parseExpr(ok))
        XCTAssertNoThrow(try parser.parseExpr("-" + String(repeating: "(-", count: 490) + "foo" + String(repeating: ")", count: 490)))
    }

    func testParseTimeGrowsLinearly() throws {
        func matchers(_ n: Int) -> String {
            "foo{" + (0..<n).map { "l\($0)=\"v\($0)\"" }.joined(separator: ",") + "}"
        }
        func args(_ n: Int) -> String {
            "label_join(x, \"d\", \",\"" + (0..<n).map { ", \"s\($0)\"" }.joined() + ")"
        }
        func time(_ text: String) -> TimeInterval {
            let start = Date()
            for _ in 0..<3 { _ = try? parser.parseExpr(text) }
            return Date().timeIntervalSince(start)
        }
        for make in [matchers, args] {
            let small = time(make(2000)), large = time(make(16000))
            XCTAssertLessThan(large, small * 24 + 0.05, "8x input took \(large / max(small, 1e-9))x time")
        }
        let long = "\"" + String(repeating: "ab\\n", count: 50000) + "\""
        XCTAssertNoThrow(try parser.parseExpr(long))
    }
}
