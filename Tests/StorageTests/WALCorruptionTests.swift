import XCTest
import PromModel
@testable import Storage

/// Torn and corrupt logs: replay keeps every good record before the damage, truncates the segment
/// there with a warning, never crashes, and the next open is clean.
final class WALCorruptionTests: XCTestCase {
    private struct Log {
        let dir: String
        let segment: String
        /// Offset where the last commit's record starts, and the file's end.
        let lastStart: Int
        let end: Int
        let before: [String: [Sample]]
        let all: [String: [Sample]]
    }

    /// A one-segment log: 5 series × 10 commits, then a last commit of one samples record.
    private func makeLog() throws -> Log {
        let dir = WALTestSupport.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        let before = try WALTestSupport.fill(storage, series: 5, perSeries: 10)
        try storage.sync()
        let segment = try XCTUnwrap(WALTestSupport.segments(dir).first)
        let lastStart = WALTestSupport.size(segment)
        let app = storage.appender()
        var all = before
        for s in 0..<5 {
            let labels: Labels = ["__name__": "wal_test", "instance": "host-\(s)", "job": "node"]
            try app.append(labels, t: 100_000, v: Double(s))
            all[labels.description, default: []].append(Sample(t: 100_000, v: Double(s)))
        }
        try app.commit()
        try storage.close()
        return Log(dir: dir, segment: segment, lastStart: lastStart, end: WALTestSupport.size(segment), before: before, all: all)
    }

    private func open(_ dir: String) throws -> PersistentStorage {
        try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
    }

    func testTornTailAtEveryByteOffsetOfTheLastRecordIsRecovered() throws {
        let log = try makeLog()
        XCTAssertGreaterThan(log.end - log.lastStart, WALRecordCodec.headerSize)
        for cut in log.lastStart..<log.end {
            let dir = try WALTestSupport.copy(log.dir, self)
            let segment = WALTestSupport.segments(dir)[0]
            try WALFile.truncate(segment, to: cut)
            let storage = try open(dir)
            XCTAssertEqual(try WALTestSupport.contents(storage), log.before, "cut at \(cut)")
            let warnings = storage.replayReport.warnings
            if cut == log.lastStart {
                XCTAssertTrue(warnings.isEmpty, "a cut at a record boundary is a clean end: \(warnings)")
            } else {
                XCTAssertEqual(warnings.count, 1, "cut at \(cut): \(warnings)")
                XCTAssertEqual(warnings.first?.file, segment)
                XCTAssertEqual(warnings.first?.offset, log.lastStart)
                XCTAssertTrue(warnings.first?.reason.contains("truncated") ?? false)
            }
            XCTAssertEqual(WALTestSupport.size(segment), log.lastStart, "truncated at the last good record")
            // Appending after the repair works and survives the next open, which is clean.
            let app = storage.appender()
            try app.append(["__name__": "after_repair"], t: 200_000, v: 1)
            try app.commit()
            try storage.close()
            let again = try open(dir)
            XCTAssertTrue(again.replayReport.warnings.isEmpty, "\(again.replayReport.warnings)")
            XCTAssertEqual(try WALTestSupport.contents(again).count, log.before.count + 1)
            try again.close()
        }
        // The untouched log has everything.
        let whole = try open(log.dir)
        defer { try? whole.close() }
        XCTAssertEqual(try WALTestSupport.contents(whole), log.all)
    }

    func testFlippedByteInTheMiddleOfTheTailSegmentKeepsTheRecordsBeforeIt() throws {
        let log = try makeLog()
        // Record boundaries and sample counts of the intact segment.
        var reader = try WALSegmentReader(path: log.segment, maxRecordBytes: 1 << 20)
        var records: [(start: Int, end: Int, samples: Int)] = []
        var start = 0
        while let record = reader.next() {
            if case .samples(let s) = record { records.append((start, reader.offset, s.count)) } else { records.append((start, reader.offset, 0)) }
            start = reader.offset
        }
        XCTAssertNil(reader.corruption)
        let middle = log.end / 2
        let hit = try XCTUnwrap(records.firstIndex { $0.start <= middle && middle < $0.end })
        var bytes = try WALTestSupport.bytes(log.segment)
        bytes[middle] ^= 0x40
        try WALTestSupport.write(bytes, to: log.segment)

        let storage = try open(log.dir)
        let report = storage.replayReport
        XCTAssertEqual(report.warnings.count, 1, "\(report.warnings)")
        XCTAssertEqual(report.warnings.first?.offset, records[hit].start)
        XCTAssertEqual(report.samples, records[..<hit].reduce(0) { $0 + $1.samples })
        // What is held is a prefix of every series.
        for (labels, samples) in try WALTestSupport.contents(storage) {
            XCTAssertEqual(samples, Array((log.all[labels] ?? []).prefix(samples.count)))
        }
        try storage.close()
        XCTAssertEqual(WALTestSupport.size(log.segment), records[hit].start)
    }

