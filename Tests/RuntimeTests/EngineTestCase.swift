import XCTest
import PromModel
import Storage
import PromQL
@testable import Runtime

/// Shared helpers for engine tests: a storage filled from `(labels, [(seconds, value)])` and query shortcuts.
class EngineTestCase: XCTestCase {
    var storage = MemoryStorage()
    var engine = Engine(options: .conformance)

    /// Appends `values[i]` at `i * stepSeconds` (nil = no sample).
    func load(_ labels: Labels, step stepSeconds: Int64, _ values: [Double?]) throws {
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            try storage.append(labels, t: Int64(i) * stepSeconds * 1000, v: v)
        }
    }

    func parse(_ q: String) throws -> Expr {
        try Parser(options: .allExperimental).parseExpr(q)
    }

    func instant(_ q: String, at seconds: Double) throws -> QueryResult {
        try engine.instantQuery(try parse(q), at: Int64(seconds * 1000), querier: storage)
    }

    /// The instant vector of `q` at `seconds` as `labels-description → value`.
    func vector(_ q: String, at seconds: Double, file: StaticString = #filePath,
                line: UInt = #line) throws -> [String: Double] {
        let r = try instant(q, at: seconds)
        guard case .vector(let samples) = r.value else {
            XCTFail("expected a vector, got \(r.value.typeName)", file: file, line: line)
            return [:]
        }
        var out: [String: Double] = [:]
        for s in samples { out[s.metric.description] = s.f }
        return out
    }

    func scalar(_ q: String, at seconds: Double) throws -> Double? {
        if case .scalar(_, let f) = try instant(q, at: seconds).value { return f }
        return nil
    }

    func assertClose(_ a: Double?, _ b: Double, accuracy: Double = 1e-9, file: StaticString = #filePath,
                     line: UInt = #line) {
        guard let a else { return XCTFail("no value", file: file, line: line) }
        if b.isNaN { return XCTAssertTrue(a.isNaN, "\(a) is not NaN", file: file, line: line) }
        if b.isInfinite { return XCTAssertEqual(a, b, file: file, line: line) }
        XCTAssertEqual(a, b, accuracy: accuracy * max(1, abs(b)), file: file, line: line)
    }

    func assertFails(_ q: String, at seconds: Double, containing text: String, file: StaticString = #filePath,
                     line: UInt = #line) {
        do {
            _ = try instant(q, at: seconds)
            XCTFail("expected \(q) to fail", file: file, line: line)
        } catch let e as QueryError {
            XCTAssertTrue(e.message.contains(text), "message: \(e.message)", file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
