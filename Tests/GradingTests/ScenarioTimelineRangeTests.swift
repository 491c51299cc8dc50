import Foundation
import LabCatalog
import XCTest
@testable import Grading

/// A real Prometheus holds every scenario of a lab in one TSDB: before a scenario whose checks select
/// long ranges (Lab 8's `[30d]` SLO windows) the slot gap grows by that range, so the window never
/// sums another scenario's requests; a lab that lists that scenario first keeps its timeline short.
final class ScenarioTimelineRangeTests: XCTestCase {
    static let day: Int64 = 86_400_000

    func testLab8ListsItsSLOScenarioFirstAndStaysWithinDefaultRetention() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab8")
        XCTAssertEqual(spec.scenarios.first?.name, "slo_traffic")
        XCTAssertEqual(ScenarioTimeline.longestReferenceRange(spec, scenario: "slo_traffic"), 30 * Self.day)
        XCTAssertLessThanOrEqual(ScenarioTimeline.longestReferenceRange(spec, scenario: "steady_traffic"), 3_600_000)
        let timeline = ScenarioTimeline(spec)
        let span = timeline.offset("steady_traffic") - timeline.offset("slo_traffic")
        XCTAssertGreaterThanOrEqual(span, Self.day)
        XCTAssertLessThan(span, 15 * Self.day)
    }

    func testLongWindowScenarioListedLaterGetsAWideGap() throws {
        let catalog = try Catalog.installed(environment: [:])
        var spec = try catalog.requireLab("lab8")
        spec.scenarios.reverse()
        let timeline = ScenarioTimeline(spec)
        let gap = timeline.offset("slo_traffic") - timeline.offset("steady_traffic")
        XCTAssertGreaterThan(gap, 30 * Self.day + 10 * 60_000, "the SLO window would reach the steady scenario")
    }

    func testLabsWithShortRangesKeepADayApart() throws {
        let catalog = try Catalog.installed(environment: [:])
        let spec = try catalog.requireLab("lab7")
        let timeline = ScenarioTimeline(spec)
        let starts = spec.scenarios.map { timeline.offset($0.name) }.sorted()
        XCTAssertGreaterThan(starts.count, 1)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later - earlier, Self.day)
            XCTAssertLessThan(later - earlier, 3 * Self.day)
        }
    }
}
