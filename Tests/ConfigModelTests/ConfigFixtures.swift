import Diagnostics
import Foundation
import XCTest

/// Finds the fixtures of this test target and compares diagnostics with tables of expectations.
enum ConfigFixtures {
    /// `Tests/ConfigModelTests/Fixtures/<kind>`.
    static func directory(_ kind: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(kind)")
    }

    /// The fixture files of `kind` with one of `extensions`, sorted by name.
    static func files(_ kind: String, extensions: [String]) -> [URL] {
        let dir = directory(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { name in extensions.contains { name.hasSuffix($0) } }.sorted()
            .map { dir.appendingPathComponent($0) }
    }

    static func text(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// `code@line:col` for each diagnostic, sorted.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { d in
            "\(d.code)@\(d.location.map { "\($0.line):\($0.column)" } ?? "-")"
        }.sorted()
    }

    /// Checks every fixture against `expected` (file name → `code@line:col` entries): each fixture must be
    /// in the table, `.good.` fixtures must have no errors, `.bad.` fixtures at least one.
    static func verify(_ kind: String, extensions: [String], expected: [String: [String]],
                       check: (String, URL) -> [Diagnostic], file: StaticString = #filePath, line: UInt = #line) {
        let urls = files(kind, extensions: extensions)
        XCTAssertGreaterThan(urls.count, 0, "no fixtures found for \(kind)", file: file, line: line)
        for url in urls {
            let name = url.lastPathComponent
            let diagnostics = check(text(url), url)
            let errors = diagnostics.filter { $0.severity == .error }
            if name.contains(".good.") {
                XCTAssertEqual(errors, [], "\(name) should have no errors", file: file, line: line)
            } else {
                XCTAssertFalse(errors.isEmpty, "\(name) should have errors", file: file, line: line)
            }
            guard let want = expected[name] else {
                XCTFail("\(name) is not in the expectation table; found \(summary(diagnostics))", file: file, line: line)
                continue
            }
            XCTAssertEqual(summary(diagnostics), want.sorted(), name, file: file, line: line)
        }
        let known = Set(urls.map(\.lastPathComponent))
        for name in expected.keys where !known.contains(name) {
            XCTFail("expectation for missing fixture \(name)", file: file, line: line)
        }
    }
}
