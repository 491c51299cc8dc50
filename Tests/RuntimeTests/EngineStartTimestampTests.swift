import XCTest
import PromModel
@testable import Runtime

/// `rate`, `increase`, `irate` and `resets` reading start timestamps (on in `.conformance`, off by default).
final class EngineStartTimestampTests: EngineTestCase {
    /// Appends `values[i]` at `i` minutes with start timestamp `i` minutes plus `starts[i]` seconds.
    private func loadWithStarts(_ name: String, _ values: [Double], starts: [Int64?]) throws {
        let app = storage.appender()
        for (i, v) in values.enumerated() {
            let t = Int64(i) * 60_000
            if i < starts.count, let s = starts[i] {
                try app.append(["__name__": name], t: t, v: v, st: t + s * 1000)
            } else {
                try app.append(["__name__": name], t: t, v: v)
            }
        }
        try app.commit()
    }

    func testDeltaSamplesCountAsResets() throws {
        // Each sample counts the 60 events since the previous one (start = previous sample's time).
        try loadWithStarts("d_total", [60, 60, 60, 60, 60, 60], starts: [-60, -60, -60, -60, -60, -60])
        assertClose(try vector("increase(d_total[3m])", at: 300)["{}"], 180)
        assertClose(try vector("irate(d_total[3m])", at: 300)["{}"], 1)
        XCTAssertEqual(try vector("resets(d_total[3m])", at: 300), ["{}": 2])
        // Through a subquery the start timestamps are gone: a flat series.
        XCTAssertEqual(try vector("increase(d_total[3m:1m])", at: 300), ["{}": 0])
    }

    func testStartInsideTheWindowReplacesExtrapolation() throws {
        // Samples 1 2 3 at 0m, 1m, 2m, all started at -30s: a zero there instead of extrapolating to the
        // left; window (-1m, 2m]: 2 + the first sample's 1 over the 2m30s since the start.
        try loadWithStarts("c_total", [1, 2, 3], starts: [-30, -90, -150])
        assertClose(try vector("increase(c_total[3m])", at: 120)["{}"], 3)
    }

    func testOptionOffIgnoresStartTimestamps() throws {
        try loadWithStarts("d_total", [60, 60, 60, 60], starts: [-60, -60, -60, -60])
        engine = Engine(options: .standard)
        XCTAssertEqual(try vector("increase(d_total[3m])", at: 180), ["{}": 0])
        XCTAssertEqual(try vector("resets(d_total[3m])", at: 180), ["{}": 0])
    }

    func testOverlappingStartWarns() throws {
        try loadWithStarts("o_total", [60, 120, 180], starts: [-120, -120, -120])
        let q = "rate(o_total[3m])"
        let r = try instant(q, at: 150)
        XCTAssertEqual(r.annotations.map { $0.rendered(query: q) },
                       ["PromQL warning: sample has start time that overlaps with previous sample timestamp "
                        + "for metric \"o_total\" (1:6)"])
    }
}
