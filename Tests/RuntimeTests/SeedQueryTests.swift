import Foundation
import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

/// Evaluates every PromQL query of the seed documents over two simulated hours of the seed's stack
/// (FastAPI service, node_exporter, Redis, nginx, k6, Práctica 26's API), as instant and as range
/// queries, and checks each result is plausible (see `SeedQueryCatalog`).
final class SeedQueryTests: XCTestCase {
    /// The FastAPI service is down from minute 20 to 23; Redis restarts at minute 90.
    static let workload: FastAPIWorkload = {
        var w = FastAPIWorkload(seed: 42)
        w.downtimes = [Downtime(job: "fastapi", from: 20 * 60_000, to: 23 * 60_000)]
        w.restarts = [Restart(job: "redis", at: 90 * 60_000)]
        return w
    }()

    /// The simulated data plus the seed's recording rules evaluated every 30 s, built once.
    static let storage: Result<MemoryStorage, Error> = Result {
        let storage = MemoryStorage()
        try workload.run(into: storage)
        try record(SeedQueryCatalog.recordingRules, into: storage)
        return storage
    }

    let engine = Engine(options: .standard)

    /// What a rule manager would write: each rule's range-query result, one sample per 30 s step.
    static func record(_ rules: [(String, String)], into storage: MemoryStorage) throws {
        let engine = Engine(options: .standard)
        for (name, text) in rules {
            let expr = try Parser().parseExpr(text)
            let result = try engine.rangeQuery(expr, start: workload.start, end: workload.end, step: 30_000,
                                               querier: storage)
            guard case .matrix(let series) = result.value else { continue }
            let app = storage.appender()
            for s in series {
                let labels = s.metric.setting(Label.metricName, to: name)
                for p in s.points { try app.append(labels, t: p.t, v: p.f) }
            }
            try app.commit()
        }
    }

    private func data() throws -> MemoryStorage {
        try Self.storage.get()
    }

    // MARK: - Every seed query

    func testCatalogMatchesSeedExpressionList() throws {
        // Tests/PromQLTests/SeedExpressionTests.swift lists 98 PromQL expressions (+2 Grafana-only).
        XCTAssertEqual(SeedQueryCatalog.queries.count, 98)
        for q in SeedQueryCatalog.queries {
            XCTAssertNoThrow(try Parser().parseExpr(q.expr), q.expr)
        }
    }

    func testEverySeedQueryAsInstantQuery() throws {
        let storage = try data()
        var withData = 0
        for q in SeedQueryCatalog.queries {
            let result: QueryResult
            do {
                result = try engine.instantQuery(try Parser().parseExpr(q.expr), at: Self.workload.end, querier: storage)
            } catch {
                XCTFail("\(q.expr): \(error)")
                continue
            }
            let values = Self.values(of: result.value)
            if !values.isEmpty { withData += 1 }
            check(q.instant, values: values, sums: [values.reduce(0, +)], query: q.expr, kind: "instant")
        }
        XCTAssertGreaterThanOrEqual(withData, Self.expectingData(\.instant))
        XCTAssertGreaterThan(Self.expectingData(\.instant), 80)
    }

    /// How many catalog queries must give data in the given kind of query.
    static func expectingData(_ kind: KeyPath<SeedQuery, SeedQueryOutcome>) -> Int {
        SeedQueryCatalog.queries.filter {
            switch $0[keyPath: kind] {
            case .values, .rate: return true
            case .empty, .mayBeEmpty: return false
            }
        }.count
    }

    func testEverySeedQueryAsRangeQuery() throws {
        let storage = try data()
        var withData = 0
        for q in SeedQueryCatalog.queries {
            let result: QueryResult
            do {
                // From minute 10: at the start of the data, 5m windows hold only a few samples and
                // rate() extrapolates only up to half a scrape interval, so rates are underestimated.
                result = try engine.rangeQuery(try Parser().parseExpr(q.expr), start: Self.workload.start + 10 * 60_000,
                                               end: Self.workload.end, step: 60_000, querier: storage)
            } catch {
                XCTFail("\(q.expr): \(error)")
                continue
            }
            guard case .matrix(let series) = result.value else {
                XCTFail("\(q.expr): range query gave a \(result.value.typeName)")
                continue
            }
            var byStep: [Int64: Double] = [:]
            for s in series {
                for p in s.points { byStep[p.t, default: 0] += p.f }
            }
            let values = series.flatMap { $0.points.map(\.f) }
            if !values.isEmpty { withData += 1 }
            check(q.range, values: values, sums: Array(byStep.values), query: q.expr, kind: "range")
        }
        XCTAssertGreaterThanOrEqual(withData, Self.expectingData(\.range))
        XCTAssertGreaterThan(Self.expectingData(\.range), 80)
    }

