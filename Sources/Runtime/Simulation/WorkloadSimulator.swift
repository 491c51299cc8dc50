import PromModel
import Storage

/// A deterministic stand-in for a Prometheus server scraping a set of targets: every
/// `scrapeInterval` from `start` for `duration`, each target's series are appended with the
/// target's values, plus `up` and `scrape_samples_scraped` for scraped targets.
///
/// Downtimes give `up 0`, staleness markers on the target's series at the first missed scrape, and a
/// fresh process (counter resets) afterwards; restarts reset counters without a gap. The same seed
/// always gives the same samples: each target draws from its own stream derived from the seed and
/// its `job`/`instance`.
///
/// ```swift
/// var sim = WorkloadSimulator(start: 0, duration: 2 * 3_600_000, seed: 42)
/// sim.add(FastAPIExporter(profile: .seedFastAPI, startTime: 0))
/// try sim.run(into: storage)
/// ```
public struct WorkloadSimulator: Sendable {
    /// Time of the first scrape round, in milliseconds since the epoch.
    public var start: Int64
    /// Length of the simulation, in milliseconds (scrapes at `start + duration` are included).
    public var duration: Int64
    /// Milliseconds between scrapes of a target.
    public var scrapeInterval: Int64
    public var seed: UInt64
    public var targets: [any SimulatedTarget] = []
    public var downtimes: [Downtime] = []
    public var restarts: [Restart] = []
    /// Spread targets over the interval (as Prometheus does) instead of scraping all at once.
    public var spreadScrapes: Bool

    public init(start: Int64, duration: Int64, scrapeInterval: Int64 = 15_000, seed: UInt64 = 1,
                spreadScrapes: Bool = true) {
        self.start = start
        self.duration = max(0, duration)
        self.scrapeInterval = max(1, scrapeInterval)
        self.seed = seed
        self.spreadScrapes = spreadScrapes
    }

    /// Adds a target.
    public mutating func add(_ target: some SimulatedTarget) {
        targets.append(target)
    }

    // MARK: - Running

    /// Per-target progress of a run.
    private struct Cursor {
        var target: any SimulatedTarget
        var rng: SplitMix64
        var phase: Int64
        var refs: [SeriesRef?]
        var upRef: SeriesRef?
        var scrapedRef: SeriesRef?
        var lastScrape: Int64?
        var down = false
        var exposed = false
        var pendingRestarts: [Int64]
    }

    /// Appends every sample of the simulation to `storage`, one batch per scrape, in time order.
    /// Throws the first error the storage reports, or `SimulationError` for settings beyond the time
    /// range or `SimulationError.maxScrapes`.
    @discardableResult
    public func run(into storage: any Appendable) throws -> SimulationSummary {
        let (last, overflow) = start.addingReportingOverflow(duration)
        guard !overflow, last < Int64.max - scrapeInterval else {
            throw SimulationError("simulation end \(start) + \(duration) ms is beyond the 64-bit time range")
        }
        let (scrapes, tooMany) = (duration / scrapeInterval + 1).multipliedReportingOverflow(by: Int64(max(1, targets.count)))
        guard !tooMany, scrapes <= SimulationError.maxScrapes else {
            throw SimulationError("simulation of \(duration) ms every \(scrapeInterval) ms over \(targets.count) targets needs more than \(SimulationError.maxScrapes) scrapes")
        }
        var summary = SimulationSummary()
        let root = SplitMix64(seed: seed)
        var cursors: [Cursor] = targets.map { target in
            let name = target.job + "/" + target.instance
            var phaseRng = root.derived("phase:" + name)
            let phase = spreadScrapes ? Int64(phaseRng.next() % UInt64(scrapeInterval)) : 0
            let restartsHere = restarts.filter { $0.matches(target) }.map(\.at).sorted()
            return Cursor(target: target, rng: root.derived(name), phase: phase,
                          refs: [SeriesRef?](repeating: nil, count: target.series.count), upRef: nil,
                          pendingRestarts: restartsHere)
        }
        var seen = Set<Labels>()
        let rounds = duration / scrapeInterval
        var round: Int64 = 0
        while round <= rounds {
            let order = cursors.indices.sorted { cursors[$0].phase < cursors[$1].phase }
            for i in order {
                let offset = round * scrapeInterval + cursors[i].phase
                guard offset <= duration else { continue }
                try scrape(&cursors[i], offset: offset, storage: storage, summary: &summary, seen: &seen)
            }
            round += 1
        }
        summary.series = seen.count
        return summary
    }

