import XCTest
@testable import LabCatalog

final class BoundedHashSetTests: XCTestCase {
    func testJaccardAndCapacity() {
        var a = BoundedHashSet(capacity: 3)
        for h: UInt64 in [1, 2, 3, 4] { a.insert(h) }
        XCTAssertEqual(a.hashes, [1, 2, 3], "the fourth hash is dropped at capacity")
        XCTAssertTrue(a.isFull)
        var b = BoundedHashSet(capacity: 10)
        for h: UInt64 in [2, 3, 5] { b.insert(h) }
        XCTAssertEqual(a.jaccard(b), 2.0 / 4.0, accuracy: 1e-12)
        XCTAssertEqual(b.jaccard(a), 2.0 / 4.0, accuracy: 1e-12)
        XCTAssertEqual(BoundedHashSet(capacity: 1).jaccard(BoundedHashSet(capacity: 1)), 0)
        b.formUnion(a)
        XCTAssertEqual(b.hashes, [1, 2, 3, 5])
        var small = BoundedHashSet(capacity: 2)
        small.formUnion(b)
        XCTAssertEqual(small.count, 2, "a union stops at capacity")
        XCTAssertEqual(BoundedHashSet(capacity: -5).capacity, 0)
    }
}
