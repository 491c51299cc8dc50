import ConfigModel
import Foundation
import PromModel
import Storage

/// The alerting half of a monitoring stack in one process: samples flow into a ``MemoryStorage``,
/// the ``RuleManager`` evaluates recording and alerting rules with the ``Engine``, an
/// ``AlertSender`` turns due alerts into Alertmanager alerts (external labels, relabelling), and the
/// ``Dispatcher`` routes, groups, inhibits and notifies — all on one ``ManualClock``.
///
/// ```swift
/// let pipeline = try AlertPipeline(options: options, notifier: memory)
/// pipeline.addSource(SampleSource(name: "api", interval: 15_000) { t in [(upLabels, 0)] })
/// pipeline.advance(to: 5 * 60_000)           // five simulated minutes, deterministic
/// memory.notifications.map(\.receiver)
/// ```
///
/// Nothing runs by itself. ``advance(to:)`` visits every instant at which something is due, in time
/// order, and at each instant runs, in this order: the sample sources due, the rule groups due (their
/// alerts reach the dispatcher at once, as if the HTTP post took no time), then the dispatcher's
/// flushes due. So a sample stamped `t` is visible to an evaluation at `t`, and an alert sent at `t`
/// can be part of a flush at `t`.
public final class AlertPipeline: @unchecked Sendable {
    public let options: AlertPipelineOptions
    /// The one clock: the dispatcher and the rule manager both read it.
    public let clock: ManualClock
    public let storage: MemoryStorage
    public let engine: Engine
    public let rules: RuleManager
    public let sender: AlertSender
    public let dispatcher: Dispatcher

    private let lock = NSLock()
    private var sources: [(source: SampleSource, next: Int64)] = []
    private var failures: [RuleEvaluationFailure] = []
    private var appendErrors = 0

    /// Builds the stack and schedules the rule groups' first evaluations (the first slot after
    /// `options.start`).
    /// - Throws: ``RuleManagerError`` for a rule that cannot run, ``RelabelError`` for a relabel step
    ///   that does not compile, or the dispatcher's error for an Alertmanager config without a route.
    public init(options: AlertPipelineOptions, notifier: Notifier, engine: Engine = Engine(),
                storage: MemoryStorage = MemoryStorage()) throws {
        self.options = options
        self.engine = engine
        self.storage = storage
        clock = ManualClock(LabTime.date(options.start))
        let dispatcher = try Dispatcher(config: options.alertmanager, clock: clock, notifier: notifier,
                                        externalURL: options.alertmanagerURL, limits: options.dispatcherLimits)
        self.dispatcher = dispatcher
        sender = AlertSender(externalLabels: options.externalLabels,
                             relabeler: try Relabeler(options.alertRelabelConfigs),
                             endpointRelabeler: try Relabeler(options.endpointAlertRelabelConfigs)) { alerts in
            dispatcher.receive(alerts)
        }
        var ruleOptions = RuleManagerOptions(query: engine.ruleQuery(over: storage), storage: storage,
                                             clock: clock, notify: sender.notifyFunc)
        ruleOptions.evaluationInterval = options.evaluationInterval > 0 ? options.evaluationInterval : 60_000
        ruleOptions.defaultQueryOffset = max(0, options.ruleQueryOffset)
        ruleOptions.externalLabels = options.externalLabels
        ruleOptions.externalURL = options.prometheusURL
        ruleOptions.resendDelay = max(0, options.resendDelay)
        ruleOptions.alignByGroupHash = options.alignByGroupHash
        rules = RuleManager(options: ruleOptions)
        try rules.load(options.ruleFiles)
        rules.start()
    }

    // MARK: - Sources

    /// Adds a source of samples; its first instant is the first at or after the current time.
    public func addSource(_ source: SampleSource) {
        let first = source.firstInstant(atOrAfter: now)
        lock.withLock { sources.append((source, first)) }
    }

    // MARK: - Time

    /// The current time in milliseconds.
    public var now: Int64 { LabTime.milliseconds(clock.now) }

    /// The next instant (milliseconds) at which a source, a rule group or a flush is due.
    public var nextEventTime: Int64? {
        var candidates: [Int64] = lock.withLock { sources.map(\.next) }
        candidates += rules.groups.compactMap(\.nextEvaluation)
        if let flush = dispatcher.nextFlush { candidates.append(LabTime.milliseconds(flush)) }
        return candidates.min()
    }

    /// Runs everything due up to `t` (milliseconds) in time order and leaves the clock at `t`.
    /// Returns the number of instants visited; stops early after `maxStepsPerAdvance` of them.
    @discardableResult
    public func advance(to t: Int64) -> Int {
        var steps = 0
        while steps < options.maxStepsPerAdvance, let next = nextEventTime, next <= t {
            step(at: max(next, now))
            steps += 1
        }
        clock.set(LabTime.date(t))
        return steps
    }

    /// ``advance(to:)`` `ms` milliseconds after the current time.
    @discardableResult
    public func advance(by ms: Int64) -> Int { advance(to: now.addingSaturated(max(0, ms))) }

    /// One instant: sources, then rule groups, then flushes.
    private func step(at t: Int64) {
        let date = LabTime.date(t)
        clock.set(date)
        feedSources(at: t)
        let failed = rules.runDue()
        if !failed.isEmpty {
            lock.withLock {
                failures += failed
                if failures.count > 10_000 { failures.removeFirst(failures.count - 10_000) }
            }
        }
        // A flush a rounding error after `t` belongs to this instant.
        var until = date
        if let flush = dispatcher.nextFlush, LabTime.milliseconds(flush) <= t, flush > until { until = flush }
        dispatcher.advance(to: until)
    }

    private func feedSources(at t: Int64) {
        let due: [SampleSource] = lock.withLock {
            var out: [SampleSource] = []
            for i in sources.indices where sources[i].next <= t {
                out.append(sources[i].source)
                sources[i].next = sources[i].source.firstInstant(atOrAfter: t.addingSaturated(1))
            }
            return out
        }
        guard !due.isEmpty else { return }
        let appender = storage.appender()
        var errors = 0
        for source in due {
            for sample in source.generate(t) {
                do { try appender.append(sample.labels, t: t, v: sample.value) } catch { errors += 1 }
            }
        }
        do { try appender.commit() } catch { errors += 1 }
        if errors > 0 { lock.withLock { appendErrors += errors } }
    }

    // MARK: - Inspection

    /// Rule evaluations that failed, oldest first (the most recent 10 000).
    public var evaluationFailures: [RuleEvaluationFailure] { lock.withLock { failures } }

    /// Samples from sources that the storage refused (out of order, limits).
    public var rejectedSamples: Int { lock.withLock { appendErrors } }

    /// The rule manager's pending and firing alerts.
    public var activeAlerts: [RuleAlert] { rules.activeAlerts }

    /// The active alert of rule `name` (the first by labels), if any.
    public func alert(_ name: String) -> RuleAlert? {
        rules.activeAlerts.first { $0.ruleName == name }
    }
}
