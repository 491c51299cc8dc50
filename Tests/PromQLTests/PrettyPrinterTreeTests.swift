import PromQL
import XCTest

final class PrettyPrinterTreeTests: XCTestCase {
    let parser = Parser(options: .allExperimental)

    private func tree(_ query: String) throws -> String {
        PrettyPrinter().tree(try parser.parseExpr(query), source: query)
    }

    func testKindsFieldsTypesAndRanges() throws {
        let query = "sum by (job) (rate(http_requests{code=\"500\"}[5m] offset 1m)) / on(job) group_left(env) up > bool 0.5"
        XCTAssertEqual(try tree(query), """
            BinaryExpr op=> bool <instant vector> 1:1-1:100
              BinaryExpr op=/ on=(job) group_left=(env) <instant vector> 1:1-1:89
                AggregateExpr op=sum by=(job) <instant vector> 1:1-1:60
                  Call func=rate <instant vector> 1:15-1:59
                    MatrixSelector range=5m <range vector> 1:20-1:58
                      VectorSelector name=http_requests matchers={code="500"} offset=1m <instant vector> 1:20-1:44
                VectorSelector name=up <instant vector> 1:88-1:89
              NumberLiteral value=0.5 <scalar> 1:98-1:100

            """)
    }

    func testMultiLinePositions() throws {
        let query = "topk(3,\n  sum without (instance) (\n    max_over_time(x{a=~\"b.*\"}[1h:5m] @ end())\n  ) - -y\n)"
        let output = try tree(query)
        XCTAssertEqual(output, """
            AggregateExpr op=topk <instant vector> 1:1-5:1
              NumberLiteral value=3 <scalar> 1:6-1:6
              BinaryExpr op=- <instant vector> 2:3-4:8
                AggregateExpr op=sum without=(instance) <instant vector> 2:3-4:3
                  Call func=max_over_time <instant vector> 3:5-3:45
                    SubqueryExpr range=1h step=5m @=end() <range vector> 3:19-3:44
                      VectorSelector name=x matchers={a=~"b.*"} <instant vector> 3:19-3:29
                UnaryExpr op=- <instant vector> 4:7-4:8
                  VectorSelector name=y <instant vector> 4:8-4:8

            """)
    }

    func testLiteralsParensAndStrings() throws {
        XCTAssertEqual(try tree("(label_join(up, \"x\\ty\", \",\"))"), """
            ParenExpr <instant vector> 1:1-1:29
              Call func=label_join <instant vector> 1:2-1:28
                VectorSelector name=up <instant vector> 1:13-1:14
                StringLiteral value="x\\ty" <string> 1:17-1:22
                StringLiteral value="," <string> 1:25-1:27

            """)
    }

    func testExperimentalModifiers() throws {
        let output = try tree("a + fill_left(1) fill_right(2) rate(b[5m] anchored)")
        XCTAssertTrue(output.hasPrefix("BinaryExpr op=+ fill_left=1 fill_right=2 <instant vector> 1:1-1:51\n"), output)
        XCTAssertTrue(output.contains("VectorSelector name=b anchored <instant vector>"), output)
    }
}
