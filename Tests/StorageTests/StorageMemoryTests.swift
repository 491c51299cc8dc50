import XCTest
import PromModel
@testable import Storage

final class StorageMemoryTests: XCTestCase {
    private func m(_ type: LabelMatcher.MatchType, _ name: String, _ value: String) throws -> LabelMatcher {
        try LabelMatcher(type, name, value)
    }

    private func seeded() throws -> MemoryStorage {
        let s = MemoryStorage()
        let app = s.appender()
        for (job, status) in [("api", "200"), ("api", "500"), ("api", "503"), ("web", "500"), ("web", "404")] {
            for t in stride(from: Int64(0), through: 60_000, by: 15_000) {
                try app.append(["__name__": "http_requests_total", "job": job, "status": status], t: t, v: Double(t))
            }
        }
        try app.append(["__name__": "up", "job": "api"], t: 0, v: 1)
        try app.commit()
        return s
    }

    // MARK: - Matchers

    func testAllFourMatcherTypes() throws {
        let s = try seeded()
        let name = try m(.equal, "__name__", "http_requests_total")
        func statuses(_ extra: LabelMatcher) throws -> [String] {
            try s.select([name, extra], mint: 0, maxt: 100_000).map { "\($0.labels["job"] ?? "")/\($0.labels["status"] ?? "")" }
        }
        XCTAssertEqual(try statuses(m(.equal, "job", "api")), ["api/200", "api/500", "api/503"])
        XCTAssertEqual(try statuses(m(.notEqual, "job", "api")), ["web/404", "web/500"])
        XCTAssertEqual(try statuses(m(.regexMatch, "status", "5..")), ["api/500", "api/503", "web/500"])
        XCTAssertEqual(try statuses(m(.regexNoMatch, "status", "5..|404")), ["api/200"])
        let apiErrors = try s.select([m(.equal, "job", "api"), m(.regexMatch, "status", "5..")], mint: 0, maxt: 1)
        XCTAssertEqual(apiErrors.count, 2)
    }

    func testEmptyMatchingMatchersSelectSeriesWithoutTheLabel() throws {
        let s = try seeded()
        XCTAssertEqual(try s.select([m(.regexMatch, "status", ".*")], mint: 0, maxt: 1).count, 6)
        let noStatus = try s.select([m(.equal, "status", "")], mint: 0, maxt: 1)
        XCTAssertEqual(noStatus.map { $0.labels.metricName }, ["up"])
        XCTAssertEqual(try s.select([m(.notEqual, "status", "")], mint: 0, maxt: 1).count, 5)
        XCTAssertEqual(try s.select([m(.regexNoMatch, "status", "5..")], mint: 0, maxt: 1).count, 3)
        XCTAssertEqual(try s.select([m(.equal, "nope", "x")], mint: 0, maxt: 1).count, 0)
    }

    func testSelectRangeAndSnapshot() throws {
        let s = try seeded()
        let set = try s.select([m(.equal, "job", "web"), m(.equal, "status", "404")], mint: 10_000, maxt: 45_000)
        XCTAssertEqual(set.count, 1)
        XCTAssertEqual(set[0].samples.map(\.t), [15_000, 30_000, 45_000])
        try s.append(set[0].labels, t: 75_000, v: 1)
        XCTAssertEqual(set[0].samples.count, 3, "a selection is a snapshot")
        XCTAssertEqual(try s.select([m(.equal, "job", "web")], mint: 61_000, maxt: 70_000).count, 0)
        XCTAssertEqual(try s.select([], mint: 5, maxt: 1).count, 0)
    }

    func testLabelNamesAndValues() throws {
        let s = try seeded()
        XCTAssertEqual(try s.labelNames(matchers: []), ["__name__", "job", "status"])
        XCTAssertEqual(try s.labelNames(matchers: [m(.equal, "__name__", "up")]), ["__name__", "job"])
        XCTAssertEqual(try s.labelValues("status", matchers: []), ["200", "404", "500", "503"])
        XCTAssertEqual(try s.labelValues("status", matchers: [m(.equal, "job", "web")]), ["404", "500"])
    }

    // MARK: - Order and duplicates

