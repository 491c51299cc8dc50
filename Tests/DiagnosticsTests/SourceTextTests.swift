import Foundation
import XCTest
@testable import Diagnostics

final class SourceTextTests: XCTestCase {
    func testLinesAreOneBasedAndDropCarriageReturns() {
        let source = SourceText(file: "a.yml", text: "one\r\ntwo\nthree\n")
        XCTAssertEqual(source.lineCount, 3)
        XCTAssertEqual(source.line(1), "one")
        XCTAssertEqual(source.line(2), "two")
        XCTAssertEqual(source.line(3), "three")
        XCTAssertNil(source.line(0))
        XCTAssertNil(source.line(4))
        XCTAssertNil(source.line(-7))
    }

    func testTextWithoutFinalNewlineAndEmptyText() {
        XCTAssertEqual(SourceText(file: "x", text: "a\nb").lineCount, 2)
        XCTAssertEqual(SourceText(file: "x", text: "a\nb").line(2), "b")
        XCTAssertEqual(SourceText(file: "x", text: "").lineCount, 0)
        XCTAssertNil(SourceText(file: "x", text: "").line(1))
        XCTAssertEqual(SourceText(file: "x", text: "\n\n").line(2), "")
    }
}

final class SourceCacheTests: XCTestCase {
    func testRegisteredTextsWinAndUnknownFilesAreNil() {
        let cache = SourceCache([SourceText(file: "<stdin>", text: "a: 1\n")])
        XCTAssertEqual(cache.source(for: "<stdin>")?.line(1), "a: 1")
        XCTAssertNil(cache.source(for: "missing.yml"))
    }

    func testReadsFromDiskOnceAndRespectsSizeLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sourcecache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = dir.appendingPathComponent("small.yml").path
        let big = dir.appendingPathComponent("big.yml").path
        try "x: 1\ny: 2\n".write(toFile: small, atomically: true, encoding: .utf8)
        try String(repeating: "z", count: 100).write(toFile: big, atomically: true, encoding: .utf8)

        let cache = SourceCache(readsFromDisk: true, maxFileSize: 50)
        XCTAssertEqual(cache.source(for: small)?.line(2), "y: 2")
        try FileManager.default.removeItem(atPath: small)
        XCTAssertEqual(cache.source(for: small)?.line(1), "x: 1", "second lookup is served from the cache")
        XCTAssertNil(cache.source(for: big), "files over the limit are not quoted")
        XCTAssertNil(cache.source(for: dir.appendingPathComponent("nope").path))
        XCTAssertNil(cache.source(for: "-"))
    }
}
