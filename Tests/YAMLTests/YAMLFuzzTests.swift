import LabctlTestSupport
import XCTest
@testable import YAML

/// Mutated inputs must end in documents or positioned diagnostics, never a crash.
final class YAMLFuzzTests: XCTestCase {
    private let seedYAML = """
    global:
      scrape_interval: 15s
      labels: {a: "x\\ty", b: 'it''s', c: [1, 2.5, ~, true]}
    base: &b
      k: v
    use:
      <<: *b
      list:
        - |
          literal
          text
        - >-
          folded
        - !custom tagged
    ---
    - ñandú: 🎉
    """

    private let seedJSON = """
    {"title": "x", "panels": [{"id": 1, "gridPos": {"h": 8.5e1, "w": -0}}, "\\u00e9\\ud83c\\udf89"], "n": null}
    """

    private func mutate(_ bytes: [UInt8], rng: inout SeededRandom) -> [UInt8] {
        var out = bytes
        let alphabet = Array(" \t\n\r:-?[]{},#&*!|>'\"%@`\\~.0aZ\u{7F}".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let at = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: out[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            case 1: out.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: at)
            default: out.remove(at: at)
            }
        }
        return out
    }

    func testMutatedYAMLNeverCrashes() {
        var rng = SeededRandom(seed: 42)
        let base = Array(seedYAML.utf8)
        var failures = 0
        for _ in 0..<3000 {
            let input = YAMLInput(name: "fuzz.yml", bytes: mutate(base, rng: &rng))
            let result = YAMLParser().parseCollectingDiagnostics(input)
            for d in result.diagnostics {
                XCTAssertNotNil(d.location, "\(d)")
                XCTAssertGreaterThanOrEqual(d.location?.line ?? 0, 1)
            }
            if result.hasErrors { failures += 1 }
            for doc in result.documents where !result.hasErrors {
                // Whatever parsed must also survive the writer round trip.
                let text = YAMLWriter().write(doc.root)
                let back = try? YAMLParser().parse(text)
                XCTAssertTrue(back?.first.map { $0.root.isEquivalent(to: doc.root) } ?? false, text)
            }
        }
        XCTAssertGreaterThan(failures, 100, "mutations should produce errors too")
    }

    func testMutatedJSONNeverCrashes() {
        var rng = SeededRandom(seed: 7)
        let base = Array(seedJSON.utf8)
        var failures = 0
        for _ in 0..<3000 {
            let result = JSONParser().parseCollectingDiagnostics(YAMLInput(name: "fuzz.json", bytes: mutate(base, rng: &rng)))
            for d in result.diagnostics { XCTAssertNotNil(d.location, "\(d)") }
            if result.hasErrors { failures += 1 } else { XCTAssertEqual(result.documents.count, 1) }
        }
        XCTAssertGreaterThan(failures, 1000)
    }
}
