import XCTest
import PromModel
import Storage
import PromQL
@testable import Runtime

/// Aggregations over a selector or a range function fold their argument series by series; these
/// tests check that this gives exactly (bit for bit) what aggregating the collected matrix gives.
final class EngineStreamingTests: EngineTestCase {
    /// Counters with resets, gauges with NaN, ±Inf and negative values, gaps and staleness markers.
    private func loadMixedData() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let jobs = ["api", "web", "db"]
        for i in 0..<12 {
            var counter = 0.0
            var values: [Double?] = []
            for step in 0..<120 {
                let r = next() % 100
                if r < 4 { values.append(nil); continue }
                if r < 6 { counter = 0 }
                counter += Double(next() % 1000) / 7
                values.append(counter)
                _ = step
            }
            let name = i % 5 == 0 ? "reqs" : "reqs_total"
            try load(["__name__": name, "job": jobs[i % 3], "instance": "h\(i)"], step: 15, values)
        }
        for i in 0..<9 {
            var values: [Double?] = []
            for _ in 0..<120 {
                let r = next() % 200
                switch r {
                case 0: values.append(.nan)
                case 1: values.append(.infinity)
                case 2: values.append(-.infinity)
                case 3..<12: values.append(nil)
                case 12: values.append(StaleNaN.value)
                default: values.append(Double(Int(next() % 20_000) - 10_000) / 3)
                }
            }
            try load(["__name__": "gauge", "job": jobs[i % 3], "instance": "h\(i)"], step: 15, values)
        }
    }

    private func evaluate(_ q: String, start: Int64, end: Int64, step: Int64, streaming: Bool,
                          options: EngineOptions) throws -> [StepSeries] {
        let ev = Evaluator(options: options, querier: storage, start: start, end: end, interval: step,
                           shouldCancel: nil)
        ev.streamsAggregations = streaming
        guard case .vector(let out) = try ev.evaluate(try parse(q)) else {
            XCTFail("\(q) did not give an instant vector")
            return []
        }
        return out
    }

    private func assertSameBits(_ a: [StepSeries], _ b: [StepSeries], _ q: String, file: StaticString = #filePath,
                                line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, q, file: file, line: line)
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.metric, y.metric, q, file: file, line: line)
            XCTAssertEqual(x.dropName, y.dropName, q, file: file, line: line)
            XCTAssertEqual(x.points.map(\.t), y.points.map(\.t), "\(q) \(x.metric)", file: file, line: line)
            XCTAssertEqual(x.points.map(\.f.bitPattern), y.points.map(\.f.bitPattern), "\(q) \(x.metric)",
                           file: file, line: line)
        }
    }

    func testStreamedAggregationsMatchCollectedOnes() throws {
        try loadMixedData()
        let ops = ["sum", "avg", "count", "group", "min", "max", "stddev", "stdvar"]
        let args = ["rate(reqs_total[1m])", "increase({__name__=~\"reqs.*\"}[2m])", "delta(gauge[1m])",
                    "irate(reqs_total[1m])", "avg_over_time(gauge[2m])", "last_over_time({job=\"api\"}[1m])",
                    "max_over_time(gauge[1m] offset 30s)", "rate(reqs_total[2m] smoothed)",
                    "increase(reqs_total[2m] anchored)", "gauge", "gauge smoothed", "(reqs_total @ 1200)",
                    "deriv(gauge[3m])", "quantile_over_time(0.3, gauge[2m])"]
        let groupings = ["", " by (job)", " without (instance)", " by (__name__)", " by (instance)"]
        var checked = 0
        for options in [EngineOptions.conformance,
                        EngineOptions(maxSamples: 10_000, timeout: 100, enableDelayedNameRemoval: false)] {
            for op in ops {
                for arg in args {
                    for g in groupings {
                        let q = "\(op)\(g) (\(arg))"
                        for (start, end, step): (Int64, Int64, Int64) in [(0, 1_800_000, 30_000),
                                                                           (1_200_000, 1_200_000, 1)] {
                            let streamed = try evaluate(q, start: start, end: end, step: step, streaming: true,
                                                        options: options)
                            let collected = try evaluate(q, start: start, end: end, step: step, streaming: false,
                                                         options: options)
                            assertSameBits(streamed, collected, q)
                            XCTAssertFalse(streamed.isEmpty, q)
                            checked += 1
                        }
                    }
                }
            }
        }
        XCTAssertEqual(checked, 2 * 8 * 14 * 5 * 2)
    }

    func testStreamedAggregationAnnotatesNonCounters() throws {
        try loadMixedData()
        let r = try engine.rangeQuery(try parse("sum by (job) (rate(reqs[1m]))"), start: 0, end: 3_600_000,
                                      step: 60_000, querier: storage)
        XCTAssertEqual(r.annotations.count, 1)
        XCTAssertTrue(r.annotations.first?.message.contains("metric might not be a counter") ?? false)
    }

    func testManyGroupsFallBackToTheCollectedMatrix() throws {
        for i in 0..<20 {
            try load(["__name__": "m", "i": "\(i)"], step: 60, [1, 2, 3, 4])
        }
        let ev = Evaluator(options: .conformance, querier: storage, start: 0, end: 180_000, interval: 60_000,
                           shouldCancel: nil)
        guard case .aggregate(let a) = try parse("sum by (i) (m)"),
              let stream = try ev.seriesStream(a.expr) else {
            return XCTFail("expected a streamable aggregation")
        }
        // 20 groups x 4 steps is far below the cell limit: streamed.
        XCTAssertEqual(try ev.aggregateStream(a, stream)?.count, 20)
        let wide = Evaluator(options: .conformance, querier: storage, start: 0, end: Int64(Evaluator.streamingCellLimit) * 1000,
                             interval: 1000, shouldCancel: nil)
        guard let wideStream = try wide.seriesStream(a.expr) else { return XCTFail("expected a stream") }
        // 20 groups of one series each over more than the cell limit: not streamed.
        XCTAssertNil(try wide.aggregateStream(a, wideStream))
    }
}