    private func scrape(_ c: inout Cursor, offset: Int64, storage: any Appendable,
                        summary: inout SimulationSummary, seen: inout Set<Labels>) throws {
        let t = start + offset
        let isDown = downtimes.contains { $0.matches(c.target) && $0.contains(offset) }
        let app = storage.appender()
        summary.scrapes += 1
        if isDown {
            summary.failedScrapes += 1
            if c.target.isScraped {
                if c.exposed {
                    // The series vanished from the target: Prometheus writes staleness markers.
                    for (k, labels) in c.target.series.labels.enumerated() {
                        try append(app, &c.refs[k], labels, t: t, v: StaleNaN.value, summary: &summary, seen: &seen)
                    }
                }
                try appendMeta(app, &c, t: t, up: 0, scraped: 0, summary: &summary, seen: &seen)
            }
            c.exposed = false
            c.down = true
            try app.commit()
            return
        }
        if c.down {
            // Back from a downtime: a new process.
            c.target.restart(at: t - scrapeInterval / 2)
            c.down = false
            c.lastScrape = t - scrapeInterval / 2
        }
        while let r = c.pendingRestarts.first, r <= offset {
            c.pendingRestarts.removeFirst()
            c.target.restart(at: start + r)
            c.lastScrape = max(c.lastScrape ?? (start + r), start + r)
        }
        let elapsed = Double(t - (c.lastScrape ?? (t - scrapeInterval))) / 1000
        let values = c.target.scrape(ScrapeContext(time: t, offset: offset, elapsed: elapsed), rng: &c.rng)
        c.lastScrape = t
        let labels = c.target.series.labels
        for k in labels.indices where k < values.count {
            try append(app, &c.refs[k], labels[k], t: t, v: values[k], summary: &summary, seen: &seen)
        }
        if c.target.isScraped {
            try appendMeta(app, &c, t: t, up: 1, scraped: Double(labels.count), summary: &summary, seen: &seen)
        }
        c.exposed = true
        try app.commit()
    }

    /// `up` and `scrape_samples_scraped`, which Prometheus writes for every scrape.
    private func appendMeta(_ app: any Appender, _ c: inout Cursor, t: Int64, up: Double, scraped: Double,
                            summary: inout SimulationSummary, seen: inout Set<Labels>) throws {
        let base = [Label("job", c.target.job), Label("instance", c.target.instance)]
        try append(app, &c.upRef, Labels(base + [Label(Label.metricName, "up")]), t: t, v: up,
                   summary: &summary, seen: &seen)
        try append(app, &c.scrapedRef, Labels(base + [Label(Label.metricName, "scrape_samples_scraped")]), t: t, v: scraped,
                   summary: &summary, seen: &seen)
    }

    private func append(_ app: any Appender, _ ref: inout SeriesRef?, _ labels: Labels, t: Int64, v: Double,
                        summary: inout SimulationSummary, seen: inout Set<Labels>) throws {
        if let r = ref {
            try app.append(r, t: t, v: v)
        } else {
            ref = try app.append(labels, t: t, v: v)
            seen.insert(labels)
        }
        summary.samples += 1
        summary.firstTime = min(summary.firstTime ?? t, t)
        summary.lastTime = max(summary.lastTime ?? t, t)
    }
}
