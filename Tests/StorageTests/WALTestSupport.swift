import Foundation
import XCTest
import PromModel
@testable import Storage

/// Helpers shared by the WAL tests: temporary directories, options without background work,
/// and reading what a storage holds.
enum WALTestSupport {
    /// A fresh directory path (not created), removed at the end of the test.
    static func directory(_ test: XCTestCase) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-wal-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// No retention, no background checkpoints, no checkpoint on close: only the log.
    static func logOnly(segmentSize: Int = 128 << 20) -> PersistentStorageOptions {
        PersistentStorageOptions(wal: WALWriter.Options(segmentSize: segmentSize, syncInterval: 0.05),
                                 retention: nil, checkpointInterval: 0, checkpointOnClose: false)
    }

    /// Every series and its samples, keyed by the labels' text (values compared by bits).
    static func contents(_ storage: any Querier) throws -> [String: [Sample]] {
        let all = try storage.select([try LabelMatcher(.regexMatch, "__name__", ".+")], mint: .min, maxt: .max)
        var out: [String: [Sample]] = [:]
        for series in all { out[series.labels.description] = series.samples }
        return out
    }

    /// Appends `perSeries` samples to each of `series` series named `metric`, one commit per step.
    static func fill(_ storage: any Storage, series: Int, perSeries: Int, start: Int64 = 1_000, step: Int64 = 1_000,
                     metric: String = "wal_test") throws -> [String: [Sample]] {
        var expected: [String: [Sample]] = [:]
        for i in 0..<perSeries {
            let app = storage.appender()
            let t = start + Int64(i) * step
            for s in 0..<series {
                let labels: Labels = ["__name__": metric, "instance": "host-\(s)", "job": "node"]
                let v = Double(i * 10 + s) + 0.25
                try app.append(labels, t: t, v: v)
                expected[labels.description, default: []].append(Sample(t: t, v: v))
            }
            try app.commit()
        }
        return expected
    }

    /// The segment files of `dir`'s WAL, ascending.
    static func segments(_ dir: String) -> [String] {
        let wal = dir + "/wal"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: wal)) ?? []
        return names.filter { $0.allSatisfy(\.isNumber) }.sorted().map { wal + "/" + $0 }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A copy of directory `dir` at a new temporary path.
    static func copy(_ dir: String, _ test: XCTestCase) throws -> String {
        let target = directory(test)
        try FileManager.default.copyItem(atPath: dir, toPath: target)
        return target
    }
}
