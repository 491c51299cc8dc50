import LabctlTestSupport
import XCTest
@testable import YAML

final class YAMLWriterTests: XCTestCase {
    private func roundTrip(_ node: YAMLNode, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = YAMLWriter().write(node)
        let docs: [YAMLDocument]
        do {
            docs = try YAMLParser().parse(text, file: "out.yml")
        } catch {
            XCTFail("written YAML does not parse: \(error)\n---\n\(text)", file: file, line: line)
            return text
        }
        XCTAssertEqual(docs.count, 1, text, file: file, line: line)
        if let back = docs.first?.root {
            XCTAssertTrue(back.isEquivalent(to: node), "round trip changed the tree:\n\(text)", file: file, line: line)
        }
        return text
    }

    // MARK: - Layout

    func testBlockLayout() throws {
        let node = YAMLNode.mapping([
            ("global", .mapping([("scrape_interval", .scalar("15s"))])),
            ("scrape_configs", .sequence([
                .mapping([("job_name", .string("node")), ("static_configs", .sequence([
                    .mapping([("targets", .sequence([.string("localhost:9100")]))]),
                ]))]),
            ])),
            ("empty_list", .sequence([])),
            ("empty_map", .mapping([])),
        ])
        let text = try roundTrip(node)
        XCTAssertEqual(text, """
        global:
          scrape_interval: 15s
        scrape_configs:
          - job_name: node
            static_configs:
              - targets:
                  - localhost:9100
        empty_list: []
        empty_map: {}

        """)
    }

    func testQuotingOfAmbiguousStrings() throws {
        let cases: [(String, String)] = [
            ("true", "'true'"), ("yes", "'yes'"), ("1", "'1'"), ("1.5", "'1.5'"), ("null", "'null'"),
            ("", "''"), (" lead", "' lead'"), ("trail ", "'trail '"), ("a: b", "'a: b'"), ("x #y", "'x #y'"),
            ("- item", "'- item'"), ("*ref", "'*ref'"), ("it's", "it's"), ("{a}", "'{a}'"), ("0777", "'0777'"),
            ("10.0.0.1", "'10.0.0.1'"), ("~", "'~'"), ("<<", "'<<'"), ("a\tb", "\"a\\tb\""),
            ("bell\u{07}", "\"bell\\x07\""), ("5m", "5m"), ("rate(x[5m]) > 0", "rate(x[5m]) > 0"),
            ("localhost:9090", "localhost:9090"), ("ends:", "'ends:'"), ("'q'", "'''q'''"),
        ]
        for (value, expected) in cases {
            let text = try roundTrip(.mapping([("k", .string(value))]))
            XCTAssertEqual(text, "k: \(expected)\n", "value \(value.debugDescription)")
        }
    }

    func testTypedScalarsStayPlain() throws {
        let node = YAMLNode.mapping([("i", .scalar("42")), ("f", .scalar("0.5")), ("b", .scalar("false")),
                                     ("z", .scalar("")), ("h", .scalar("0x1F")), ("n", .scalar("1"))])
        // The key `n` is a boolean to YAML 1.1 readers, so it is quoted.
        XCTAssertEqual(try roundTrip(node), "i: 42\nf: 0.5\nb: false\nz: null\nh: 0x1F\n'n': 1\n")
    }

    func testMultilineStringsUseLiteralBlocks() throws {
        let text = try roundTrip(.mapping([("expr", .string("sum(rate(x[5m]))\n  by (job)\n")),
                                           ("nofinal", .string("a\nb")), ("keep", .string("a\n\n\n"))]))
        XCTAssertTrue(text.hasPrefix("expr: |\n  sum(rate(x[5m]))\n    by (job)\nnofinal: |-\n  a\n  b\nkeep: |+\n"), text)
        // Leading spaces cannot be expressed without an indentation indicator: double quotes instead.
        let quoted = try roundTrip(.mapping([("k", .string("  indented\nline"))]))
        XCTAssertEqual(quoted, "k: \"  indented\\nline\"\n")
    }

    func testTagsAndLongKeys() throws {
        let longKey = String(repeating: "k", count: 1500)
        let node = YAMLNode.mapping([
            ("secret", YAMLNode(.scalar(YAMLScalar("pw")), tag: "!secret")),
            ("num", YAMLNode(.scalar(YAMLScalar("5", style: .doubleQuoted)), tag: YAMLTag.int)),
            (longKey, .scalar("v")),
        ])
        let text = try roundTrip(node)
        XCTAssertTrue(text.contains("secret: !secret pw\n"), text)
        XCTAssertTrue(text.contains("? " + longKey + "\n: v\n"), text)
    }

    func testComplexKeysAndNestedSequences() throws {
        let node = YAMLNode(.mapping([
            .init(key: .sequence([.scalar("a"), .scalar("b")]), value: .scalar("1")),
            .init(key: .mapping([("x", .scalar("y"))]), value: .sequence([.sequence([.scalar("1"), .scalar("2")])])),
            .init(key: .string("multi\nline"), value: .mapping([])),
        ]))
        _ = try roundTrip(node)
    }

    func testMultipleDocuments() throws {
        let docs = [YAMLDocument(root: .mapping([("a", .scalar("1"))])), YAMLDocument(root: .string("x"))]
        let text = YAMLWriter().write(documents: docs)
        XCTAssertEqual(text, "---\na: 1\n---\nx\n")
        let back = try YAMLParser().parse(text)
        XCTAssertEqual(back.count, 2)
        XCTAssertTrue(back[0].root.isEquivalent(to: docs[0].root))
    }

    func testRoundTripOfParsedFile() throws {
        let source = """
        global:
          scrape_interval: 15s # comment
          external_labels: {env: "prod", "on": yes}
        rule_files: ["a.yml", 'b.yml']
        alerting:
          alertmanagers:
          - static_configs:
            - targets: [ 'am:9093' ]
        x: &anchor
          y: [1, 2.5, .inf, ~, "", 'it''s']
        z: *anchor
        desc: >
          folded
          text
        """
        let parsed = try XCTUnwrap(try YAMLParser().parse(source).first?.root)
        _ = try roundTrip(parsed)
    }

    // MARK: - Property test

    func testRandomTreesRoundTrip() throws {
        var rng = SeededRandom(seed: 0x5EED)
        var total = 0
        for _ in 0..<400 {
            let node = RandomTree.node(depth: 0, rng: &rng)
            total += node.treeSize
            _ = try roundTrip(node)
            // JSON round trip keeps the shape too.
            let json = JSONWriter().write(node)
            XCTAssertNoThrow(try JSONParser().parse(json), json)
        }
        XCTAssertGreaterThan(total, 2000, "the generator should produce sizeable trees")
    }
}
