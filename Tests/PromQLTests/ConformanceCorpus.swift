import Foundation
import XCTest

/// Extracts the `eval` expressions of the upstream PromQL test scripts (../shared/conformance/promql).
enum ConformanceCorpus {
    struct Case {
        var file: String
        var line: Int
        var expr: String
        /// `expect fail` / `eval_fail` follows (the failure may come from the engine, not the parser).
        var expectsFailure: Bool
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var testdata: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/promql/testdata")
    }

    /// All eval cases, or `XCTSkip` when the shared directory is absent.
    static func load() throws -> [Case] {
        let dir = testdata
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("conformance testdata not found at \(dir.path)")
        }
        var cases: [Case] = []
        for name in files.sorted() where name.hasSuffix(".test") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            cases += extract(text, file: name)
        }
        return cases
    }

    /// The expression of each `eval…` line, as promqltest splits it.
    static func extract(_ text: String, file: String) -> [Case] {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [Case] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("eval") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count > 1 else { continue }
            let skip: Int
            switch words[1] {
            case "instant": skip = 4   // eval instant at T
            case "range": skip = 8     // eval range from A to B step S
            default: continue
            }
            guard words.count > skip else { continue }
            let expr = words[skip...].joined(separator: " ")
            var fails = words[0] == "eval_fail"
            var j = i + 1
            while j < lines.count, !lines[j].isEmpty, !lines[j].hasPrefix("#") {
                if lines[j].hasPrefix("expect fail") { fails = true }
                j += 1
            }
            out.append(Case(file: file, line: i + 1, expr: expr, expectsFailure: fails))
        }
        return out
    }
}
