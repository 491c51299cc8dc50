import PromModel
import XCTest
@testable import PromQL

final class SeriesDescriptionTests: XCTestCase {
    private func values(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [SeriesValue] {
        do {
            return try SeriesDescription.parse(text).values
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return []
        }
    }

    private func error(_ text: String, limits: SeriesDescriptionLimits = .default) -> SeriesDescriptionError? {
        do {
            _ = try SeriesDescription.parse(text, limits: limits)
            return nil
        } catch let e as SeriesDescriptionError {
            return e
        } catch {
            XCTFail("unexpected error type \(error)")
            return nil
        }
    }

    // MARK: - Good descriptions

    func testExpansions() {
        let f = SeriesValue.float
        let table: [(String, [SeriesValue])] = [
            ("m 1 2 3", [f(1), f(2), f(3)]),
            ("m 1+2x3", [f(1), f(3), f(5), f(7)]),
            ("m -1-1x2", [f(-1), f(-2), f(-3)]),
            ("m 5x2", [f(5), f(5), f(5)]),
            ("m 52+0x2", [f(52), f(52), f(52)]),
            ("m _ _x2 1", [.omitted, .omitted, .omitted, f(1)]),
            ("m stale 1 stale", [.stale, f(1), .stale]),
            ("m Inf -Inf +Inf", [f(.infinity), f(-.infinity), f(.infinity)]),
            ("m 1e3 .5 1_000 -2.5e-1", [f(1000), f(0.5), f(1000), f(-0.25)]),
            ("m 0.1+0.1x2", [f(0.1), f(0.2), f(0.30000000000000004)]),
            ("m 1x0", [f(1)]),
            ("m", []),
            ("m\t1\t\t2", [f(1), f(2)]),
        ]
        for (text, expected) in table {
            XCTAssertEqual(values(text), expected, text)
        }
        guard case .float(let nan)? = values("m NaN").first else { return XCTFail("NaN") }
        XCTAssertTrue(nan.isNaN)
    }

    func testMetricForms() throws {
        XCTAssertEqual(try SeriesDescription.parse(#"up{job="a", instance="x:1"} 1"#).labels,
                       ["__name__": "up", "job": "a", "instance": "x:1"])
        XCTAssertEqual(try SeriesDescription.parse("{} 1").labels, .empty)
        XCTAssertEqual(try SeriesDescription.parse(#"{"my.metric", "a.b"="c"} 1"#).labels,
                       ["__name__": "my.metric", "a.b": "c"])
        XCTAssertEqual(try SeriesDescription.parse(#"{__name__="x", le="+Inf"} 1"#).labels, ["__name__": "x", "le": "+Inf"])
        XCTAssertEqual(try SeriesDescription.parse(#"m{a="}{ 1"} 2"#).labels, ["__name__": "m", "a": "}{ 1"])
        XCTAssertEqual(try SeriesDescription.parse("job:rate5m 1").labels, ["__name__": "job:rate5m"])
        let parts = try SeriesDescription.parseMetric(#"  m{a="b"}@st 1"#)
        XCTAssertEqual(parts.labels, ["__name__": "m", "a": "b"])
        XCTAssertEqual(parts.end, 10)
    }

    func testHistograms() throws {
        let d = try SeriesDescription.parse(
            "h {{schema:1 sum:-3 count:22 z_bucket:1 z_bucket_w:0.001 buckets:[5 10 7] offset:-1 n_buckets:[1] n_offset:2 counter_reset_hint:gauge}} {{}}")
        XCTAssertEqual(d.values.count, 2)
        guard case .histogram(let h) = d.values[0] else { return XCTFail("not a histogram") }
        XCTAssertEqual(h.schema, 1)
        XCTAssertEqual(h.sum, -3)
        XCTAssertEqual(h.count, 22)
        XCTAssertEqual(h.zeroCount, 1)
        XCTAssertEqual(h.zeroThreshold, 0.001)
        XCTAssertEqual(h.positiveBuckets, [5, 10, 7])
        XCTAssertEqual(h.positiveOffset, -1)
        XCTAssertEqual(h.negativeBuckets, [1])
        XCTAssertEqual(h.negativeOffset, 2)
        XCTAssertEqual(h.counterResetHint, .gauge)
        XCTAssertTrue(h.counterResetHintWritten)
        XCTAssertEqual(d.values[1], .histogram(SeriesHistogram()))
        XCTAssertTrue(d.hasHistograms)
        XCTAssertEqual(h.description,
                       "{{schema:1 sum:-3 count:22 z_bucket:1 z_bucket_w:0.001 buckets:[5 10 7] offset:-1 n_buckets:[1] n_offset:2 counter_reset_hint:gauge}}")
    }

    func testHistogramSequences() throws {
        let repeated = try SeriesDescription.parse("h {{count:1 sum:2}}x2").values
        XCTAssertEqual(repeated.count, 3)
        let growing = try SeriesDescription.parse("h {{count:1 buckets:[1]}}+{{count:2 buckets:[1 1]}}x2").values
        let counts = growing.compactMap { v -> Double? in if case .histogram(let h) = v { return h.count } else { return nil } }
        XCTAssertEqual(counts, [1, 3, 5])
        guard case .histogram(let last)? = growing.last else { return XCTFail("no histogram") }
        XCTAssertEqual(last.positiveBuckets, [3, 2])
        let shrinking = try SeriesDescription.parse("h {{count:10}}-{{count:2}}x1").values
        XCTAssertEqual(shrinking.last, .histogram({ var h = SeriesHistogram(); h.count = 8; return h }()))
        // Different exponential schemas are reduced to the coarser one.
        let mixed = try SeriesDescription.parse(
            "h {{schema:-1 sum:4 count:1 buckets:[1] offset:1}}+{{schema:0 sum:4 count:4 buckets:[2 2] offset:1}}x1").values
        guard case .histogram(let sum)? = mixed.last else { return XCTFail("no histogram") }
        XCTAssertEqual(sum.schema, -1)
        XCTAssertEqual(sum.positiveBuckets.reduce(0, +), 5)
        XCTAssertEqual(sum.count, 5)
    }

    // MARK: - Errors with positions

    func testErrorsCarryColumns() {
        let table: [(String, Int, String)] = [
            ("m 1 2 foo", 7, "unexpected identifier \"foo\""),
            ("m 1+2", 6, "expected \"x\""),
            ("m 1x", 5, "invalid repetition"),
            ("m 1 2x-1", 7, "invalid repetition"),
            ("m 1 @", 5, "unexpected character \"@\""),
            ("m{a=~\"x\"} 1", 1, "must use \"=\""),
            ("m{a=\"1\", a=\"2\"} 1", 1, "duplicate label name"),
            ("m{a=\"b\" 1", 2, "unclosed label set"),
            ("m{1=\"b\"} 1", 3, "unexpected"),
            ("m 1 stalex3", 5, "unexpected identifier \"stalex3\""),
            ("m -stale", 4, "unexpected identifier \"stale\""),
            ("m {{schema:0 sum:5", 3, "unclosed histogram"),
            ("m {{foo:1}}", 5, "unknown histogram field \"foo\""),
            ("m {{buckets:[1 2}}", 17, "unexpected character \"}\" in bucket list"),
            ("m {{schema:0.5}}", 12, "expected an integer"),
            ("m {{counter_reset_hint:maybe}}", 24, "invalid counter_reset_hint"),
            ("m {{sum:1 sum:2}}", 11, "duplicate histogram field"),
            ("m {{count:1}}+{{count:1}}", 26, "expected \"x\""),
            ("m {{schema:-53 custom_values:[1]}}+{{schema:0}}x2", 36, "same schema"),
            ("1 2", 1, "metric"),
            (" =", 2, "expected a metric name or a label set"),
        ]
        for (text, column, fragment) in table {
            guard let e = error(text) else { XCTFail("\(text): expected an error"); continue }
            XCTAssertEqual(e.column, column, "\(text): \(e)")
            XCTAssertTrue(e.message.contains(fragment), "\(text): \(e.message)")
        }
    }

    // MARK: - Limits

    func testHugeRepetitionIsRejectedWithoutExpanding() {
        let start = Date()
        let e = error("m 1x1000000000")
        XCTAssertNotNil(e)
        XCTAssertTrue(e?.message.contains("limit") == true, "\(String(describing: e))")
        XCTAssertNotNil(error("m _x99999999999999999999999"))
        XCTAssertNotNil(error("m 1+1x18446744073709551615"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testTotalExpansionIsCapped() {
        let limits = SeriesDescriptionLimits(maxValues: 10)
        XCTAssertNil(error("m 1x9", limits: limits))
        XCTAssertEqual(error("m 1x5 2x4", limits: limits)?.column, 7)
        XCTAssertNotNil(error("m _x11", limits: limits))
        XCTAssertNotNil(error("m {{}}x10", limits: limits))
        XCTAssertNotNil(error("m {{buckets:[1 2 3]}}", limits: SeriesDescriptionLimits(maxValues: 10, maxBuckets: 2)))
    }

    func testHistogramIncrementsCannotSpanAHugeBucketRange() {
        // Offsets at both ends of Int32 would need a four-billion-entry bucket array.
        let start = Date()
        let wide = error("m {{offset:-2147483648 buckets:[1]}}+{{offset:2147483647 buckets:[1]}}x1")
        XCTAssertTrue(wide?.message.contains("buckets") == true, "\(String(describing: wide))")
        XCTAssertEqual(wide?.column, 38)
        let rescaled = error("m {{schema:8 offset:-2147483648 buckets:[1]}}+{{schema:-4 offset:2147483647 buckets:[1]}}x1")
        XCTAssertNotNil(rescaled)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testHistogramIncrementsAreCappedOnTotalBuckets() {
        // Each step of an increment sequence holds its own bucket array: 1000 buckets x 100000 steps
        // is a hundred million doubles, so it is an error rather than gigabytes of memory.
        let buckets = Array(repeating: "1", count: 1000).joined(separator: " ")
        let start = Date()
        let e = error("m {{buckets:[\(buckets)]}}+{{buckets:[1]}}x100000")
        XCTAssertTrue(e?.message.contains("buckets") == true, "\(String(describing: e))")
        XCTAssertEqual(e?.column, 3)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertNil(error("m {{buckets:[\(buckets)]}}+{{buckets:[1]}}x100"))
    }
}
