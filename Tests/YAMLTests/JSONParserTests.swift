import Diagnostics
import XCTest
@testable import YAML

final class JSONParserTests: XCTestCase {
    private func error(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try JSONParser(limits: limits).parse(text, file: "d.json")
            return nil
        } catch {
            return error as? YAMLError
        }
    }

    func testTreeAndPositions() throws {
        let text = "{\n\t\"title\": \"Node\",\n\t\"panels\": [\n\t\t{\"id\": 1, \"ok\": true, \"x\": null, \"f\": -1.5e3}\n\t]\n}\n"
        let root = try JSONParser().parse(text, file: "d.json")
        XCTAssertEqual(root.location, SourceLocation(file: "d.json", line: 1, column: 1))
        XCTAssertEqual(root.mapping?.map { $0.key.scalarValue }, ["title", "panels"])
        let title = try XCTUnwrap(root["title"])
        XCTAssertEqual(title.scalarValue, "Node")
        XCTAssertEqual(title.resolvedType, .string)
        XCTAssertEqual(title.location, SourceLocation(file: "d.json", line: 2, column: 11))
        let panel = try XCTUnwrap(root["panels"]?[0])
        XCTAssertEqual(panel.location, SourceLocation(file: "d.json", line: 4, column: 3))
        XCTAssertEqual(panel["id"]?.resolvedType, .int)
        XCTAssertEqual(panel["ok"]?.resolvedType, .bool)
        XCTAssertEqual(panel["x"]?.isNull, true)
        XCTAssertEqual(panel["f"]?.resolvedType, .float)
        XCTAssertEqual(panel["f"]?.location.column, 41)
    }

    func testSameTreeAsYAML() throws {
        let text = "{\"a\": [1, \"two\", {\"b\": false}], \"c\": \"\\u00e9\\n\"}"
        let fromJSON = try JSONParser().parse(text)
        let fromYAML = try XCTUnwrap(try YAMLParser().parse(text).first?.root)
        XCTAssertTrue(fromJSON.isEquivalent(to: fromYAML))
    }

    func testStringEscapesAndUnicodeColumns() throws {
        let root = try JSONParser().parse("{\"ñ\": \"\\ud83c\\udf89 \\\"q\\\" \\/\", \"z\": 1}")
        XCTAssertEqual(root["ñ"]?.scalarValue, "🎉 \"q\" /")
        XCTAssertEqual(root["z"]?.location.column, 37)
    }

    func testSyntaxErrors() {
        let cases: [(String, Int)] = [
            ("{\"a\": 1,}", 9), ("[1, 2,]", 7), ("{'a': 1}", 2), ("[01]", 3), ("[1.]", 4), ("[NaN]", 2),
            ("{\"a\" 1}", 6), ("[\"unterminated", 15), ("[\"bad \\x\"]", 7), ("// c\n{}", 1), ("{} x", 4),
            ("", 1), ("[\"\\ud800\"]", 9), ("[\"a\nb\"]", 4), ("[tru]", 2),
        ]
        for (text, column) in cases {
            let e = error(text)
            XCTAssertEqual(e?.code, JSONDiagnosticCode.syntax, text)
            XCTAssertEqual(e?.location?.column, column, "\(text): \(String(describing: e))")
        }
    }

    func testDuplicateKeysReportedWithBothPositions() throws {
        let e = try XCTUnwrap(error("{\"a\": 1,\n \"b\": 2,\n \"a\": 3, \"b\": 4}"))
        XCTAssertEqual(e.diagnostics.count, 2)
        XCTAssertEqual(e.diagnostics[0].code, JSONDiagnosticCode.duplicateKey)
        XCTAssertEqual(e.diagnostics[0].location, SourceLocation(file: "d.json", line: 3, column: 2))
        XCTAssertEqual(e.diagnostics[0].notes.first?.location, SourceLocation(file: "d.json", line: 1, column: 2))
    }

    func testLimits() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        XCTAssertEqual(error(deep)?.code, JSONDiagnosticCode.depthLimit)
        XCTAssertEqual(error("[1, 2, 3]", limits: YAMLLimits(maxBytes: 4))?.code, JSONDiagnosticCode.tooLarge)
        XCTAssertEqual(error("[1, 2, 3]", limits: YAMLLimits(maxNodes: 3))?.code, JSONDiagnosticCode.tooLarge)
    }

    func testInvalidUTF8() throws {
        let input = YAMLInput(name: "d.json", bytes: Array("{\"a\":\n \"".utf8) + [0xE2, 0x82] + Array("\"}".utf8))
        let result = JSONParser().parseCollectingDiagnostics(input)
        XCTAssertEqual(result.diagnostics.first?.code, JSONDiagnosticCode.invalidUTF8)
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: "d.json", line: 2, column: 3))
    }

    // MARK: - Writer

    func testJSONWriterIsStableAndReadable() throws {
        let node = try XCTUnwrap(try YAMLParser().parse("b: [1, 0x10, 2.50, .inf, true, ~, 'x\"y']\na: {}\n").first?.root)
        let json = JSONWriter().write(node)
        XCTAssertEqual(json, """
        {
          "b": [
            1,
            16,
            2.5,
            ".inf",
            true,
            null,
            "x\\"y"
          ],
          "a": {}
        }

        """)
        XCTAssertEqual(JSONWriter(pretty: false).write(node), "{\"b\":[1,16,2.5,\".inf\",true,null,\"x\\\"y\"],\"a\":{}}")
        XCTAssertNoThrow(try JSONParser().parse(json))
    }
}
