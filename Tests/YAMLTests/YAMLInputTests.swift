#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import XCTest
@testable import YAML

final class YAMLInputTests: XCTestCase {
    /// Runs `body` with standard input replaced by a pipe holding `text`.
    private func withStandardInput<T>(_ text: String, _ body: () throws -> T) throws -> T {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }, bytes.count)
        close(fds[1])
        let saved = dup(0)
        dup2(fds[0], 0)
        close(fds[0])
        defer {
            dup2(saved, 0)
            close(saved)
        }
        return try body()
    }

    func testDashReadsStandardInput() throws {
        let docs = try withStandardInput("a:\n  b: 1\n") { try YAMLParser().parseFile(atPath: "-") }
        let b = try XCTUnwrap(docs.first?.root["a"]?["b"])
        XCTAssertEqual(b.location, SourceLocation(file: "<stdin>", line: 2, column: 6))
        XCTAssertEqual(b.file, YAMLInput.stdinName)
    }

    func testStandardInputSizeLimit() throws {
        let result = try withStandardInput(String(repeating: "x", count: 100)) {
            Result { try YAMLInput.read(path: "-", maxBytes: 10) }
        }
        XCTAssertThrowsError(try result.get()) {
            XCTAssertEqual(($0 as? YAMLError)?.code, YAMLDiagnosticCode.tooLarge)
        }
    }

    func testDirectoryIsAnIOError() {
        XCTAssertThrowsError(try YAMLInput.read(path: NSTemporaryDirectory())) {
            XCTAssertEqual(($0 as? YAMLError)?.code, YAMLDiagnosticCode.io)
        }
    }

    func testByteOffsetToLocation() {
        let bytes = Array("ab\r\nñx\ry".utf8)
        bytes.withUnsafeBufferPointer { b in
            XCTAssertEqual(UTF8Scanner.location(ofByteOffset: 1, in: b, file: "f"), SourceLocation(file: "f", line: 1, column: 2))
            XCTAssertEqual(UTF8Scanner.location(ofByteOffset: 6, in: b, file: "f"), SourceLocation(file: "f", line: 2, column: 2))
            XCTAssertEqual(UTF8Scanner.location(ofByteOffset: 8, in: b, file: "f"), SourceLocation(file: "f", line: 3, column: 1))
        }
    }

    func testUTF8Validation() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii text, long enough for the fast path".utf8), nil),
            (Array("é日🎉".utf8), nil),
            ([0x61, 0xC0, 0x80], 1), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0),
            ([0x61, 0x62, 0xE2, 0x82], 2), ([0xFF], 0), ([0xE0, 0x80, 0x80], 0),
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(bytes.withUnsafeBufferPointer { UTF8Scanner.firstInvalidOffset($0) }, expected, "\(bytes)")
        }
    }
}