    func testOutOfOrderAndDuplicates() throws {
        let s = MemoryStorage()
        let labels: Labels = ["__name__": "x"]
        try s.append(labels, t: 100, v: 1)
        XCTAssertThrowsError(try s.append(labels, t: 99, v: 1)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .outOfOrderSample)
        }
        XCTAssertNoThrow(try s.append(labels, t: 100, v: 1), "same timestamp, same value is fine")
        XCTAssertThrowsError(try s.append(labels, t: 100, v: 2)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .duplicateSampleForTimestamp)
        }
        try s.append(labels, t: 101, v: StaleNaN.value)
        XCTAssertNoThrow(try s.append(labels, t: 101, v: StaleNaN.value))
        XCTAssertEqual(s.stats().sampleCount, 2)
    }

    func testAppenderBatchOrderAndRollback() throws {
        let s = MemoryStorage()
        let app = s.appender()
        let ref = try app.append(["__name__": "x"], t: 10, v: 1)
        XCTAssertThrowsError(try app.append(ref, t: 5, v: 1), "checked against the batch too")
        try app.append(ref, t: 20, v: 2)
        XCTAssertEqual(try s.select([], mint: 0, maxt: 100).count, 0, "invisible before commit")
        try app.commit()
        XCTAssertEqual(try s.select([], mint: 0, maxt: 100).first?.samples.map(\.v), [1, 2])
        try app.append(ref, t: 30, v: 3)
        app.rollback()
        try app.commit()
        XCTAssertEqual(s.stats().sampleCount, 2)
        XCTAssertThrowsError(try app.append(SeriesRef(rawValue: 99), t: 1, v: 1)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .unknownSeriesRef)
        }
    }

    func testCommitDropsSamplesMadeOutOfOrderByAnotherAppender() throws {
        let s = MemoryStorage()
        let a = s.appender(), b = s.appender()
        try a.append(["__name__": "x"], t: 10, v: 1)
        try a.append(["__name__": "y"], t: 10, v: 1)
        try b.append(["__name__": "x"], t: 20, v: 1)
        try b.commit()
        XCTAssertThrowsError(try a.commit())
        XCTAssertEqual(s.stats().sampleCount, 2, "y's sample still lands")
    }

    // MARK: - Retention

    func testRetentionDropsOldChunksAndSeries() throws {
        let s = MemoryStorage()
        for t in 0..<300 { try s.append(["__name__": "old"], t: Int64(t) * 1000, v: 1) }
        for t in 0..<600 { try s.append(["__name__": "live"], t: Int64(t) * 1000 + 400_000, v: 1) }
        XCTAssertEqual(s.truncate(before: 700_000), 1)
        XCTAssertEqual(try s.labelValues("__name__", matchers: []), ["live"])
        let samples = try s.select([], mint: .min, maxt: .max).first?.samples ?? []
                XCTAssertLessThan(samples.count, 600, "whole chunks before the cutoff are gone")
        XCTAssertEqual(samples.first?.t, 640_000, "the chunk holding the cutoff is kept whole")
        XCTAssertThrowsError(try s.append(["__name__": "new"], t: 10, v: 1)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .outOfBounds)
        }
        XCTAssertEqual(s.applyRetention(Duration(milliseconds: 1), now: 10_000_000), 1)
        XCTAssertEqual(s.stats().seriesCount, 0)
        XCTAssertEqual(try s.labelNames(matchers: []), [])
    }

    // MARK: - Limits

    func testLimits() throws {
        let s = MemoryStorage(limits: StorageLimits(maxSeries: 2, maxLabelsPerSeries: 3,
                                                    maxLabelNameLength: 8, maxLabelValueLength: 10))
        func kind(_ labels: Labels) -> StorageError.Kind? {
            do { try s.append(labels, t: 0, v: 0) } catch { return (error as? StorageError)?.kind }
            return nil
        }
        XCTAssertEqual(kind(["a": "1", "b": "2", "c": "3", "d": "4"]), .tooManyLabels)
        XCTAssertEqual(kind(["averylonglabelname": "1"]), .labelNameTooLong)
        XCTAssertEqual(kind(["a": String(repeating: "v", count: 11)]), .labelValueTooLong)
        XCTAssertEqual(kind(Labels.empty), .emptyLabelSet)
        XCTAssertNil(kind(["a": "1"]))
        XCTAssertNil(kind(["a": "2"]))
        XCTAssertEqual(kind(["a": "3"]), .tooManySeries)
        XCTAssertNil(kind(["a": "1"]), "existing series still accept samples at the limit")
    }

    // MARK: - Concurrency

    func testConcurrentAppendAndSelect() async throws {
        let s = MemoryStorage()
        let matcher = try LabelMatcher(.regexMatch, "job", "j[0-4]")
        await withTaskGroup(of: Int.self) { group in
            group.addTask {
                let app = s.appender()
                for t in 0..<200 {
                    for j in 0..<10 {
                        _ = try? app.append(["__name__": "c", "job": "j\(j)"], t: Int64(t), v: Double(t))
                    }
                    if t % 10 == 0 { try? app.commit() }
                }
                try? app.commit()
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var seen = 0
                    for _ in 0..<200 {
                        let set = (try? s.select([matcher], mint: 0, maxt: 1000)) ?? .empty
                        for series in set {
                            let ts = series.samples.map(\.t)
                            if ts != ts.sorted() { return -1 }
                            seen += ts.count
                        }
                    }
                    return seen
                }
            }
            for await result in group { XCTAssertGreaterThanOrEqual(result, 0) }
        }
        XCTAssertEqual(s.stats().sampleCount, 2000)
        XCTAssertEqual(try s.select([matcher], mint: 0, maxt: 1000).count, 5)
    }
}
