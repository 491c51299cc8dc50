import Diagnostics
import XCTest
@testable import YAML

final class YAMLDecodingContextTests: XCTestCase {
    struct BadDuration: Error, CustomStringConvertible {
        var description: String { "not a duration" }
    }

    private func root(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(try YAMLParser().parse(text, file: "c.yml").first?.root)
    }

    func testUnknownKeyWithSuggestionAndAllowedList() throws {
        let node = try root("job_name: node\nscrape_intervall: 5s\n")
        var ctx = YAMLDecodingContext()
        let m = try XCTUnwrap(ctx.mapping(node, allowed: ["job_name", "scrape_interval"], what: "scrape config"))
        XCTAssertEqual(ctx.string(m["job_name"]), "node")
        XCTAssertEqual(ctx.diagnostics.count, 1)
        let d = try XCTUnwrap(ctx.diagnostics.first)
        XCTAssertEqual(d.code, YAMLDiagnosticCode.unknownKey)
        XCTAssertEqual(d.location, SourceLocation(file: "c.yml", line: 2, column: 1))
        XCTAssertEqual(d.message, "unknown key \"scrape_intervall\" in scrape config (did you mean \"scrape_interval\"?)")
        XCTAssertEqual(d.notes.first?.message, "allowed keys: job_name, scrape_interval")
    }

    func testWrongTypeMessagesCarryPositions() throws {
        let node = try root("a: [1]\nb: {x: 1}\nc: abc\nd: 1.5\ne: 'true'\n")
        var ctx = YAMLDecodingContext()
        XCTAssertNil(ctx.mapping(node["a"], what: "global"))
        XCTAssertNil(ctx.sequence(node["b"]))
        XCTAssertNil(ctx.int(node["c"]))
        XCTAssertNil(ctx.int(node["d"]))
        XCTAssertNil(ctx.bool(node["e"]))
        XCTAssertNil(ctx.string(node["b"]))
        XCTAssertEqual(ctx.diagnostics.map(\.code), Array(repeating: YAMLDiagnosticCode.wrongType, count: 6))
        XCTAssertEqual(ctx.diagnostics[0].message, "expected a mapping for global, got a sequence")
        XCTAssertEqual(ctx.diagnostics[0].location, SourceLocation(file: "c.yml", line: 1, column: 4))
        XCTAssertEqual(ctx.diagnostics[1].message, "expected a sequence, got a mapping")
        XCTAssertEqual(ctx.diagnostics[2].message, "expected an integer, got a string \"abc\"")
        XCTAssertEqual(ctx.diagnostics[3].message, "expected an integer, got a float \"1.5\"")
        XCTAssertEqual(ctx.diagnostics[4].message, "expected a boolean, got a string \"true\"")
    }

    func testScalarAccessors() throws {
        let node = try root("""
        s: 123
        i: -0x10
        j: 0x10
        f: 2
        g: .inf
        b1: yes
        b2: False
        big: 99999999999999999999
        n: ~
        l: [a, b]
        m: {k: v, k2: 3}
        d: 5m
        bad: 5x
        """)
        var ctx = YAMLDecodingContext()
        XCTAssertEqual(ctx.string(node["s"]), "123")
        XCTAssertEqual(ctx.int(node["j"]), 16)
        XCTAssertEqual(ctx.double(node["f"]), 2)
        XCTAssertEqual(ctx.double(node["g"]), .infinity)
        XCTAssertEqual(ctx.bool(node["b1"]), true)
        XCTAssertEqual(ctx.bool(node["b2"]), false)
        XCTAssertNil(ctx.string(node["n"]))
        XCTAssertNil(ctx.string(node["absent"]))
        XCTAssertEqual(ctx.stringList(node["l"]), ["a", "b"])
        XCTAssertEqual(ctx.stringMap(node["m"]), ["k": "v", "k2": "3"])
        XCTAssertEqual(ctx.stringPairs(node["m"])?.map(\.key), ["k", "k2"])
        XCTAssertEqual(ctx.sequence(node["n"])?.count, 0)
        let parse: (String) throws -> Int = { text in
            guard text.hasSuffix("m"), let v = Int(text.dropLast()) else { throw BadDuration() }
            return v * 60
        }
        XCTAssertEqual(ctx.scalar(node["d"], as: "duration", parse: parse), 300)
        XCTAssertTrue(ctx.diagnostics.isEmpty, "\(ctx.diagnostics)")

        XCTAssertNil(ctx.scalar(node["bad"], as: "duration", parse: parse))
        XCTAssertNil(ctx.int(node["big"]))
        XCTAssertNil(ctx.int(node["s"], in: 0...100))
        XCTAssertNil(ctx.int(node["i"]), "a sign before 0x is not a core-schema integer")
        XCTAssertEqual(ctx.diagnostics.map(\.code), [YAMLDiagnosticCode.invalidValue, YAMLDiagnosticCode.invalidValue,
                                                     YAMLDiagnosticCode.invalidValue, YAMLDiagnosticCode.wrongType])
        XCTAssertEqual(ctx.diagnostics[0].message, "invalid duration \"5x\": not a duration")
        XCTAssertEqual(ctx.diagnostics[0].location?.line, 13)
        XCTAssertTrue(ctx.hasErrors)
    }

    func testListOfDecodedItemsAndRequiredKeys() throws {
        let node = try root("targets:\n  - {host: a, port: 1}\n  - {host: b}\n  - {port: 3}\n")
        var ctx = YAMLDecodingContext()
        let targets: [String]? = ctx.list(node["targets"]) { ctx, item in
            guard let m = ctx.mapping(item, allowed: ["host", "port"]),
                  let host = ctx.required("host", in: m, what: "target").flatMap({ ctx.string($0) }) else { return nil }
            return host
        }
        XCTAssertEqual(targets, ["a", "b"])
        XCTAssertEqual(ctx.diagnostics.count, 1)
        XCTAssertEqual(ctx.diagnostics.first?.code, YAMLDiagnosticCode.missingKey)
        XCTAssertEqual(ctx.diagnostics.first?.location?.line, 4)
    }

    func testMappingLookupOnLargeMappings() throws {
        var text = ""
        for i in 0..<30 { text += "key\(i): \(i)\n" }
        var ctx = YAMLDecodingContext()
        let m = try XCTUnwrap(ctx.mapping(try root(text)))
        XCTAssertEqual(m.count, 30)
        XCTAssertEqual(ctx.int(m["key17"]), 17)
        XCTAssertEqual(m.keyNode("key29")?.location.line, 30)
        XCTAssertFalse(m.contains("key30"))
    }
}