    func testGarbageSegmentInTheMiddleIsTruncatedAndLaterSegmentsStillReplay() throws {
        let dir = WALTestSupport.directory(self)
        var expected: [String: [Sample]] = [:]
        for round in 0..<3 {
            let storage = try open(dir)
            let more = try WALTestSupport.fill(storage, series: 4, perSeries: 5, start: Int64(round) * 10_000 + 1_000)
            if round != 1 { for (k, v) in more { expected[k, default: []] += v } }
            try storage.close()
        }
        let segments = WALTestSupport.segments(dir)
        XCTAssertEqual(segments.count, 3)
        var rng = SystemRandomNumberGenerator()
        let garbage = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        try WALTestSupport.write(garbage, to: segments[1])
        // And a garbage segment at the tail.
        let tail = dir + "/wal/" + WALDirectory.segmentName(9)
        try WALTestSupport.write(Array(garbage.reversed()), to: tail)

        let storage = try open(dir)
        defer { try? storage.close() }
        XCTAssertEqual(try WALTestSupport.contents(storage), expected)
        XCTAssertEqual(storage.replayReport.warnings.map(\.file), [segments[1], tail], "\(storage.replayReport.warnings)")
        XCTAssertEqual(WALTestSupport.size(segments[1]), 0)
        XCTAssertEqual(WALTestSupport.size(tail), 0)
    }

    func testHugeLengthPrefixIsRejectedWithoutAllocating() throws {
        let log = try makeLog()
        var bytes = try WALTestSupport.bytes(log.segment)
        // A samples header claiming ~4 GiB, then a few bytes.
        bytes += [2, 0xFF, 0xFF, 0xFF, 0xF0, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3]
        try WALTestSupport.write(bytes, to: log.segment)
        let storage = try open(log.dir)
        XCTAssertEqual(try WALTestSupport.contents(storage), log.all)
        let warning = try XCTUnwrap(storage.replayReport.warnings.first)
        XCTAssertEqual(warning.offset, log.end)
        XCTAssertTrue(warning.reason.contains("exceeds the limit"), warning.reason)
        try storage.close()
        XCTAssertEqual(WALTestSupport.size(log.segment), log.end)

        // A length under the limit but past the end of the file is a torn record.
        var torn = try WALTestSupport.bytes(log.segment)
        torn += [2, 0, 0, 0x10, 0, 0, 0, 0, 0, 7]
        try WALTestSupport.write(torn, to: log.segment)
        let again = try open(log.dir)
        defer { try? again.close() }
        XCTAssertTrue(again.replayReport.warnings.first?.reason.contains("torn record") ?? false, "\(again.replayReport.warnings)")
        XCTAssertEqual(try WALTestSupport.contents(again), log.all)
    }

    func testEmptyAndZeroFilledSegments() throws {
        let log = try makeLog()
        // A zero-filled tail after the good records, an empty segment and a zero-filled segment.
        let bytes = try WALTestSupport.bytes(log.segment) + [UInt8](repeating: 0, count: 4096)
        try WALTestSupport.write(bytes, to: log.segment)
        try WALTestSupport.write([], to: log.dir + "/wal/00000007")
        try WALTestSupport.write([UInt8](repeating: 0, count: 32768), to: log.dir + "/wal/00000008")
        try WALTestSupport.write([0, 0, 0], to: log.dir + "/wal/00000009")
        let storage = try open(log.dir)
        XCTAssertEqual(try WALTestSupport.contents(storage), log.all)
        let warnings = storage.replayReport.warnings
        XCTAssertEqual(warnings.map(\.file), [log.segment, log.dir + "/wal/00000008", log.dir + "/wal/00000009"])
        XCTAssertTrue(warnings.allSatisfy { $0.reason.contains("zero-filled") }, "\(warnings)")
        XCTAssertEqual(storage.replayReport.segmentsRead, 4)
        try storage.close()
        XCTAssertEqual(WALTestSupport.size(log.segment), log.end)
        XCTAssertEqual(WALTestSupport.size(log.dir + "/wal/00000008"), 0)
        // The writer went on after the highest segment.
        XCTAssertTrue(FileManager.default.fileExists(atPath: log.dir + "/wal/00000010"))
    }

    func testCorruptCheckpointIsReportedNotFatal() throws {
        let dir = WALTestSupport.directory(self)
        let storage = try open(dir)
        _ = try WALTestSupport.fill(storage, series: 40, perSeries: 50)
        let report = try storage.checkpoint()
        try storage.close()
        let file = dir + "/wal/checkpoint." + WALDirectory.segmentName(report.segment) + "/00000000"
        // Rewrite the checkpoint as: series, the first half of the chunks, the second half (damaged).
        var reader = try WALSegmentReader(path: file, maxRecordBytes: 1 << 20)
        var series: [WALSeries] = []
        var chunks: [WALChunk] = []
        while let record = reader.next() {
            switch record {
            case .series(let s): series += s
            case .chunks(let c): chunks += c
            case .samples, .histogramSamples, .histogramChunks: XCTFail("whole chunks inside retention are written as chunks")
            }
        }
        XCTAssertEqual(chunks.reduce(0) { $0 + $1.count }, 40 * 50)
        let half = chunks.count / 2
        let kept = chunks[..<half].reduce(0) { $0 + $1.count }
        var bytes = WALRecordCodec.frame(.series(series)) + WALRecordCodec.frame(.chunks(Array(chunks[..<half])))
        var damaged = WALRecordCodec.frame(.chunks(Array(chunks[half...])))
        damaged[damaged.count / 2] ^= 0xFF
        bytes += damaged
        try WALTestSupport.write(bytes, to: file)

        let reopened = try open(dir)
        defer { try? reopened.close() }
        XCTAssertEqual(reopened.replayReport.warnings.count, 1)
        XCTAssertTrue(reopened.replayReport.warnings.first?.reason.contains("checkpoint") ?? false)
        XCTAssertEqual(reopened.replayReport.samples, kept, "the records before the damage were read")
        // Series whose samples were all in the damaged record are dropped, not kept empty.
        XCTAssertEqual(reopened.replayReport.series, Set(chunks[..<half].map(\.ref)).count)
    }
}