    /// Checks `values` (every value of the result) and `sums` (the result's sum per step).
    private func check(_ outcome: SeedQueryOutcome, values: [Double], sums: [Double], query: String, kind: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let label = "\(kind) \(query.debugDescription)"
        switch outcome {
        case .mayBeEmpty:
            break
        case .empty:
            XCTAssertTrue(values.isEmpty, "\(label): expected no result, got \(values.prefix(5))", file: file, line: line)
        case .values(let range):
            XCTAssertFalse(values.isEmpty, "\(label): expected data", file: file, line: line)
            let outside = values.filter { !range.contains($0) }
            XCTAssertTrue(outside.isEmpty, "\(label): \(outside.count) of \(values.count) values outside \(range), e.g. \(outside.prefix(3))",
                          file: file, line: line)
        case .rate(let expected):
            XCTAssertFalse(values.isEmpty, "\(label): expected data", file: file, line: line)
            let sorted = sums.sorted()
            guard !sorted.isEmpty else { return }
            let median = sorted[sorted.count / 2]
            XCTAssertEqual(median, expected, accuracy: expected * 0.1, "\(label): rate \(median), configured \(expected)",
                           file: file, line: line)
        }
    }

    /// Every value of a query result.
    static func values(of value: QueryValue) -> [Double] {
        switch value {
        case .scalar(_, let f): return [f]
        case .string: return []
        case .vector(let samples): return samples.map(\.f)
        case .matrix(let series): return series.flatMap { $0.points.map(\.f) }
        }
    }

    // MARK: - Shape of the simulated data

    private func vector(_ q: String, at t: Int64) throws -> [String: Double] {
        let result = try engine.instantQuery(try Parser().parseExpr(q), at: t, querier: try data())
        guard case .vector(let samples) = result.value else { return [:] }
        var out: [String: Double] = [:]
        for s in samples { out[s.metric.description] = s.f }
        return out
    }

    func testRequestRatePerEndpointMatchesProfile() throws {
        let rates = try vector("sum by (endpoint) (rate(http_requests_total[5m]))", at: Self.workload.end)
        for e in ServiceProfile.seedFastAPI.endpoints where e.requestsPerSecond >= 1 {
            let got = try XCTUnwrap(rates["{endpoint=\"\(e.path)\"}"], e.path)
            XCTAssertEqual(got, e.requestsPerSecond, accuracy: e.requestsPerSecond * 0.1, e.path)
        }
        let errors = try vector("sum(rate(http_requests_total{endpoint=\"/do_work\",status=\"500\"}[30m])) / sum(rate(http_requests_total{endpoint=\"/do_work\"}[30m]))",
                                at: Self.workload.end)
        XCTAssertEqual(try XCTUnwrap(errors["{}"]), 0.05, accuracy: 0.01)
    }

    func testDoWorkP95LandsInTheBucketOfTheConfiguredP95() throws {
        // Configured p95 of /do_work is 0.16 s: the bucket (0.1, 0.25].
        let q = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{endpoint=\"/do_work\"}[5m])))"
        let p95 = try XCTUnwrap(try vector(q, at: Self.workload.end)["{}"])
        XCTAssertGreaterThan(p95, 0.1)
        XCTAssertLessThanOrEqual(p95, 0.25)
        let p50 = try XCTUnwrap(try vector(q.replacingOccurrences(of: "0.95", with: "0.5"), at: Self.workload.end)["{}"])
        XCTAssertGreaterThan(p50, 0.1, "median 0.105 s is in the (0.1, 0.25] bucket")
        XCTAssertLessThan(p50, p95)
    }

    func testDowntimeGivesUpZeroAndStaleSeries() throws {
        let during = Self.workload.start + 21 * 60_000
        XCTAssertEqual(try vector("up{job=\"fastapi\"}", at: during).values.first, 0)
        XCTAssertTrue(try vector("http_requests_total", at: during).isEmpty, "series are stale while the target is down")
        XCTAssertEqual(try vector("count(http_requests_total)", at: Self.workload.end).values.first, 12)
        // The process came back with counters from zero: one reset per counter series.
        let resets = try vector("resets(http_requests_total{endpoint=\"/do_work\",status=\"200\"}[30m])",
                                at: Self.workload.start + 40 * 60_000)
        XCTAssertEqual(resets.values.first, 1)
    }

    func testRestartResetsCountersAndRateStaysPlausible() throws {
        let after = Self.workload.start + 95 * 60_000
        XCTAssertEqual(try vector("resets(redis_commands_processed_total[10m])", at: after).values.first, 1)
        let rate = try XCTUnwrap(try vector("rate(redis_commands_processed_total[10m])", at: after).values.first)
        XCTAssertEqual(rate, 50, accuracy: 5)
        XCTAssertEqual(try vector("up{job=\"redis\"} == 1", at: after).count, 1)
    }
}
