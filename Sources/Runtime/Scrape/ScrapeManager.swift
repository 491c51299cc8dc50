import ConfigModel
import Foundation
import PromModel
import Storage

/// Runs the scrape loops of a Prometheus configuration: one pool per `scrape_configs` job, its
/// targets from `static_configs` and `file_sd_configs` (files re-read when they change), each
/// target scraped by a ``ScrapeLoop`` that appends to the storage.
///
/// ``apply(_:baseDirectory:)`` (re)loads a configuration: loops of targets that stay keep their
/// state (and get the new settings), new ones start, vanished ones stop and mark their series stale.
/// A configuration that cannot be applied throws and leaves the running one untouched.
///
/// ```swift
/// let manager = ScrapeManager(storage: storage, resolver: try ServiceResolver(pairs: ["api=127.0.0.1:18000"]))
/// try manager.apply(config, baseDirectory: "labs/lab1")
/// manager.start()
/// for t in manager.activeTargets() { print(t.scrapeURL, t.health) }
/// manager.stop()
/// ```
public final class ScrapeManager: @unchecked Sendable {
    /// One job's resolved configuration.
    struct Pool {
        var config: ScrapeConfig
        var builder: TargetBuilder
        var settings: ScrapeSettings
        var staticGroups: [TargetGroup]
        var filePatterns: [String]
        var dropped: [Labels] = []
        var errors: [String] = []
    }

    private let storage: any Appendable
    public let resolver: ServiceResolver
    /// Seconds between checks of file_sd files for changes.
    public var fileSDPollInterval: Double = 1
    private let fileReader = FileSDReader()
    private let lock = NSCondition()
    // Guarded by `lock`.
    private var pools: [(name: String, pool: Pool)] = []
    private var loops: [String: ScrapeLoop] = [:]
    private var loopOrder: [String] = []
    private var baseDirectory = "."
    private var started = false
    private var stopped = false
    private var refresher: Thread?

    public init(storage: any Appendable, resolver: ServiceResolver = ServiceResolver()) {
        self.storage = storage
        self.resolver = resolver
    }

    // MARK: - Configuration

    /// Applies `config` (file paths relative to `baseDirectory`).
    /// - Throws: ``ScrapeConfigError`` when a job cannot be used (https, bad regex, duplicate job
    ///   name, unreadable credentials); nothing changes then.
    public func apply(_ config: PrometheusConfig, baseDirectory: String) throws {
        var newPools: [(String, Pool)] = []
        var names = Set<String>()
        for job in config.scrapeConfigs {
            guard names.insert(job.jobName).inserted else {
                throw ScrapeConfigError("found multiple scrape configs with job name \"\(job.jobName)\"")
            }
            let builder: TargetBuilder
            do {
                builder = try TargetBuilder(job)
            } catch {
                throw ScrapeConfigError("job \"\(job.jobName)\": relabel_configs: \(error)")
            }
            let settings = try ScrapeSettings(job, baseDirectory: baseDirectory, resolver: resolver)
            let groups = job.serviceDiscovery.staticConfigs.map { sc in
                TargetGroup(targets: sc.targets.map(\.value),
                            labels: Dictionary(sc.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b }))
            }
            let files = job.serviceDiscovery.fileSDConfigs.flatMap { $0.files.map(\.value) }
            newPools.append((job.jobName, Pool(config: job, builder: builder, settings: settings,
                                               staticGroups: groups, filePatterns: files)))
        }
        lock.lock()
        self.baseDirectory = baseDirectory
        pools = newPools
        lock.unlock()
        sync()
    }

    /// Re-reads file_sd files and starts/stops loops to match the targets now discovered.
    public func sync() {
        lock.lock()
        var currentPools = pools
        let base = baseDirectory
        lock.unlock()
        var wanted: [(String, ScrapeTarget, ScrapeSettings)] = []
        for i in currentPools.indices {
            let pool = currentPools[i].pool
            let groups = pool.staticGroups + fileReader.groups(patterns: pool.filePatterns, baseDirectory: base)
            let built = pool.builder.targets(groups)
            currentPools[i].pool.dropped = built.dropped
            currentPools[i].pool.errors = built.errors
            for t in built.targets { wanted.append((t.identity, t, pool.settings)) }
        }
        var toStop: [ScrapeLoop] = []
        var toStart: [ScrapeLoop] = []
        lock.lock()
        // Keep per-pool discovery results when the pools were not replaced meanwhile.
        if pools.map(\.name) == currentPools.map(\.name) { pools = currentPools }
        let wantedIDs = Set(wanted.map(\.0))
        for (id, loop) in loops where !wantedIDs.contains(id) {
            toStop.append(loop)
            loops[id] = nil
        }
        var order: [String] = []
        for (id, target, settings) in wanted {
            order.append(id)
            if let loop = loops[id] {
                loop.target = target
                loop.settings = settings
            } else {
                let loop = ScrapeLoop(target: target, settings: settings, storage: storage)
                loops[id] = loop
                if started && !stopped { toStart.append(loop) }
            }
        }
        loopOrder = order
        lock.unlock()
        for loop in toStop { loop.stop(markStale: true) }
        for loop in toStart { loop.start() }
    }

    // MARK: - Running

    /// Starts every loop and the file_sd watcher.
    public func start() {
        lock.lock()
        guard !started else { lock.unlock(); return }
        started = true
        let all = Array(loops.values)
        let thread = Thread { [self] in self.watchFiles() }
        thread.name = "file_sd watcher"
        refresher = thread
        lock.unlock()
        for loop in all { loop.start() }
        thread.start()
    }

    /// Stops every loop (marking their series stale) and the watcher.
    public func stop() {
        lock.lock()
        stopped = true
        lock.broadcast()
        let all = Array(loops.values)
        lock.unlock()
        for loop in all { loop.stop(markStale: true) }
    }

    private func watchFiles() {
        while true {
            lock.lock()
            let deadline = Date().addingTimeInterval(max(0.05, fileSDPollInterval))
            while !stopped, Date() < deadline { _ = lock.wait(until: deadline) }
            let stop = stopped
            let hasFiles = pools.contains { !$0.pool.filePatterns.isEmpty }
            lock.unlock()
            if stop { return }
            if hasFiles { sync() }
        }
    }

    // MARK: - Inspection

    /// Every active target with its health, in configuration order.
    public func activeTargets() -> [TargetHealth] {
        lock.lock()
        defer { lock.unlock() }
        return loopOrder.compactMap { loops[$0]?.health }
    }

    /// The loop of each active target (for one-shot scrapes in tests and tools).
    public func activeLoops() -> [ScrapeLoop] {
        lock.lock()
        defer { lock.unlock() }
        return loopOrder.compactMap { loops[$0] }
    }

    /// Targets `relabel_configs` dropped, per job, with their discovered labels.
    public func droppedTargets() -> [(job: String, labels: Labels)] {
        lock.lock()
        defer { lock.unlock() }
        return pools.flatMap { p in p.pool.dropped.map { (p.name, $0) } }
    }

    /// Problems found while building targets or reading file_sd files.
    public func discoveryErrors() -> [String] {
        lock.lock()
        let errors = pools.flatMap { p in p.pool.errors.map { "job \"\(p.name)\": \($0)" } }
        lock.unlock()
        return errors + fileReader.errors.sorted { $0.key < $1.key }.map { "file_sd \($0.key): \($0.value)" }
    }

    /// Scrapes every active target once now, synchronously (for tests and `--once` tools).
    @discardableResult
    public func scrapeAllOnce(at: Int64? = nil) -> [ScrapeResult] {
        activeLoops().map { $0.runOnce(at: at) }
    }
}
