import XCTest
import PromModel
import Storage
@testable import Runtime

/// The experimental `info()` function: joins on instance/job, data-label matchers, churn and time pinning.
final class EngineInfoTests: EngineTestCase {
    override func setUpWithError() throws {
        try load(["__name__": "up", "instance": "a", "job": "j"], step: 60, [1, 2, 3, 4])
        try load(["__name__": "up", "instance": "z", "job": "j"], step: 60, [5, 6, 7, 8])
        try load(["__name__": "target_info", "instance": "a", "job": "j", "region": "eu", "env": "prod"], step: 60,
                 [1, 1, nil, nil])
        try storage.append(["__name__": "target_info", "instance": "a", "job": "j", "region": "eu", "env": "prod"],
                           t: 120_000, v: StaleNaN.value)
        try load(["__name__": "target_info", "instance": "a", "job": "j", "region": "us", "env": "prod"], step: 60,
                 [nil, nil, 1, 1])
        try load(["__name__": "build_info", "instance": "a", "job": "j", "version": "1.2"], step: 60, [1, 1, 1, 1])
    }

    func testAddsAllDataLabelsOfTargetInfoByDefault() throws {
        XCTAssertEqual(try vector("info(up)", at: 0), [
            "up{env=\"prod\", instance=\"a\", job=\"j\", region=\"eu\"}": 1,
            "up{instance=\"z\", job=\"j\"}": 5,
        ])
    }

    func testDataMatchersRestrictLabelsAndDropUnmatchedSeries() throws {
        XCTAssertEqual(try vector("info(up, {region=~\".+\"})", at: 0),
                       ["up{instance=\"a\", job=\"j\", region=\"eu\"}": 1])
        XCTAssertEqual(try vector("info(up, {region=~\".*\"})", at: 0), [
            "up{instance=\"a\", job=\"j\", region=\"eu\"}": 1,
            "up{instance=\"z\", job=\"j\"}": 5,
        ])
    }

    func testNameMatchersChooseInfoMetricsAndInfoSeriesPassThrough() throws {
        XCTAssertEqual(try vector("info(up{instance=\"a\"}, {__name__=\"build_info\"})", at: 0),
                       ["up{instance=\"a\", job=\"j\", version=\"1.2\"}": 1])
        XCTAssertEqual(try vector("info(build_info)", at: 0),
                       ["build_info{env=\"prod\", instance=\"a\", job=\"j\", region=\"eu\", version=\"1.2\"}": 1])
        XCTAssertEqual(try vector("info(target_info{region=\"eu\"})", at: 0),
                       ["target_info{env=\"prod\", instance=\"a\", job=\"j\", region=\"eu\"}": 1])
        // Only negated name matchers: limited to *_info metrics other than target_info.
        XCTAssertEqual(try vector("info(up{instance=\"a\"}, {__name__!=\"target_info\"})", at: 0),
                       ["up{instance=\"a\", job=\"j\", version=\"1.2\"}": 1])
    }

    func testChurnPicksTheCurrentInfoSeriesAndAtPinsTheLookup() throws {
        XCTAssertEqual(try vector("info(up{instance=\"a\"})", at: 180),
                       ["up{env=\"prod\", instance=\"a\", job=\"j\", region=\"us\"}": 4])
        XCTAssertEqual(try vector("info(up{instance=\"a\"} @ 60)", at: 180),
                       ["up{env=\"prod\", instance=\"a\", job=\"j\", region=\"eu\"}": 2])
        XCTAssertEqual(try vector("info(up{instance=\"a\"} offset 2m)", at: 180),
                       ["up{env=\"prod\", instance=\"a\", job=\"j\", region=\"eu\"}": 2])
    }

    func testSameTimestampDuplicatesAndConflictingInfoMetricsFail() throws {
        try load(["__name__": "target_info", "instance": "a", "job": "j", "region": "ap"], step: 60, [1])
        assertFails("info(up)", at: 0, containing: "found duplicate series for info metric")
        try load(["__name__": "other_info", "instance": "z", "job": "j", "zone": "1"], step: 60, [1])
        try load(["__name__": "more_info", "instance": "z", "job": "j", "zone": "2"], step: 60, [1])
        assertFails("info(up{instance=\"z\"}, {__name__=~\".+_info\"})", at: 0, containing: "conflicting label: zone")
    }
}
