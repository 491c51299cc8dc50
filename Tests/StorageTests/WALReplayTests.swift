import XCTest
import PromModel
@testable import Storage

final class WALReplayTests: XCTestCase {
    func testReplayEqualsWhatWasAppended() throws {
        let dir = WALTestSupport.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        XCTAssertEqual(storage.replayReport.series, 0)
        XCTAssertTrue(storage.replayReport.warnings.isEmpty)
        var expected = try WALTestSupport.fill(storage, series: 50, perSeries: 40)
        // Special values, start timestamps and appends by reference.
        let app = storage.appender()
        let special: Labels = ["__name__": "special", "job": "x"]
        let ref = try app.append(special, t: 100, v: .nan, st: 50)
        try app.append(ref, t: 200, v: StaleNaN.value)
        try app.append(ref, t: 300, v: .infinity)
        try app.append(ref, t: 400, v: -.infinity)
        try app.commit()
        expected[special.description] = [Sample(t: 100, v: .nan), Sample(t: 200, v: StaleNaN.value),
                                         Sample(t: 300, v: .infinity), Sample(t: 400, v: -.infinity)]
        // A rolled-back batch is neither visible nor logged.
        let dropped = storage.appender()
        try dropped.append(["__name__": "rolled_back"], t: 1, v: 1)
        dropped.rollback()
        XCTAssertEqual(try WALTestSupport.contents(storage), expected)
        try storage.close()

        let reopened = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? reopened.close() }
        XCTAssertEqual(try WALTestSupport.contents(reopened), expected)
        XCTAssertEqual(reopened.replayReport.series, 51)
        XCTAssertEqual(reopened.replayReport.samples, 50 * 40 + 4)
        XCTAssertTrue(reopened.replayReport.warnings.isEmpty, "\(reopened.replayReport.warnings)")
        let staleSample = try reopened.select([try LabelMatcher(.equal, "__name__", "special")], mint: 200, maxt: 200)
        XCTAssertTrue(staleSample.first.map { isStaleNaN($0.samples[0].v) } ?? false)
        // Start timestamps survive too.
        let chunks = try reopened.select([try LabelMatcher(.equal, "__name__", "special")], mint: 0, maxt: 1000)
        XCTAssertEqual(chunks.first?.encodedChunks.first?.startTimes?.first, 50)
    }

    func testAppendsAfterReplayAndSeveralRestartsKeepReferencesApart() throws {
        let dir = WALTestSupport.directory(self)
        var expected: [String: [Sample]] = [:]
        for round in 0..<4 {
            let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly(segmentSize: 1024))
            XCTAssertEqual(try WALTestSupport.contents(storage), expected, "round \(round)")
            // New series each round and more samples for the old ones.
            let more = try WALTestSupport.fill(storage, series: 10 + round, perSeries: 20,
                                               start: Int64(round) * 100_000 + 1_000)
            for (k, v) in more { expected[k, default: []] += v }
            let fresh = try WALTestSupport.fill(storage, series: 3, perSeries: 2, start: Int64(round) * 100_000 + 50_000,
                                                metric: "round_\(round)")
            for (k, v) in fresh { expected[k, default: []] += v }
            if round == 2 {
                XCTAssertGreaterThan(WALTestSupport.segments(dir).count, 4, "small segments roll")
                try storage.checkpoint()
            }
            try storage.close()
        }
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? storage.close() }
        XCTAssertEqual(try WALTestSupport.contents(storage), expected)
        XCTAssertEqual(storage.replayReport.checkpoint.map { $0 > 0 }, true)
    }

    func testCheckpointThenMoreSegmentsThenReplay() throws {
        let dir = WALTestSupport.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly(segmentSize: 2048))
        var expected = try WALTestSupport.fill(storage, series: 20, perSeries: 30)
        let segmentsBefore = WALTestSupport.segments(dir).count
        XCTAssertGreaterThan(segmentsBefore, 2)
        let report = try storage.checkpoint()
        XCTAssertEqual(report.series, 20)
        XCTAssertEqual(report.samples, 600)
        XCTAssertEqual(report.segmentsRemoved, segmentsBefore)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/wal/checkpoint." + WALDirectory.segmentName(report.segment)))
        // Samples after the checkpoint go to later segments; old series appended by reference too.
        let more = try WALTestSupport.fill(storage, series: 25, perSeries: 10, start: 100_000)
        for (k, v) in more { expected[k, default: []] += v }
        let second = try storage.checkpoint()
        XCTAssertEqual(storage.status.lastCheckpoint, second)
        XCTAssertEqual(storage.status.currentSegment, second.segment + 1)
        XCTAssertNil(storage.status.checkpointError)
        XCTAssertGreaterThan(second.segment, report.segment)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/wal/checkpoint." + WALDirectory.segmentName(report.segment)),
                       "older checkpoints are deleted")
        let last = try WALTestSupport.fill(storage, series: 5, perSeries: 3, start: 200_000)
        for (k, v) in last { expected[k, default: []] += v }
        try storage.close()

        let reopened = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? reopened.close() }
        XCTAssertEqual(reopened.replayReport.checkpoint, second.segment)
        XCTAssertGreaterThan(reopened.replayReport.segmentsRead, 0)
        XCTAssertEqual(try WALTestSupport.contents(reopened), expected)
        XCTAssertTrue(reopened.replayReport.warnings.isEmpty, "\(reopened.replayReport.warnings)")
    }

    func testCloseWritesACheckpointAndLeftoverTemporaryCheckpointsAreIgnored() throws {
        let dir = WALTestSupport.directory(self)
        var options = WALTestSupport.logOnly()
        options.checkpointOnClose = true
        let storage = try PersistentStorage.open(directory: dir, options: options)
        let expected = try WALTestSupport.fill(storage, series: 4, perSeries: 5)
        try storage.close()
        // A checkpoint a crash left half-written must not be read.
        let junk = dir + "/wal/checkpoint.00000099.tmp"
        try FileManager.default.createDirectory(atPath: junk, withIntermediateDirectories: true)
        try WALTestSupport.write([1, 2, 3], to: junk + "/00000000")
        let reopened = try PersistentStorage.open(directory: dir, options: options)
        XCTAssertEqual(reopened.replayReport.checkpoint, 1)
        XCTAssertEqual(reopened.replayReport.segmentsRead, 1, "only the empty segment after the checkpoint")
        XCTAssertEqual(try WALTestSupport.contents(reopened), expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: junk))
        try reopened.close()
    }

    // MARK: - Retention

    func testRetentionDropsOldSamplesOnCheckpointAndReplay() throws {
        let dir = WALTestSupport.directory(self)
        var options = WALTestSupport.logOnly()
        options.retention = .seconds(5)
        // Written without retention: samples at 1s..10s; "old" only has samples at 1s..2s.
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        _ = try WALTestSupport.fill(storage, series: 2, perSeries: 10)
        let app = storage.appender()
        try app.append(["__name__": "old"], t: 1_000, v: 1)
        try app.append(["__name__": "old"], t: 2_000, v: 2)
        try app.commit()
        try storage.close()

        // Replay: the newest sample is at 10s, so retention keeps from 5s on (whole chunks in memory).
        let reopened = try PersistentStorage.open(directory: dir, options: options)
        let held = try WALTestSupport.contents(reopened)
        XCTAssertEqual(held.count, 2, "the series with only old samples is gone: \(held.keys.sorted())")
        XCTAssertEqual(reopened.replayReport.samplesDroppedByRetention, 2)
        // Samples older than retention are rejected as out of bounds by the store.
        let late = reopened.appender()
        XCTAssertThrowsError(try late.append(["__name__": "new"], t: 4_000, v: 0)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .outOfBounds)
        }
        // New data at 13s: a checkpoint keeps only samples >= 8s, and moves the store's bounds forward.
        let fresh = reopened.appender()
        for s in 0..<2 { try fresh.append(["__name__": "wal_test", "instance": "host-\(s)", "job": "node"], t: 13_000, v: 1) }
        try fresh.commit()
        let report = try reopened.checkpoint()
        XCTAssertEqual(report.samples, 2 * 4, "8s, 9s, 10s and 13s of both series")
        let now = reopened.appender()
        XCTAssertThrowsError(try now.append(["__name__": "new"], t: 7_500, v: 0)) {
            XCTAssertEqual(($0 as? StorageError)?.kind, .outOfBounds)
        }
        try reopened.close()
        let third = try PersistentStorage.open(directory: dir, options: options)
        defer { try? third.close() }
        XCTAssertEqual(third.replayReport.samples, 8)
        XCTAssertEqual(third.replayReport.samplesDroppedByRetention, 0)
        XCTAssertEqual(try WALTestSupport.contents(third).values.map { $0.map(\.t) }.first, [8_000, 9_000, 10_000, 13_000])
    }

    func testRetentionIsMeasuredFromTheDataSoBackfilledOldDataIsKept() throws {
        let dir = WALTestSupport.directory(self)
        var options = WALTestSupport.logOnly()
        options.retention = .seconds(15 * 24 * 3600)
        let storage = try PersistentStorage.open(directory: dir, options: options)
        // Samples from January 1970, long before the wall clock's 15 days.
        let expected = try WALTestSupport.fill(storage, series: 3, perSeries: 4)
        try storage.checkpoint()
        try storage.close()
        let reopened = try PersistentStorage.open(directory: dir, options: options)
        defer { try? reopened.close() }
        XCTAssertEqual(try WALTestSupport.contents(reopened), expected)
    }

    // MARK: - Lock

    func testLockRefusesASecondOpenUntilClosed() throws {
        let dir = WALTestSupport.directory(self)
        let first = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        XCTAssertThrowsError(try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())) { error in
            XCTAssertEqual((error as? WALError)?.kind, .locked)
            let text = "\(error)"
            XCTAssertTrue(text.contains(dir) && text.contains("in use") && text.contains("process \(getpid())"), text)
        }
        try first.close()
        let second = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        try second.close()
        // A closed storage refuses commits with a clear error.
        let app = second.appender()
        try app.append(["__name__": "late"], t: 1, v: 1)
        XCTAssertThrowsError(try app.commit()) { XCTAssertEqual(($0 as? WALError)?.kind, .closed) }
    }

    func testUnwritableDirectoryIsAnError() throws {
        XCTAssertThrowsError(try PersistentStorage.open(directory: "/proc/labctl-no-such/dir", options: WALTestSupport.logOnly())) {
            XCTAssertEqual(($0 as? WALError)?.kind, .io)
        }
    }
}
