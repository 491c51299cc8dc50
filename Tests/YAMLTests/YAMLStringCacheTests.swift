import XCTest
@testable import YAML

/// The scalar string cache must give back exactly the string of the bytes asked for, whatever was
/// cached before (hits, slot collisions, lengths at and past the cap, non-ASCII text).
final class YAMLStringCacheTests: XCTestCase {
    func testReturnsTheStringOfTheBytesEveryTime() {
        var cache = YAMLStringCache()
        var texts: [String] = ["", "a", "job_name", "é", "clé: ñandú", "x", "ab", "ba"]
        texts.append(String(repeating: "k", count: YAMLStringCache.maxLength))
        texts.append(String(repeating: "k", count: YAMLStringCache.maxLength + 1))
        // Far more distinct texts than slots, so that slots collide and are replaced.
        for n in 0..<(YAMLStringCache.slotCount * 3) { texts.append("host-\(n):9100") }
        for round in 0..<3 {
            for text in texts {
                let bytes = Array(text.utf8)
                let got = bytes.withUnsafeBufferPointer { buffer -> String in
                    guard let base = buffer.baseAddress else { return "" }
                    return cache.string(base, count: buffer.count)
                }
                XCTAssertEqual(got, text, "round \(round)")
                XCTAssertEqual(Array(got.utf8), bytes)
            }
        }
    }

    /// A large config of repeated keys and values, and mappings big enough for the key index,
    /// parse the same through the fast reader as through libyaml, duplicates included.
    func testRepeatedScalarsAndDuplicateKeysMatchLibyaml() {
        var text = "jobs:\n"
        for j in 0..<3000 {
            text += "  - name: \"job-\(j % 50)\"\n    env: prod\n    'env': dup\n    port: \(9100 + j % 3)\n"
        }
        text += "big:\n"
        for k in 0..<20 { text += "  key\(k): \(k)\n" }
        text += "  key3: again\n  \"<<\": quoted\n  '<<': twice\n"
        let input = YAMLInput(name: "repeat.yml", text: text)
        let fast = input.bytes.withUnsafeBufferPointer { YAMLBlockReader.read($0, file: "repeat.yml", limits: .default) }
        let slow = YAMLParser().parseCollectingDiagnostics(input, fastReader: false)
        XCTAssertNotNil(fast, "the fast reader should take this input")
        XCTAssertEqual(fast?.diagnostics.map(\.description), slow.diagnostics.map(\.description))
        XCTAssertEqual(slow.diagnostics.count, 3000 + 2)
        let fastRoot = fast?.documents.first?.root
        let slowRoot = slow.documents.first?.root
        XCTAssertEqual(fastRoot?.treeSize, slowRoot?.treeSize)
        XCTAssertEqual(fastRoot?["jobs"]?[2999]?["name"]?.scalarValue, "job-49")
        XCTAssertEqual(slowRoot?["jobs"]?[2999]?["name"]?.scalarValue, "job-49")
        XCTAssertEqual(fastRoot?["big"]?["key3"]?.scalarValue, "3")
    }
}
