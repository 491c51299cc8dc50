import XCTest
import PromModel
@testable import Storage

final class WALWriterTests: XCTestCase {
    private func makeWriter(_ options: WALWriter.Options) throws -> (WALWriter, WALDirectory) {
        let directory = WALDirectory(root: WALTestSupport.directory(self))
        try directory.create()
        return (try WALWriter(directory: directory, firstSegment: 1, options: options), directory)
    }

    private func samples(_ n: Int, t: Int64) -> WALRecord {
        .samples((0..<n).map { WALSample(ref: UInt64($0 + 1), t: t, v: Double($0)) })
    }

    func testBackgroundFlusherMakesRecordsDurableWithoutSync() throws {
        let (writer, directory) = try makeWriter(WALWriter.Options(syncInterval: 0.1))
        defer { try? writer.close() }
        let sequence = try writer.log([samples(10, t: 1)])
        XCTAssertEqual(sequence, 1)
        let deadline = Date().addingTimeInterval(5)
        while writer.syncedSequence < sequence, Date() < deadline { usleep(10_000) }
        XCTAssertEqual(writer.syncedSequence, sequence, "the flusher synced within its interval")
        XCTAssertEqual(WALTestSupport.size(directory.segmentPath(1)), WALRecordCodec.frame(samples(10, t: 1)).count)
    }

    func testSyncOnDemandAndCloseFlush() throws {
        let (writer, directory) = try makeWriter(WALWriter.Options(syncInterval: 60))
        try writer.log([samples(3, t: 1)])
        try writer.sync()
        XCTAssertEqual(writer.syncedSequence, 1)
        let afterSync = WALTestSupport.size(directory.segmentPath(1))
        XCTAssertGreaterThan(afterSync, 0)
        try writer.log([samples(3, t: 2), samples(1, t: 3)])
        XCTAssertEqual(WALTestSupport.size(directory.segmentPath(1)), afterSync, "still buffered")
        try writer.close()
        XCTAssertGreaterThan(WALTestSupport.size(directory.segmentPath(1)), afterSync, "close flushes")
        XCTAssertThrowsError(try writer.log([samples(1, t: 4)])) { XCTAssertEqual(($0 as? WALError)?.kind, .closed) }
        try writer.close()  // a second close is harmless
    }

    func testSegmentsRollAtTheSizeLimitAndReadBackInOrder() throws {
        let (writer, directory) = try makeWriter(WALWriter.Options(segmentSize: 300, syncInterval: 60))
        var logged: [WALRecord] = []
        for t in 0..<20 {
            let record = samples(10, t: Int64(t))
            logged.append(record)
            try writer.log([record])
        }
        XCTAssertEqual(try writer.roll(), writer.currentSegment - 1)
        try writer.close()
        let segments = directory.segments()
        XCTAssertGreaterThan(segments.count, 5)
        var read: [WALRecord] = []
        for n in segments {
            XCTAssertLessThanOrEqual(WALTestSupport.size(directory.segmentPath(n)), 300)
            var reader = try WALSegmentReader(path: directory.segmentPath(n), maxRecordBytes: 1 << 20)
            while let record = reader.next() { read.append(record) }
            XCTAssertNil(reader.corruption)
        }
        XCTAssertEqual(read, logged)
    }

    func testRecordsOverTheLimitAreRefused() throws {
        let (writer, _) = try makeWriter(WALWriter.Options(syncInterval: 60, maxRecordBytes: 100))
        defer { try? writer.close() }
        XCTAssertThrowsError(try writer.log([samples(50, t: 1)])) {
            XCTAssertEqual(($0 as? WALError)?.kind, .recordTooLarge)
        }
        XCTAssertNoThrow(try writer.log([samples(2, t: 1)]), "a refused record does not break the writer")
    }

    func testBatcherKeepsRecordsSmall() {
        let samples = (0..<100_000).map { WALSample(ref: UInt64($0), t: 5, v: 1) }
        let series = (0..<5_000).map { WALSeries(ref: UInt64($0), labels: ["__name__": "m", "v": String(repeating: "x", count: 1000)]) }
        let records = WALRecordBatcher.records(series: series, samples: samples)
        XCTAssertEqual(records.count, 5 + 4)
        for record in records { XCTAssertLessThan(WALRecordCodec.frame(record).count, 2 << 20) }
    }
}
