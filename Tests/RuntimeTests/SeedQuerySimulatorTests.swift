import Foundation
import PromModel
import Storage
import XCTest
@testable import Runtime

/// An `Appendable` that records every committed sample in order, for comparing runs.
private final class RecordingStorage: Appendable, @unchecked Sendable {
    struct Entry: Hashable {
        var labels: Labels
        var t: Int64
        var bits: UInt64
    }

    private let lock = NSLock()
    private var labelsByRef: [Labels] = []
    private var refs: [Labels: UInt64] = [:]
    private(set) var entries: [Entry] = []

    func appender() -> any Appender { RecordingAppender(storage: self) }

    fileprivate func ref(for labels: Labels) -> SeriesRef {
        lock.lock()
        defer { lock.unlock() }
        if let r = refs[labels] { return SeriesRef(rawValue: UInt32(r)) }
        labelsByRef.append(labels)
        refs[labels] = UInt64(labelsByRef.count - 1)
        return SeriesRef(rawValue: UInt32(labelsByRef.count - 1))
    }

    fileprivate func commit(_ batch: [(SeriesRef, Int64, Double)]) {
        lock.lock()
        defer { lock.unlock() }
        for (ref, t, v) in batch {
            entries.append(Entry(labels: labelsByRef[Int(ref.rawValue)], t: t, bits: v.bitPattern))
        }
    }
}

private final class RecordingAppender: Appender {
    let storage: RecordingStorage
    var batch: [(SeriesRef, Int64, Double)] = []

    init(storage: RecordingStorage) { self.storage = storage }

    func append(_ labels: Labels, t: Int64, v: Double) throws -> SeriesRef {
        let ref = storage.ref(for: labels)
        batch.append((ref, t, v))
        return ref
    }

    func append(_ ref: SeriesRef, t: Int64, v: Double) throws { batch.append((ref, t, v)) }
    func commit() throws { storage.commit(batch); batch = [] }
    func rollback() { batch = [] }
}

/// The workload simulator: determinism, generator, distributions and the shape of what it writes.
final class SeedQuerySimulatorTests: XCTestCase {
    private func small(seed: UInt64) -> FastAPIWorkload {
        var w = FastAPIWorkload(seed: seed, start: 1_000_000, duration: 10 * 60_000)
        w.downtimes = [Downtime(job: "fastapi", from: 4 * 60_000, to: 5 * 60_000)]
        w.restarts = [Restart(job: "nginx", at: 7 * 60_000)]
        return w
    }

    // MARK: - Determinism

    func testSameSeedGivesSameSamples() throws {
        let a = RecordingStorage(), b = RecordingStorage(), c = RecordingStorage()
        let summaryA = try small(seed: 7).run(into: a)
        let summaryB = try small(seed: 7).run(into: b)
        try small(seed: 8).run(into: c)
        XCTAssertEqual(summaryA, summaryB)
        XCTAssertEqual(a.entries.count, summaryA.samples)
        XCTAssertGreaterThan(a.entries.count, 10_000)
        XCTAssertEqual(a.entries, b.entries)
        XCTAssertEqual(a.entries.count, c.entries.count, "the seed changes values, not the series or times")
        XCTAssertNotEqual(a.entries, c.entries)
    }

    func testSplitMix64KnownSequence() {
        // Reference outputs of SplitMix64 seeded with 0.
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(rng.next(), 0x06C4_5D18_8009_454F)
        let base = SplitMix64(seed: 5)
        var x = base.derived("fastapi/api:8000"), y = base.derived("fastapi/api:8000"), z = base.derived("node")
        XCTAssertEqual(x.next(), y.next())
        XCTAssertNotEqual(x.next(), z.next())
    }

    func testDistributionsHaveTheirMeans() {
        var rng = SplitMix64(seed: 99)
        var units = 0.0, counts = 0.0, small = 0.0, hits = 0.0
        let n = 20_000.0
        for _ in 0..<Int(n) {
            let u = rng.nextUnit()
            XCTAssertTrue(u >= 0 && u < 1)
            units += u
            counts += rng.nextCount(mean: 150)
            small += rng.nextCount(mean: 2)
            hits += rng.nextBinomial(trials: 100, p: 0.2)
        }
        XCTAssertEqual(units / n, 0.5, accuracy: 0.01)
        XCTAssertEqual(counts / n, 150, accuracy: 1)
        XCTAssertEqual(small / n, 2, accuracy: 0.05)
        XCTAssertEqual(hits / n, 20, accuracy: 0.2)
        XCTAssertEqual(rng.nextCount(mean: .nan), 0)
        XCTAssertEqual(rng.nextCount(mean: -3), 0)
        XCTAssertEqual(rng.nextBinomial(trials: 10, p: 1), 10)
    }

    func testLatencyProfileQuantiles() {
        let p = LatencyProfile(median: 0.1, p95: 0.3)
        XCTAssertEqual(p.cdf(0.1), 0.5, accuracy: 1e-9)
        XCTAssertEqual(p.cdf(0.3), 0.95, accuracy: 1e-6)
        XCTAssertEqual(p.cdf(0), 0)
        XCTAssertEqual(p.cdf(.infinity), 1)
        XCTAssertGreaterThan(p.mean, p.median)
        XCTAssertEqual(p.scaled(by: 2).cdf(0.2), 0.5, accuracy: 1e-9)
        let flat = LatencyProfile(median: 0.1, p95: 0.05)
        XCTAssertEqual(flat.p95, 0.1, "p95 is at least the median")
        XCTAssertEqual(flat.cdf(0.2), 1)
    }

