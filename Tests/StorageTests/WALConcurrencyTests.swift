import Foundation
import XCTest
import PromModel
@testable import Storage

/// Appenders on several threads while background checkpoints run: replay holds exactly what was
/// committed.
final class WALConcurrencyTests: XCTestCase {
    func testConcurrentAppendersAndBackgroundCheckpointsReplayExactly() throws {
        let dir = WALTestSupport.directory(self)
        let options = PersistentStorageOptions(wal: WALWriter.Options(segmentSize: 8 << 10, syncInterval: 0.05),
                                               retention: nil, checkpointInterval: 0.05, checkpointOnClose: false)
        let storage = try PersistentStorage.open(directory: dir, options: options)
        let threads = 4
        let commitsPerThread = 150
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            do {
                for i in 0..<commitsPerThread {
                    let app = storage.appender()
                    for s in 0..<5 {
                        try app.append(["__name__": "concurrent", "worker": "\(worker)", "s": "\(s)"],
                                       t: Int64(i + 1) * 1000, v: Double(worker * 1000 + i))
                    }
                    try app.commit()
                    if i % 50 == 0 { usleep(20_000) }  // let checkpoints interleave
                }
            } catch {
                errors.add(error)
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        let expected = try WALTestSupport.contents(storage)
        XCTAssertEqual(expected.count, threads * 5)
        XCTAssertEqual(expected.values.reduce(0) { $0 + $1.count }, threads * 5 * commitsPerThread)
        let deadline = Date().addingTimeInterval(10)
        while storage.status.lastCheckpoint == nil, Date() < deadline { usleep(10_000) }
        XCTAssertNotNil(storage.status.lastCheckpoint, "background checkpoints ran")
        XCTAssertNil(storage.checkpointError)
        try storage.close()

        let reopened = try PersistentStorage.open(directory: dir, options: WALTestSupport.logOnly())
        defer { try? reopened.close() }
        XCTAssertEqual(try WALTestSupport.contents(reopened), expected)
        XCTAssertTrue(reopened.replayReport.warnings.isEmpty, "\(reopened.replayReport.warnings)")
        XCTAssertEqual(reopened.replayReport.samplesRejected, 0)
    }
}

/// Errors collected from several threads.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.withLock { errors.append(error) } }
    var all: [Error] { lock.withLock { errors } }
}
