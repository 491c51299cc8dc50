import PromQL
import XCTest

/// Every `eval` expression of the upstream scripts parses (all experimental features on) and
/// printing it gives text that parses back to the same tree.
final class ConformanceTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    func testEveryEvalExpressionParses() throws {
        let cases = try ConformanceCorpus.load()
        XCTAssertGreaterThan(cases.count, 2000)
        var failures: [String] = []
        for c in cases {
            do {
                _ = try parser.parseExpr(c.expr)
            } catch {
                failures.append("\(c.file):\(c.line): \(c.expr) → \(error)")
            }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
    }

    func testPrintThenParseGivesTheSameTree() throws {
        let cases = try ConformanceCorpus.load()
        var failures: [String] = []
        for c in cases {
            guard let tree = try? parser.parseExpr(c.expr) else { continue }
            let printed = tree.description
            do {
                let again = try parser.parseExpr(printed)
                if !again.structurallyEquals(tree) {
                    failures.append("\(c.file):\(c.line): \(c.expr)\n   printed: \(printed)")
                }
            } catch {
                failures.append("\(c.file):\(c.line): \(c.expr)\n   printed: \(printed)\n   error: \(error)")
            }
        }
        XCTAssertEqual(failures.count, 0, failures.prefix(30).joined(separator: "\n"))
    }
}