    // MARK: - Shape

    func testHistogramBucketsAreCumulativeAndLabelled() throws {
        let storage = RecordingStorage()
        try small(seed: 3).run(into: storage)
        let last = Dictionary(storage.entries.map { ($0.labels, Double(bitPattern: $0.bits)) }) { _, new in new }
        let doWork = last.filter {
            $0.key.metricName == "http_request_duration_seconds_bucket" && $0.key["endpoint"] == "/do_work"
        }
        XCTAssertEqual(doWork.count, ServiceProfile.defaultBuckets.count + 1)
        let ordered = doWork.sorted {
            (Double($0.key["le"] ?? "") ?? .infinity) < (Double($1.key["le"] ?? "") ?? .infinity)
        }
        XCTAssertEqual(ordered.map { $0.key["le"] ?? "" }.suffix(3), ["7.5", "10", "+Inf"])
        for (a, b) in zip(ordered, ordered.dropFirst()) { XCTAssertLessThanOrEqual(a.value, b.value) }
        let count = last.first { $0.key.metricName == "http_request_duration_seconds_count" && $0.key["endpoint"] == "/do_work" }
        XCTAssertEqual(count?.value, ordered.last?.value)
        XCTAssertEqual(ordered.first { $0.key["le"] == "0.5" } != nil, true, "le=\"0.5\" for the seed's SLO query")
        let names = Set(last.keys.compactMap(\.metricName))
        for name in ["http_requests_total", "http_requests_active", "process_start_time_seconds", "node_cpu_seconds_total",
                     "node_filesystem_avail_bytes", "redis_keyspace_hits_total", "nginx_connections_accepted",
                     "k6_vus", "tu_prefijo_requests_total", "tu_prefijo_response_duration_seconds_bucket", "up"] {
            XCTAssertTrue(names.contains(name), name)
        }
        XCTAssertFalse(last.keys.contains { $0.metricName == "up" && $0["job"] == "k6" }, "pushed data has no up")
    }

    func testDowntimeWritesStaleMarkersOnceAndUpZero() throws {
        let storage = RecordingStorage()
        let summary = try small(seed: 3).run(into: storage)
        XCTAssertEqual(summary.failedScrapes, 4, "one minute of 15 s scrapes")
        let api = storage.entries.filter { $0.labels["job"] == "fastapi" }
        let stale = api.filter { $0.bits == StaleNaN.bitPattern }
        let seriesCount = Set(api.map(\.labels)).count - 2  // up and scrape_samples_scraped are never stale
        XCTAssertEqual(stale.count, seriesCount, "one marker per series, at the first failed scrape")
        XCTAssertEqual(Set(stale.map(\.t)).count, 1)
        let ups = api.filter { $0.labels.metricName == "up" }.map { Double(bitPattern: $0.bits) }
        XCTAssertEqual(ups.filter { $0 == 0 }.count, 4)
        XCTAssertTrue((40...41).contains(ups.count), "a scrape every 15 s over 10 minutes, shifted by the target's phase")
        // After the downtime, the process starts again: counters restart from zero.
        let started = api.filter { $0.labels.metricName == "process_start_time_seconds" }.map { Double(bitPattern: $0.bits) }
        XCTAssertEqual(Set(started.filter { !$0.isNaN }).count, 2)
    }

    func testBoundFormattingFollowsPrometheus3() {
        XCTAssertEqual(SeriesTable.formatBound(1), "1")
        XCTAssertEqual(SeriesTable.formatBound(0.005), "0.005")
        XCTAssertEqual(SeriesTable.formatBound(2.5), "2.5")
        XCTAssertEqual(SeriesTable.formatBound(.infinity), "+Inf")
    }

    func testSimulationFillsMemoryStorageInOrder() throws {
        let storage = MemoryStorage()
        let summary = try small(seed: 1).run(into: storage)
        let stats = storage.stats()
        XCTAssertEqual(stats.seriesCount, summary.series)
        XCTAssertEqual(stats.sampleCount, summary.samples)
        XCTAssertEqual(stats.minTime, summary.firstTime)
        XCTAssertEqual(stats.maxTime, summary.lastTime)
        // Running again into the same storage is rejected (samples would go back in time), with a clear error.
        XCTAssertThrowsError(try small(seed: 1).run(into: storage)) { error in
            XCTAssertTrue(error is StorageError, "\(error)")
        }
    }
}

extension SeedQuerySimulatorTests {
    func testAbsurdSettingsAreErrorsNotHangs() {
        var endless = WorkloadSimulator(start: 0, duration: 365 * 86_400_000, scrapeInterval: 1, seed: 1)
        endless.add(FastAPIExporter(profile: .seedFastAPI, startTime: 0))
        XCTAssertThrowsError(try endless.run(into: MemoryStorage())) { error in
            XCTAssertTrue(error is SimulationError, "\(error)")
        }
        let overflow = WorkloadSimulator(start: .max - 10, duration: 1_000, seed: 1)
        XCTAssertThrowsError(try overflow.run(into: MemoryStorage())) { error in
            XCTAssertTrue("\(error)".contains("64-bit"), "\(error)")
        }
    }
}
