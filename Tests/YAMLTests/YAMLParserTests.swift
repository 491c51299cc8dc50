import Diagnostics
import XCTest
@testable import YAML

final class YAMLParserTests: XCTestCase {
    private func parse(_ text: String, limits: YAMLLimits = .default) throws -> [YAMLDocument] {
        try YAMLParser(limits: limits).parse(text, file: "t.yml")
    }

    private func parseError(_ text: String, limits: YAMLLimits = .default,
                            file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
        do {
            _ = try parse(text, limits: limits)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as YAMLError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: - Positions

    func testPositionsInNestedYAML() throws {
        let text = """
        global:
          scrape_interval: 15s
        scrape_configs:
          - job_name: node
            static_configs:
              - targets: ['a:9100', "b:9100"]
        """
        let docs = try parse(text)
        XCTAssertEqual(docs.count, 1)
        let root = try XCTUnwrap(docs.first?.root)
        XCTAssertEqual(root.location, SourceLocation(file: "t.yml", line: 1, column: 1))
        let interval = try XCTUnwrap(root["global"]?["scrape_interval"])
        XCTAssertEqual(interval.scalarValue, "15s")
        XCTAssertEqual(interval.location.line, 2)
        XCTAssertEqual(interval.location.column, 20)
        XCTAssertEqual(interval.range.end.column, 23)
        let job = try XCTUnwrap(root["scrape_configs"]?[0])
        XCTAssertEqual(job.location.line, 4)
        XCTAssertEqual(job.location.column, 5)
        let name = try XCTUnwrap(job.mapping?.first?.key)
        XCTAssertEqual(name.location, SourceLocation(file: "t.yml", line: 4, column: 5))
        let targets = try XCTUnwrap(job["static_configs"]?[0]?["targets"])
        XCTAssertEqual(targets.location.line, 6)
        XCTAssertEqual(targets.location.column, 18)
        let second = try XCTUnwrap(targets[1])
        XCTAssertEqual(second.scalarValue, "b:9100")
        XCTAssertEqual(second.scalar?.style, .doubleQuoted)
        XCTAssertEqual(second.location.column, 29)
        XCTAssertEqual(targets[0]?.scalar?.style, .singleQuoted)
    }

    func testColumnsCountUnicodeScalars() throws {
        let root = try XCTUnwrap(try parse("ñandú: é\nb: 1\n").first?.root)
        XCTAssertEqual(root["ñandú"]?.location.column, 8)
        XCTAssertEqual(root["b"]?.location.line, 2)
    }

    func testScalarStylesAndTags() throws {
        let root = try XCTUnwrap(try parse("a: |\n  x\n  y\nb: >-\n  p\n  q\nc: !!str 5\nd: !secret pw\n").first?.root)
        XCTAssertEqual(root["a"]?.scalar, YAMLScalar("x\ny\n", style: .literal))
        XCTAssertEqual(root["b"]?.scalar, YAMLScalar("p q", style: .folded))
        XCTAssertEqual(root["c"]?.tag, YAMLTag.str)
        XCTAssertEqual(root["c"]?.resolvedType, .string)
        XCTAssertEqual(root["d"]?.resolvedType, .custom("!secret"))
    }

    func testMappingsKeepOrder() throws {
        let root = try XCTUnwrap(try parse("z: 1\na: 2\nm: 3\n").first?.root)
        XCTAssertEqual(root.mapping?.map { $0.key.scalarValue }, ["z", "a", "m"])
    }

    // MARK: - Documents

    func testMultipleDocuments() throws {
        let docs = try parse("a: 1\n---\nb: 2\n---\n- x\n")
        XCTAssertEqual(docs.count, 3)
        XCTAssertEqual(docs[1].root["b"]?.location.line, 3)
        XCTAssertEqual(docs[2].root[0]?.scalarValue, "x")
    }

    func testEmptyFileHasNoDocuments() throws {
        XCTAssertEqual(try parse("").count, 0)
        XCTAssertEqual(try parse("# only a comment\n\n").count, 0)
        let docs = try parse("---\n")
        XCTAssertEqual(docs.count, 1)
        XCTAssertEqual(docs.first?.root.isNull, true)
    }

    // MARK: - Aliases and merges

    func testAliasesAreExpanded() throws {
        let root = try XCTUnwrap(try parse("base: &b {x: 1, y: [2, 3]}\nuse: *b\n").first?.root)
        let use = try XCTUnwrap(root["use"])
        XCTAssertEqual(use["y"]?[1]?.scalarValue, "3")
        XCTAssertEqual(use.location.line, 2)
        XCTAssertEqual(use.location.column, 6)
        XCTAssertTrue(use.isEquivalent(to: try XCTUnwrap(root["base"])))
    }

    func testUnknownAliasIsAnError() {
        let error = parseError("a: *nope\n")
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.unknownAlias)
        XCTAssertEqual(error?.location?.line, 1)
    }

    func testMergeKeys() throws {
        let text = "base: &b\n  a: 1\n  b: 2\nother: &o\n  c: 3\nx:\n  <<: [*b, *o]\n  b: 20\n"
        let x = try XCTUnwrap(try parse(text).first?.root["x"])
        XCTAssertEqual(x.mapping?.compactMap { $0.key.scalarValue }, ["a", "c", "b"])
        XCTAssertEqual(x["b"]?.scalarValue, "20")
        XCTAssertEqual(parseError("x:\n  <<: 5\n")?.code, YAMLDiagnosticCode.invalidMerge)
    }

    func testBillionLaughsEndsInAnErrorQuickly() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let start = ContinuousClock.now
        let error = parseError(text)
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.aliasLimit)
        XCTAssertNotNil(error?.location)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
    }

    func testAliasesBelowTheLimitAreFine() throws {
        let root = try XCTUnwrap(try parse("a: &a [1, 2]\nb: [*a, *a, *a]\n").first?.root)
        XCTAssertEqual(root.treeSize, 1 + 2 + 3 + 1 + 3 * 3)
    }

    // MARK: - Limits

    func testDeepNestingHitsTheDepthLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let error = parseError(deep)
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.depthLimit)
        XCTAssertEqual(error?.location?.column, 257)
        var block = ""
        for i in 0..<50 { block += String(repeating: "  ", count: i) + "k\(i):\n" }
        XCTAssertEqual(parseError(block, limits: YAMLLimits(maxDepth: 20))?.code, YAMLDiagnosticCode.depthLimit)
        XCTAssertNoThrow(try parse(block))
    }

    func testAliasCannotExceedTheDepthLimit() {
        var text = "a0: &a0 [[[[x]]]]\n"
        for i in 1...5 { text += "a\(i): &a\(i) [[[[*a\(i - 1)]]]]\n" }
        XCTAssertEqual(parseError(text, limits: YAMLLimits(maxDepth: 12))?.code, YAMLDiagnosticCode.depthLimit)
    }

    func testInputSizeLimit() {
        let error = parseError(String(repeating: "a: 1\n", count: 100), limits: YAMLLimits(maxBytes: 100))
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.tooLarge)
    }

    // MARK: - Errors

    func testDuplicateKeysAreAllReportedWithBothPositions() throws {
        let text = "a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n"
        let error = try XCTUnwrap(parseError(text))
        XCTAssertEqual(error.diagnostics.count, 2)
        XCTAssertEqual(error.diagnostics.map(\.code), [YAMLDiagnosticCode.duplicateKey, YAMLDiagnosticCode.duplicateKey])
        XCTAssertEqual(error.diagnostics[0].location?.line, 3)
        XCTAssertEqual(error.diagnostics[0].notes.first?.location?.line, 1)
        XCTAssertEqual(error.diagnostics[1].location, SourceLocation(file: "t.yml", line: 6, column: 3))
        XCTAssertEqual(error.diagnostics[1].notes.first?.location, SourceLocation(file: "t.yml", line: 5, column: 3))
        // The tree is still returned when collecting.
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: "t.yml", text: text))
        XCTAssertEqual(result.documents.count, 1)
        XCTAssertTrue(result.hasErrors)
    }

    func testDuplicateKeysInLargeMappings() throws {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let error = try XCTUnwrap(parseError(text))
        XCTAssertEqual(error.diagnostics.count, 1)
        XCTAssertEqual(error.diagnostics[0].notes.first?.location?.line, 8)
    }

    func testSyntaxErrorHasPosition() {
        let error = parseError("a: [1, 2\nb: 3\n")
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.syntax)
        XCTAssertNotNil(error?.location)
        XCTAssertEqual(error?.location?.file, "t.yml")
    }

    func testTabIndentationIsAnErrorWithAHint() throws {
        let error = try XCTUnwrap(parseError("a:\n\tb: 1\n"))
        XCTAssertEqual(error.code, YAMLDiagnosticCode.syntax)
        XCTAssertEqual(error.location?.line, 2)
        XCTAssertTrue(error.diagnostic.notes.contains { $0.message.contains("tab") }, "\(error)")
        // Tabs inside values are fine.
        XCTAssertEqual(try parse("a: \"x\ty\"\n").first?.root["a"]?.scalarValue, "x\ty")
    }

    func testInvalidUTF8IsReportedWithPosition() throws {
        var bytes = Array("a: ok\nb: x".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n".utf8)
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: "bad.yml", bytes: bytes))
        let d = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(d.code, YAMLDiagnosticCode.invalidUTF8)
        XCTAssertEqual(d.location, SourceLocation(file: "bad.yml", line: 2, column: 5))
        let lone = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: "x", bytes: [0x61, 0x3A, 0x20, 0xFF]))
        XCTAssertEqual(lone.diagnostics.first?.code, YAMLDiagnosticCode.invalidUTF8)
    }

    func testControlCharacterIsReported() {
        let error = parseError("a: b\u{01}c\n")
        XCTAssertEqual(error?.code, YAMLDiagnosticCode.invalidCharacter)
        XCTAssertEqual(error?.location?.line, 1)
    }

    // MARK: - Files

    func testParseFileAndMissingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yamltests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.yml").path
        try "x:\n  y: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let docs = try YAMLParser().parseFile(atPath: path)
        XCTAssertEqual(docs.first?.root["x"]?["y"]?.location, SourceLocation(file: path, line: 2, column: 6))
        XCTAssertThrowsError(try YAMLParser().parseFile(atPath: dir.appendingPathComponent("none.yml").path)) {
            XCTAssertEqual(($0 as? YAMLError)?.code, YAMLDiagnosticCode.io)
        }
        XCTAssertThrowsError(try YAMLParser(limits: YAMLLimits(maxBytes: 4)).parseFile(atPath: path)) {
            XCTAssertEqual(($0 as? YAMLError)?.code, YAMLDiagnosticCode.tooLarge)
        }
    }
}
