import XCTest
import PromModel
@testable import Runtime

final class EngineBinaryTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "req", "job": "a", "code": "200"], step: 60, [10])
        try load(["__name__": "req", "job": "a", "code": "500"], step: 60, [2])
        try load(["__name__": "req", "job": "b", "code": "200"], step: 60, [4])
        try load(["__name__": "lim", "job": "a"], step: 60, [20])
        try load(["__name__": "lim", "job": "b"], step: 60, [8])
        try load(["__name__": "dup", "label": "alpha"], step: 60, [1])
        try load(["__name__": "dup", "label": "beta"], step: 60, [2])
        try load(["__name__": "one"], step: 60, [3])
    }

    func testArithmeticDropsNameAndComparisonFilters() throws {
        XCTAssertEqual(try vector("req * 2", at: 0).count, 3)
        XCTAssertEqual(try vector("req{code=\"500\"} * 2", at: 0), ["{code=\"500\", job=\"a\"}": 4])
        XCTAssertEqual(try vector("req > 5", at: 0), ["req{code=\"200\", job=\"a\"}": 10])
        XCTAssertEqual(try vector("req > bool 5", at: 0).values.sorted(), [0, 0, 1])
        XCTAssertEqual(try vector("5 < req", at: 0), ["req{code=\"200\", job=\"a\"}": 10])
        XCTAssertEqual(try scalar("2 ^ 10 + 1 % 3", at: 0), 1025)
    }

    func testGroupLeftCopiesLabelsAndOneToOneOn() throws {
        XCTAssertEqual(try vector("req / on(job) group_left lim", at: 0),
                       ["{code=\"200\", job=\"a\"}": 0.5, "{code=\"500\", job=\"a\"}": 0.1, "{code=\"200\", job=\"b\"}": 0.5])
        XCTAssertEqual(try vector("sum by (job) (req) / on(job) lim", at: 0), ["{job=\"a\"}": 0.6, "{job=\"b\"}": 0.5])
    }

    func testManyToOneWithoutGroupModifierFails() {
        assertFails("req / on(job) lim", at: 0,
                    containing: "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
    }

    func testDuplicateOnOneSideFailsWithSortedSeries() {
        assertFails("one > on() dup", at: 0, containing:
            "found duplicate series for the match group {} on the right hand-side of the operation: "
            + "[{__name__=\"dup\", label=\"alpha\"}, {__name__=\"dup\", label=\"beta\"}];"
            + "many-to-many matching not allowed: matching labels must be unique on one side")
    }

    func testSetOperators() throws {
        XCTAssertEqual(try vector("req and on(job) lim{job=\"b\"}", at: 0), ["req{code=\"200\", job=\"b\"}": 4])
        XCTAssertEqual(try vector("req unless on(job) lim{job=\"b\"}", at: 0).count, 2)
        XCTAssertEqual(try vector("lim or on(job) req", at: 0).count, 2)
        XCTAssertEqual(try vector("lim{job=\"a\"} or ignoring(code) req{job=\"b\"}", at: 0).count, 2)
    }

    func testDelayedNameRemovalCollisionFails() throws {
        try load(["__name__": "t1", "src": "a"], step: 60, [0])
        try load(["__name__": "t2", "src": "a"], step: 60, [1])
        assertFails("-{__name__=~\"t1|t2\"}", at: 0, containing: "vector cannot contain metrics with the same labelset")
        XCTAssertEqual(try vector("-t1 or -t2", at: 0), ["{src=\"a\"}": 0])
    }
}
