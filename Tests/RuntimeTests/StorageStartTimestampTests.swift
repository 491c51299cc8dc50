import XCTest
import PromModel
import Storage
import PromQL
@testable import Runtime

/// Start timestamps kept beside the samples: only chunks that received one carry them.
final class StorageStartTimestampTests: XCTestCase {
    private func select(_ storage: MemoryStorage, mint: Int64 = .min, maxt: Int64 = .max) throws -> Series? {
        let set = try storage.select([try LabelMatcher(.equal, "__name__", "c")], mint: mint, maxt: maxt)
        return set.count == 1 ? set[0] : nil
    }

    func testSeriesWithoutStartTimestampsHaveNone() throws {
        let storage = MemoryStorage()
        for i in 0..<300 { try storage.append(["__name__": "c"], t: Int64(i) * 1000, v: Double(i)) }
        let series = try XCTUnwrap(try select(storage))
        XCTAssertFalse(series.hasStartTimes)
        XCTAssertTrue(series.encodedChunks.allSatisfy { $0.startTimes == nil })
    }

    func testStartTimestampsAlignWithDecodedSamplesAcrossChunks() throws {
        let storage = MemoryStorage()
        let app = storage.appender()
        // 300 samples (three chunks): the first 50 without a start timestamp, one stale marker.
        for i in 0..<300 {
            let t = Int64(i) * 1000
            if i == 200 {
                try app.append(["__name__": "c"], t: t, v: StaleNaN.value)
            } else if i < 50 {
                try app.append(["__name__": "c"], t: t, v: Double(i))
            } else {
                try app.append(["__name__": "c"], t: t, v: Double(i), st: t - 500)
            }
        }
        try app.commit()
        let series = try XCTUnwrap(try select(storage, mint: 10_000, maxt: 250_000))
        XCTAssertTrue(series.hasStartTimes)
        var points: [FloatPoint] = []
        var sts: [Int64] = []
        series.decodeFloatPoints(into: &points)
        series.decodeStartTimes(into: &sts)
        XCTAssertEqual(points.count, 240)  // 10s...250s without the stale marker
        XCTAssertEqual(sts.count, points.count)
        for (p, st) in zip(points, sts) {
            XCTAssertEqual(st, p.t < 50_000 ? 0 : p.t - 500, "start timestamp at \(p.t)")
        }
    }
}
