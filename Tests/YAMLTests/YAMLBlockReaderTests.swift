import LabctlTestSupport
import Foundation
import XCTest
@testable import YAML

/// The fast block reader must give exactly what the libyaml path gives (values, styles, positions,
/// diagnostics), or give up; and it must not give up on the plain config files it exists for.
final class YAMLBlockReaderTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private let snippets: [String] = [
        "a: 1\n",
        "a: 1",
        "a: 1\nb:\n  c: d\n  e: [x, 'y', \"z\"]\n",
        "a:\n- x\n- y\nb: 2\n",
        "a:\n  - x\n  -\n  - y: 1\n    z: 2\n  - - n\n",
        "- a\n- b: c\n  d: e\n-\n- ''\n",
        "key:    # comment\n  # another\n  nested: true # trailing\n\n\nnext: ~\n",
        "a: |\n  line one\n  line two\n\n  line four\nb: >\n  folded one\n  folded two\n\n  para\nc: |-\n  strip\n\nd: |+\n  keep\n\n\ne: 1\n",
        "a: |\n  x\n",
        "a: |\n    deeper\n  less\n",
        "a: >-\n  x\n   y\n",
        "- |\n  seq block\n- >\n  seq folded\n",
        "a: \"esc \\\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F389 \\0 \\e \\N \\_ \\ x\"\nb: 'it''s'\n",
        "a: \"\\/ \\'\"\n",
        "ñandú: \"é\"\nclé: [ü, 'ö']\n",
        "dup: 1\ndup: 2\nother:\n  x: 1\n  x: 2\n",
        "a: b: c\n",
        "a: foo\n  bar\n",
        "a: foo\n# comment\n  bar\n",
        "a:\n  foo\nb: 1\n",
        "a: [x, y\nb: 1\n",
        "a: [x,]\n",
        "a: [x:y]\n",
        "a: {}\nb: []\nc: { }\n",
        "a: &anchor 1\nb: *anchor\n",
        "a: !tag x\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "  a: 1\n  b: 2\n",
        "  a: 1\nb: 2\n",
        "a:\n\tb: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\n  # trailing comment\n",
        "a: 1\n   ",
        "a:\n  b: 1\n #",
        "# only a comment\n",
        "",
        "a: 1 # c\nb: 'x'# c\nc: [a]#c\n",
        "a:\n  - x\n  b: 1\n",
        "a: - x\n",
        "? complex\n: value\n",
        "<<: {}\na: 1\n",
        "a: http://host:9090/path\nb: \"{{ $labels.job }}\"\nc: -1\nd: -x\n",
        "\"quoted key\": 1\n'single key': 2\n\"k\" : 3\n",
        "a: |\n\n  leading blank\n",
        "a: |2\n  explicit\n",
        "a: | # c\n  x\n",
        "a: |\n  x\n  \n   \nb: 1\n",
        "a: |\n  x\n    \nb: 1\n",
        "a: >\n  x\n\n\n  y\n",
        "a:\n  b:\n    c:\n      d: 1\ne: 2\n",
        "seq:\n- a: 1\n  b:\n  - x\n- c: 2\n",
        "x: [\"a\", 'b', c d , -1]\n",
        "a: \"unterminated\n",
        "a: 'x\n  y'\n",
        "a: \"\\q\"\n",
        "a: \"\\ud800\"\n",
    ]

    /// Every snippet, every YAML file of the package and mutations of them parse the same both ways.
    func testFastReaderMatchesLibyaml() throws {
        var accepted = 0
        for (n, text) in snippets.enumerated() {
            if compare(Array(text.utf8), name: "snippet-\(n).yml") { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 20, "the fast reader should take most plain snippets")

        var files = 0
        for url in corpusFiles() {
            guard let data = try? Data(contentsOf: url) else { continue }
            files += 1
            _ = compare(Array(data), name: url.lastPathComponent)
        }
        XCTAssertGreaterThan(files, 10)
    }

    func testMutationsMatchLibyaml() {
        var rng = SeededRandom(seed: 2026)
        let seeds = snippets.filter { $0.count > 20 }.map { Array($0.utf8) }
            + corpusFiles().prefix(40).compactMap { try? Data(contentsOf: $0) }.map { Array($0) }.filter { $0.count < 20_000 }
        let alphabet = Array(" \n:-#'\"[]{},|>&*!\\a1é".utf8)
        var checked = 0
        for _ in 0..<4000 {
            guard var bytes = seeds.randomElement(using: &rng), !bytes.isEmpty else { continue }
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                case 1: bytes.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: at)
                case 2: bytes.insert(0x20, at: at)
                default: bytes.remove(at: at)
                }
                if bytes.isEmpty { break }
            }
            if compare(bytes, name: "mutant.yml") { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 500, "many mutants should still take the fast path")
    }

    /// The shapes the benchmarks and lab files use take the fast path.
    func testTypicalConfigTakesFastPath() {
        var text = "global:\n  scrape_interval: 15s\nscrape_configs:\n"
        for j in 0..<50 {
            text += "  - job_name: \"node-\(j)\"\n    static_configs:\n      - targets: ['h-\(j):9100', \"h:9101\"]\n"
            text += "        labels:\n          team: t\n    relabel_configs:\n      - source_labels: [__address__]\n"
            text += "        regex: '(.*):9100'\n        replacement: '${1}'\n"
        }
        text += "rule_files:\n- rules/*.yml\n"
        let rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          up == 0\n        for: 5m\n"
            + "        annotations:\n          summary: \"{{ $labels.job }} down\"\n"
        for source in [text, rules] {
            let bytes = Array(source.utf8)
            let result = bytes.withUnsafeBufferPointer { YAMLBlockReader.read($0, file: "x.yml", limits: .default) }
            XCTAssertNotNil(result, source)
            XCTAssertEqual(result?.documents.count, 1)
            XCTAssertTrue(compare(bytes, name: "x.yml"))
        }
    }

    /// Limits still apply on the fast path (or send the input to libyaml, which applies them).
    func testLimitsApplyOnFastPath() {
        let text = "a:\n  b:\n    c:\n      d: 1\n"
        let result = YAMLParser(limits: YAMLLimits(maxDepth: 2)).parseCollectingDiagnostics(YAMLInput(name: "d.yml", text: text))
        XCTAssertEqual(result.diagnostics.first?.code, YAMLDiagnosticCode.depthLimit)
    }

    /// The eight-bytes-at-a-time check accepts exactly the printable ASCII bytes, in any position.
    func testPrintableASCIIWordCheck() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                XCTAssertEqual(YAMLBlockReader.isPrintableASCII(word), (0x20...0x7E).contains(value),
                               "byte \(value) at \(position)")
            }
        }
    }

    /// Bytes the fast reader refuses are still found far into a long line, where the word check runs.
    func testEligibilityFindsBytesInsideLongLines() {
        let prefix = "a_rather_long_key_name: and a long value"
        for bad in ["\t", "\r", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}"] {
            let bytes = Array((prefix + bad + "x\n").utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { YAMLBlockReader.eligibility($0) }, String(reflecting: bad))
        }
        let fine = Array((prefix + " é ok\n" + prefix + "\n").utf8)
        XCTAssertEqual(fine.withUnsafeBufferPointer { YAMLBlockReader.eligibility($0) }, false)
        let ascii = Array((prefix + "\n" + prefix + prefix + "\n").utf8)
        XCTAssertEqual(ascii.withUnsafeBufferPointer { YAMLBlockReader.eligibility($0) }, true)
    }

    // MARK: - Helpers

    private func corpusFiles() -> [URL] {
        let root = Self.packageRoot
        var out: [URL] = []
        for folder in ["labs", "templates", "Tests"] {
            guard let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder),
                                                              includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
                out.append(url)
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Compares both readers on `bytes`; returns whether the fast reader took the input.
    @discardableResult
    private func compare(_ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let input = YAMLInput(name: name, bytes: bytes)
        let slow = YAMLParser().parseCollectingDiagnostics(input, fastReader: false)
        guard let fast = bytes.withUnsafeBufferPointer({ YAMLBlockReader.read($0, file: name, limits: .default) }) else {
            return false
        }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(fast.diagnostics.map(\.description), slow.diagnostics.map(\.description), text, file: file, line: line)
        XCTAssertEqual(fast.documents.count, slow.documents.count, text, file: file, line: line)
        for (a, b) in zip(fast.documents, slow.documents) {
            if let difference = Self.difference(a.root, b.root, path: "$") {
                XCTFail("\(name): \(difference)\n\(text)", file: file, line: line)
            }
        }
        return true
    }

    private static func describe(_ node: YAMLNode) -> String {
        let kind: String
        switch node.kind {
        case .scalar(let s): kind = "scalar \(String(reflecting: s.value)) \(s.style)"
        case .sequence(let items): kind = "sequence(\(items.count))"
        case .mapping(let pairs): kind = "mapping(\(pairs.count))"
        }
        return "\(kind) tag \(node.tag ?? "-") anchor \(node.anchor ?? "-") \(node.file) "
            + "\(node.startLine):\(node.startColumn)-\(node.endLine):\(node.endColumn)"
    }

    /// The first difference between two trees, or `nil`.
    private static func difference(_ a: YAMLNode, _ b: YAMLNode, path: String) -> String? {
        let da = describe(a), db = describe(b)
        if da != db { return "\(path): fast \(da) vs libyaml \(db)" }
        switch (a.kind, b.kind) {
        case let (.sequence(x), .sequence(y)):
            for (k, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p, q, path: "\(path)[\(k)]") { return d }
            }
        case let (.mapping(x), .mapping(y)):
            for (k, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p.key, q.key, path: "\(path).key\(k)") { return d }
                if let d = difference(p.value, q.value, path: "\(path).\(p.key.scalarValue ?? "?")") { return d }
            }
        default:
            break
        }
        return nil
    }
}
