import Foundation
import XCTest
@testable import Runtime

/// The one clock protocol and its manual clock: milliseconds and dates agree, time only moves forward.
final class ManualClockTests: XCTestCase {
    func testMillisecondsAndDatesAgree() {
        let clock = ManualClock(milliseconds: 1_700_000_000_123)
        XCTAssertEqual(clock.milliseconds, 1_700_000_000_123)
        XCTAssertEqual(clock.now, Date(timeIntervalSince1970: 1_700_000_000.123))
        clock.advance(by: 30)
        XCTAssertEqual(clock.milliseconds, 1_700_000_030_123)
        clock.set(milliseconds: 1_700_000_090_000)
        XCTAssertEqual(clock.milliseconds, 1_700_000_090_000)
        XCTAssertEqual(ManualClock(milliseconds: 0).milliseconds, 0)
        XCTAssertEqual(ManualClock().now, Date(timeIntervalSince1970: 1_700_000_000))
    }

    func testTimeNeverGoesBackwards() {
        let clock = ManualClock(milliseconds: 10_000)
        clock.set(milliseconds: 5_000)
        clock.advance(by: -3)
        clock.set(Date(timeIntervalSince1970: 1))
        XCTAssertEqual(clock.milliseconds, 10_000)
    }

    func testConversionsSaturateAndRound() {
        XCTAssertEqual(LabTime.milliseconds(Date(timeIntervalSince1970: 0.0006)), 1)
        XCTAssertEqual(LabTime.milliseconds(Date(timeIntervalSince1970: .infinity)), 0)
        XCTAssertEqual(LabTime.milliseconds(Date(timeIntervalSince1970: 1e300)), Int64.max / 2)
        XCTAssertEqual(LabTime.milliseconds(Date(timeIntervalSince1970: -1e300)), Int64.min / 2)
        XCTAssertEqual(LabTime.milliseconds(LabTime.date(-86_400_001)), -86_400_001)
    }

    func testSystemAndMonotonicClocksMove() {
        let wall = SystemClock().milliseconds
        XCTAssertGreaterThan(wall, 1_600_000_000_000)
        let a = MonotonicClock().now, b = MonotonicClock().now
        XCTAssertGreaterThanOrEqual(b, a)
    }
}
