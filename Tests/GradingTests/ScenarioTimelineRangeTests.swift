import Foundation
import LabCatalog
import XCTest
@testable import Grading

/// A real Prometheus holds every scenario of a lab in one TSDB: the slots must be further apart than
/// the longest range a reference selects, or Lab 8's `[30d]` SLO windows would sum another scenario's
/// requests.
final class ScenarioTimelineRangeTests: XCTestCase {
    func testSlotsOutreachTheLongestReferenceRange() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab8")
        let thirtyDays: Int64 = 30 * 86_400_000
        XCTAssertEqual(ScenarioTimeline.longestReferenceRange(spec), thirtyDays)
        let timeline = ScenarioTimeline(spec)
        let starts = spec.scenarios.map { timeline.offset($0.name) }.sorted()
        XCTAssertEqual(starts.count, 2)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            XCTAssertGreaterThan(later - earlier, thirtyDays + 10 * 60_000, "the window of one scenario reaches the other")
        }
    }

    func testLabsWithShortRangesKeepADayApart() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab7")
        XCTAssertLessThanOrEqual(ScenarioTimeline.longestReferenceRange(spec), 3_600_000)
        let timeline = ScenarioTimeline(spec)
        let starts = spec.scenarios.map { timeline.offset($0.name) }.sorted()
        XCTAssertGreaterThan(starts.count, 1)
        if let first = starts.first, let second = starts.dropFirst().first {
            XCTAssertLessThan(second - first, 3 * 86_400_000)
            XCTAssertGreaterThanOrEqual(second - first, 86_400_000)
        }
    }
}
