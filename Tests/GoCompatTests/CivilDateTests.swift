import GoCompat
import XCTest

final class CivilDateTests: XCTestCase {
    func testKnownInstants() {
        let epoch = CivilDate(unixSeconds: 0)
        XCTAssertEqual([epoch.year, epoch.month, epoch.day, epoch.weekday, epoch.dayOfYear], [1970, 1, 1, 4, 1])
        // 2024-02-29T23:59:59Z, a Thursday in a leap year.
        let leap = CivilDate(unixSeconds: 1_709_251_199)
        XCTAssertEqual([leap.year, leap.month, leap.day, leap.hour, leap.minute, leap.second], [2024, 2, 29, 23, 59, 59])
        XCTAssertEqual(leap.weekday, 4)
        XCTAssertEqual(leap.dayOfYear, 60)
        XCTAssertEqual(leap.daysInMonth, 29)
        // One second before the epoch.
        let before = CivilDate(unixSeconds: -1)
        XCTAssertEqual([before.year, before.month, before.day, before.hour, before.second, before.weekday],
                       [1969, 12, 31, 23, 59, 3])
    }

    func testDaysRoundTripAndExtremesDoNotTrap() {
        for days: Int64 in [-719_468, -1, 0, 59, 10_957, 2_932_896] {
            let c = CivilDate(unixSeconds: days * 86_400)
            XCTAssertEqual(CivilDate.days(year: c.year, month: c.month, day: c.day), days)
        }
        _ = CivilDate(unixSeconds: .min)
        _ = CivilDate(unixSeconds: .max)
        XCTAssertEqual(CivilDate.daysIn(month: 2, year: 1900), 28)
        XCTAssertEqual(CivilDate.daysIn(month: 2, year: 2000), 29)
    }
}
