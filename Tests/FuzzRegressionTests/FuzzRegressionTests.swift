import Foundation
import FuzzTargets
import XCTest

/// Replays every input in `Inputs/<target>/` through the same entry points libFuzzer calls: each must
/// run to the end without breaking a property. The folder holds the inputs `Fuzz/run` found
/// (`crash-…`, `timeout-…`, `oom-…`, minimised) and hand-written limit cases (`edge-…`: alias bombs,
/// deep nesting, huge lengths and repetition counts, corrupt WAL records).
final class FuzzRegressionTests: XCTestCase {
    private static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Inputs")

    private func files(of target: String) throws -> [URL] {
        let folder = Self.inputs.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    func testEveryInputFolderIsATarget() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.inputs.path).filter { !$0.hasPrefix(".") }
        XCTAssertFalse(folders.isEmpty, "no regression inputs")
        for folder in folders {
            XCTAssertNotNil(FuzzTargets.named(folder), "Inputs/\(folder) is not a fuzz target")
        }
    }

    func testTargetNamesAreUnique() {
        let names = FuzzTargets.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertGreaterThanOrEqual(names.count, 20)
    }

    func testFoundInputsReplayCleanly() throws {
        var replayed = 0
        for target in FuzzTargets.all {
            for file in try files(of: target.name) {
                let bytes = [UInt8](try Data(contentsOf: file))
                XCTAssertEqual(target.run(bytes), [], "\(target.name)/\(file.lastPathComponent)")
                replayed += 1
            }
        }
        XCTAssertGreaterThan(replayed, 0)
    }

    /// A sanity check of the property the PromQL target asserts: a query whose printed form is fine.
    func testPromQLTargetAcceptsAGoodQuery() throws {
        let target = try XCTUnwrap(FuzzTargets.named("promql"))
        XCTAssertEqual(target.run(Array(#"sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))"#.utf8)), [])
    }
}
