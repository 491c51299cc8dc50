import Diagnostics
import Foundation
import XCTest

/// The texts that are not diagnostics — the grader's feedback, its reports, the lines commands print —
/// come from the one message catalogue (`Language.say(_:)`): every English text a source file passes
/// has a Spanish entry, found by reading the sources themselves.
final class InterfaceCatalogueTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// One `say("…")` (or `failed("…")`) call with literal text: where, and the text with every
    /// interpolation replaced by a sample value.
    private struct Call {
        let place: String
        let text: String
    }

    func testSayReturnsEnglishAsItIs() {
        XCTAssertEqual(Language.en.say("the answer q1 is empty: write your query"), "the answer q1 is empty: write your query")
    }

    func testSayTranslatesWithTheValuesPutBack() {
        XCTAssertEqual(Language.es.say("the answer q1 is empty: write your query"),
                       "la respuesta q1 está vacía: escribe tu consulta")
        XCTAssertEqual(Language.es.say("job api has scrape_interval 30s; 15s is asked"),
                       "el job api tiene scrape_interval 30s; se pide 15s")
    }

    func testATextWithoutAnEntryStaysEnglish() {
        XCTAssertEqual(Language.es.say("no entry has this text"), "no entry has this text")
    }

    func testEveryTextTheSourcesSayHasASpanishEntry() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: Self.sources.path), "the sources are not beside the tests")
        let calls = try Self.calls()
        XCTAssertGreaterThan(calls.count, 120, "the scan found too few texts: is it still reading the sources?")
        var missing: [String] = []
        for call in calls {
            let spanish = MessageCatalog.standard.message(call.text, code: MessageCatalog.interfaceCode, in: .es)
            if spanish == nil || spanish == call.text { missing.append("\(call.place): \(call.text)") }
        }
        XCTAssertEqual(missing, [], "texts without a Spanish entry in MessageCatalog+Interface.swift")
    }

    func testEveryInterfaceEntryHasTheSameHolesInBothLanguages() {
        for entry in MessageCatalog.standard.entries where entry.code == MessageCatalog.interfaceCode {
            XCTAssertEqual(Set(entry.english.holes), Set(MessagePattern(entry.spanish).holes), entry.english.text)
            XCTAssertNotEqual(entry.english.text, entry.spanish, "\(entry.english.text) is not translated")
        }
    }

    // MARK: - Reading the sources

    private static func calls() throws -> [Call] {
        var out: [Call] = []
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let relative = url.path.replacingOccurrences(of: sources.deletingLastPathComponent().path + "/", with: "")
            out += calls(in: Array(text.unicodeScalars), file: relative)
        }
        return out
    }

    /// The calls `say(` / `failed(` whose argument is string literals joined by `+`.
    private static func calls(in s: [Unicode.Scalar], file: String) -> [Call] {
        var out: [Call] = []
        let names = [Array("say(".unicodeScalars), Array("failed(".unicodeScalars)]
        var i = 0, line = 1
        while i < s.count {
            if s[i] == "\n" { line += 1 }
            guard s[i] == "s" || s[i] == "f", let name = names.first(where: { matches($0, in: s, at: i) }),
                  i == 0 || !(s[i - 1].properties.isAlphabetic || s[i - 1] == "_") else { i += 1; continue }
            var j = skipBlanks(s, i + name.count)
            var text = ""
            var samples = 0, pieces = 0
            while j < s.count, s[j] == "\"", let (piece, end) = literal(s, at: j, sample: &samples) {
                text += piece
                pieces += 1
                j = skipBlanks(s, end)
                guard j < s.count, s[j] == "+" else { break }
                j = skipBlanks(s, j + 1)
            }
            if pieces > 0, j < s.count, s[j] == ")" {
                out.append(Call(place: "\(file):\(line)", text: text))
            }
            i += 1
        }
        return out
    }

    private static func matches(_ w: [Unicode.Scalar], in s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + w.count <= s.count else { return false }
        return s[i..<(i + w.count)].elementsEqual(w)
    }

    private static func skipBlanks(_ s: [Unicode.Scalar], _ from: Int) -> Int {
        var j = from
        while j < s.count, [" ", "\n", "\t"].contains(s[j]) { j += 1 }
        return j
    }

    /// The single-line string literal at `at` with Swift's escapes applied and each interpolation
    /// replaced by a sample value (`v1`, `v2`, …), and the index after its closing quote.
    private static func literal(_ s: [Unicode.Scalar], at: Int, sample: inout Int) -> (String, Int)? {
        guard !matches(Array("\"\"\"".unicodeScalars), in: s, at: at) else { return nil }
        var out = ""
        var j = at + 1
        while j < s.count {
            let c = s[j]
            if c == "\n" { return nil }
            if c == "\"" { return (out, j + 1) }
            if c == "\\", j + 1 < s.count {
                let next = s[j + 1]
                if next == "(" {
                    var depth = 1, k = j + 2, inString = false
                    while k < s.count, depth > 0 {
                        if s[k] == "\\" { k += 2; continue }
                        if s[k] == "\"" { inString.toggle() } else if !inString {
                            if s[k] == "(" { depth += 1 } else if s[k] == ")" { depth -= 1 }
                        }
                        k += 1
                    }
                    sample += 1
                    out += "v\(sample)"
                    j = k
                    continue
                }
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                default: out.unicodeScalars.append(next)
                }
                j += 2
                continue
            }
            out.unicodeScalars.append(c)
            j += 1
        }
        return nil
    }
}
