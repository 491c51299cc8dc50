import XCTest
@testable import Runtime

/// Input series of a rule test group are limited in total, not only one by one.
final class SeriesLoaderLimitTests: XCTestCase {
    func testManyLongSeriesAreRefusedInsteadOfExhaustingMemory() {
        let input = (0..<60).map {
            RuleTestInputSeries(series: "up{job=\"a\($0)\"}", values: "0+1x9999999", location: nil)
        }
        XCTAssertThrowsError(try SeriesLoader(input, interval: 60_000)) {
            XCTAssertTrue("\($0)".contains("more than \(SeriesLoader.maxTotalValues) values in all"), "\($0)")
        }
    }

    func testSeriesWithinTheTotalLoad() throws {
        let input = (0..<3).map {
            RuleTestInputSeries(series: "up{job=\"a\($0)\"}", values: "0+1x9", location: nil)
        }
        XCTAssertNoThrow(try SeriesLoader(input, interval: 60_000))
    }
}
