import Foundation
import XCTest
import PromModel
import PromQL
import Storage
@testable import Runtime

/// The engine over a replayed WAL: the same queries give the same answers after a restart.
final class WALReplayEngineTests: XCTestCase {
    func testPromQLAnswersTheSameAfterReplay() throws {
        let dir = WALReplayEngineTests.directory(self)
        let storage = try PersistentStorage.open(directory: dir, options: WALReplayEngineTests.logOnly())
        _ = try WALReplayEngineTests.fill(storage, series: 6, perSeries: 120, step: 15_000)
        let engine = Engine(options: .conformance)
        let query = try Parser(options: .allExperimental).parseExpr("sum by (job) (rate(wal_test[1m])) or max by (instance) (wal_test)")
        func answer(_ q: any Querier) throws -> String {
            let result = try engine.instantQuery(query, at: 1_000 + 100 * 15_000, querier: q)
            guard case .vector(let samples) = result.value else { return "not a vector" }
            return samples.map { "\($0.metric) \($0.f)" }.sorted().joined(separator: "\n")
        }
        let before = try answer(storage)
        try storage.close()
        let reopened = try PersistentStorage.open(directory: dir, options: WALReplayEngineTests.logOnly())
        defer { try? reopened.close() }
        XCTAssertFalse(before.isEmpty)
        XCTAssertEqual(try answer(reopened), before)
    }

    // MARK: - Support

    private static func directory(_ test: XCTestCase) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-wal-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    private static func logOnly() -> PersistentStorageOptions {
        PersistentStorageOptions(wal: WALWriter.Options(segmentSize: 128 << 20, syncInterval: 0.05),
                                 retention: nil, checkpointInterval: 0, checkpointOnClose: false)
    }

    private static func fill(_ storage: any Storage, series: Int, perSeries: Int, step: Int64) throws -> Int {
        for i in 0..<perSeries {
            let app = storage.appender()
            for s in 0..<series {
                let labels: Labels = ["__name__": "wal_test", "instance": "host-\(s)", "job": "node"]
                try app.append(labels, t: 1_000 + Int64(i) * step, v: Double(i * 10 + s) + 0.25)
            }
            try app.commit()
        }
        return series * perSeries
    }
}
