import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// Storage fed absurd timestamps and label sets: clear `StorageError`s at the limits, never a crash.
final class EngineLimitsStorageTests: XCTestCase {
    private let x: Labels = ["__name__": "x", "job": "a"]

    private func all(_ s: MemoryStorage, _ name: String = "x") throws -> [Sample] {
        let set = try s.select([try LabelMatcher(.equal, Label.metricName, name)], mint: .min, maxt: .max)
        var out: [Sample] = []
        for series in set {
            var it = series.makeIterator()
            while let sample = it.next() { out.append(sample) }
        }
        return out
    }

    func testExtremeTimestampsRoundTrip() throws {
        let s = MemoryStorage()
        // The largest possible gaps between timestamps (delta overflow in the chunk encoding).
        for t in [Int64.min, Int64.min + 1, -1, 0, 1, Int64.max - 1, Int64.max] {
            try s.append(x, t: t, v: Double(t))
        }
        let samples = try all(s)
        XCTAssertEqual(samples.map(\.t), [.min, .min + 1, -1, 0, 1, .max - 1, .max])
        XCTAssertEqual(samples.map(\.v), [Double(Int64.min), Double(Int64.min + 1), -1, 0, 1, Double(Int64.max - 1), Double(Int64.max)])
        XCTAssertThrowsError(try s.append(x, t: 5, v: 1)) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .outOfOrderSample)
        }
        XCTAssertThrowsError(try s.append(x, t: .max, v: 2)) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .duplicateSampleForTimestamp)
        }
        let narrow = try s.select([try LabelMatcher(.equal, Label.metricName, "x")], mint: .max, maxt: .max)
        XCTAssertEqual(narrow.count, 1)
        let stats = s.stats()
        XCTAssertEqual(stats.minTime, .min)
        XCTAssertEqual(stats.maxTime, .max)
    }

    func testExtremeValuesAndStaleMarkersKeepTheirBits() throws {
        let s = MemoryStorage()
        let values = [Double.nan, StaleNaN.value, .infinity, -.infinity, .greatestFiniteMagnitude, -0.0,
                      .leastNonzeroMagnitude, Double(bitPattern: 0x7FF8_DEAD_BEEF_0001)]
        for (i, v) in values.enumerated() { try s.append(x, t: Int64(i) * 1_000_000_000_000, v: v) }
        XCTAssertEqual(try all(s).map(\.v.bitPattern), values.map(\.bitPattern))
    }

    func testLabelLimitsGiveClearErrors() throws {
        let limits = StorageLimits(maxSeries: 100, maxLabelsPerSeries: 10, maxLabelNameLength: 64, maxLabelValueLength: 256)
        let s = MemoryStorage(limits: limits)
        var many: [String: String] = ["__name__": "x"]
        for i in 0..<100_000 { many["l\(i)"] = "v" }
        let checks: [(Labels, StorageError.Kind)] = [
            (Labels(many), .tooManyLabels),
            (["__name__": "x", String(repeating: "n", count: 65): "v"], .labelNameTooLong),
            (["__name__": "x", "v": String(repeating: "v", count: 1 << 20)], .labelValueTooLong),
            (.empty, .emptyLabelSet),
        ]
        for (labels, kind) in checks {
            XCTAssertThrowsError(try s.append(labels, t: 0, v: 1)) { error in
                let e = error as? StorageError
                XCTAssertEqual(e?.kind, kind)
                XCTAssertLessThan(e?.message.utf8.count ?? .max, 200, "the message itself stays short")
            }
        }
        XCTAssertEqual(s.stats().seriesCount, 0, "rejected series are not created")
        let app = s.appender()
        for i in 0..<100 { try app.append(["__name__": "y", "i": String(i)], t: 0, v: 1) }
        XCTAssertThrowsError(try app.append(["__name__": "y", "i": "100"], t: 0, v: 1)) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .tooManySeries)
        }
        try app.commit()
        XCTAssertEqual(s.stats().seriesCount, 100)
        XCTAssertEqual(s.stats().sampleCount, 100, "the rejected sample does not spoil the batch")
    }

    func testUnknownSeriesReferenceIsAnError() {
        let s = MemoryStorage()
        XCTAssertThrowsError(try s.append(SeriesRef(rawValue: .max), t: 0, v: 1)) { error in
            XCTAssertEqual((error as? StorageError)?.kind, .unknownSeriesRef)
        }
        let app = s.appender()
        XCTAssertThrowsError(try app.append(SeriesRef(rawValue: 12345), t: 0, v: 1))
    }
}
