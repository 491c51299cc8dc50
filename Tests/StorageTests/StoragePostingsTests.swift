import XCTest
import PromModel
@testable import Storage

final class StoragePostingsTests: XCTestCase {
    func testIntersectMergeSubtract() {
        XCTAssertEqual(Postings.intersect([[1, 3, 5, 7, 9], [3, 4, 5, 9, 100], [0, 5, 9]]), [5, 9])
        XCTAssertEqual(Postings.intersect([[1, 2], []]), [])
        XCTAssertEqual(Postings.union([[1, 4], [2, 4, 8], [0]]), [0, 1, 2, 4, 8])
        XCTAssertEqual(Postings.merge([1, 3], [2, 3, 4]), [1, 2, 3, 4])
        XCTAssertEqual(Postings.subtract([1, 2, 3, 4, 5], [2, 5, 6]), [1, 3, 4])
        XCTAssertEqual(Postings.gallop([1, 2, 3, 10, 20, 30, 40, 50], from: 0, to: 25), 5)
    }

    func testRandomSetOperationsAgainstSets() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let lists = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                Array(Set((0..<Int.random(in: 0...300, using: &rng)).map { _ in
                    UInt32.random(in: 0...500, using: &rng)
                })).sorted()
            }
            var expected = Set(lists[0])
            for l in lists.dropFirst() { expected.formIntersection(l) }
            XCTAssertEqual(Postings.intersect(lists), expected.sorted())
            XCTAssertEqual(Postings.union(lists), Set(lists.joined()).sorted())
            if lists.count >= 2 {
                XCTAssertEqual(Postings.subtract(lists[0], lists[1]), Set(lists[0]).subtracting(lists[1]).sorted())
            }
        }
    }

    /// Selections through the index agree with matching every series one by one.
    func testSelectionAgreesWithBruteForce() throws {
        let storage = MemoryStorage()
        var rng = SystemRandomNumberGenerator()
        let names = ["job", "status", "instance", "env"]
        let values = ["", "a", "b", "api", "500", "503", "200", "x.y"]
        for i in 0..<600 {
            var pairs = [Label("__name__", "m\(i % 3)")]
            for n in names {
                let v = values.randomElement(using: &rng) ?? ""
                pairs.append(Label(n, v))
            }
            pairs.append(Label("id", "\(i)"))
            try storage.append(Labels(pairs), t: 1000, v: Double(i))
        }
        let all = storage.allSeriesLabels()
        let patterns = ["", "a", "5..", ".*", ".+", "a|b", "x\\.y", "api|"]
        for _ in 0..<300 {
            var matchers: [LabelMatcher] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let type = LabelMatcher.MatchType.allCases.randomElement(using: &rng) ?? .equal
                let name = (names + ["missing", "__name__"]).randomElement(using: &rng) ?? "job"
                let value = (type == .equal || type == .notEqual ? values + ["m1"] : patterns)
                    .randomElement(using: &rng) ?? ""
                matchers.append(try LabelMatcher(type, name, value))
            }
            let expected = all.filter { labels in matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") } }
            let got = try storage.select(matchers, mint: 0, maxt: 2000).map(\.labels)
            XCTAssertEqual(got, expected, "\(matchers)")
        }
    }
}
