import ConfigModel
import Foundation
import PromModel

/// An in-process Alertmanager: routes alerts, groups them, and notifies receivers on schedule,
/// with inhibition, silences and time intervals — driven by an injected clock, deterministically.
///
/// ```swift
/// let clock = ManualClock(start)
/// let memory = MemoryNotifier()
/// let dispatcher = try Dispatcher(config: config, clock: clock, notifier: memory)
/// dispatcher.receive([Alert(labels: ["alertname": "Down"], startsAt: clock.now)])
/// dispatcher.advance(to: start.addingTimeInterval(30))   // group_wait elapsed: one notification
/// ```
/// Nothing runs by itself: ``advance(to:)`` runs every flush due up to a date in time order (moving a
/// ``ManualClock`` to each flush), and ``runDue()`` runs those due at the clock's current time (call it
/// periodically with ``SystemClock``). All methods are synchronous; calls are serialized by a lock.
public final class Dispatcher: @unchecked Sendable {
    public let route: AlertRoute
    public let silences: Silences
    public let clock: any LabClock
    public let externalURL: String
    public let limits: DispatcherLimits
    let receivers: [String: AlertmanagerReceiver]
    let inhibitor: Inhibitor
    let timeIntervals: [String: TimeIntervalMatcher]
    let resolveTimeout: TimeInterval
    let notifier: Notifier

    let lock = NSLock()
    var store: [AlertFingerprint: StoredAlert] = [:]
    var groups: [String: AggregationGroup] = [:]
    var groupSequence = 0
    var log: [String: NotificationLogEntry] = [:]
    var failureLog: [NotificationFailure] = []

    struct StoredAlert {
        var alert: Alert
        /// How many groups hold it.
        var references = 0
    }

    /// A dispatcher for a loaded configuration (its route tree, receivers, inhibition rules, time
    /// intervals and `resolve_timeout`).
    public convenience init(config: AlertmanagerConfig, clock: any LabClock, notifier: Notifier,
                            externalURL: String = "http://localhost:9093", limits: DispatcherLimits = DispatcherLimits()) throws {
        guard let route = config.route else { throw NotifyError(message: "the configuration has no route") }
        self.init(route: AlertRoute(config: route), receivers: config.receivers,
                  inhibitRules: config.inhibitRules.map(InhibitionRule.init(config:)),
                  timeIntervals: config.timeIntervals.map(TimeIntervalMatcher.init(config:)),
                  resolveTimeout: Double(config.global.resolveTimeout.milliseconds) / 1000,
                  clock: clock, notifier: notifier, externalURL: externalURL, limits: limits)
    }

    public init(route: AlertRoute, receivers: [AlertmanagerReceiver], inhibitRules: [InhibitionRule] = [],
                timeIntervals: [TimeIntervalMatcher] = [], resolveTimeout: TimeInterval = 300,
                clock: any LabClock, notifier: Notifier, externalURL: String = "http://localhost:9093",
                limits: DispatcherLimits = DispatcherLimits()) {
        self.route = route
        var byName: [String: AlertmanagerReceiver] = [:]
        for r in receivers where byName[r.name] == nil { byName[r.name] = r }
        self.receivers = byName
        inhibitor = Inhibitor(rules: inhibitRules)
        var intervals: [String: TimeIntervalMatcher] = [:]
        for t in timeIntervals where intervals[t.name] == nil { intervals[t.name] = t }
        self.timeIntervals = intervals
        self.resolveTimeout = resolveTimeout
        self.clock = clock
        self.notifier = notifier
        self.externalURL = externalURL
        self.limits = limits
        silences = Silences(clock: clock)
    }

    // MARK: - Receiving alerts

    /// Takes alerts at the clock's current time (as Prometheus posts them): stores or updates each,
    /// routes it, and puts it in the aggregation group of every matching route. Returns the alerts
    /// refused (no labels, too many labels, ends before it starts, store full); the others are taken.
    @discardableResult
    public func receive(_ alerts: [Alert]) -> [AlertRejection] {
        let now = clock.now
        return lock.withLock {
            var rejected: [AlertRejection] = []
            for (i, incoming) in alerts.enumerated() {
                if let reason = validate(incoming) {
                    rejected.append(AlertRejection(index: i, message: reason))
                    continue
                }
                var alert = incoming
                if alert.endsAt == nil { alert.endsAt = now.addingTimeInterval(resolveTimeout) }
                let fp = alert.fingerprint
                if let old = store[fp]?.alert, !old.isResolved(at: now), old.startsAt < alert.startsAt {
                    alert.startsAt = old.startsAt
                }
                if store[fp] == nil, store.count >= limits.maxAlerts {
                    rejected.append(AlertRejection(index: i, message: "too many alerts (limit \(limits.maxAlerts))"))
                    continue
                }
                store[fp, default: StoredAlert(alert: alert)].alert = alert
                for match in route.match(alert.labels) { insert(alert, fp, into: match.route, now: now) }
                if let stored = store[fp], stored.references == 0, alert.isResolved(at: now) { store[fp] = nil }
            }
            return rejected
        }
    }

    private func validate(_ alert: Alert) -> String? {
        if alert.labels.isEmpty { return "at least one label pair required" }
        if alert.labels.count > limits.maxLabelsPerAlert {
            return "too many labels (\(alert.labels.count), limit \(limits.maxLabelsPerAlert))"
        }
        var bytes = 0
        for label in alert.labels {
            bytes += label.name.utf8.count + label.value.utf8.count
            if bytes > limits.maxLabelBytes { return "labels larger than \(limits.maxLabelBytes) bytes" }
            if !LabelNames.isValidLegacyLabelName(label.name) { return "invalid label name \"\(label.name)\"" }
        }
        if let endsAt = alert.endsAt, endsAt < alert.startsAt { return "start time must be before end time" }
        return nil
    }

    private func insert(_ alert: Alert, _ fp: AlertFingerprint, into route: AlertRoute, now: Date) {
        let labels = route.groupLabels(of: alert.labels)
        let groupID = route.id + "\u{0}" + AlertFingerprint(labels).description // AggregationGroup.id
        let group: AggregationGroup
        if let existing = groups[groupID] {
            group = existing
        } else {
            guard groups.count < limits.maxGroups else { return }
            groupSequence += 1
            group = AggregationGroup(route: route, labels: labels, sequence: groupSequence, now: now)
            groups[groupID] = group
        }
        if group.members.insert(fp).inserted { store[fp]?.references += 1 }
        if !group.hasFlushed, alert.startsAt.addingTimeInterval(route.groupWait) < now, group.nextFlush > now {
            group.nextFlush = now
        }
    }

    // MARK: - Time

    /// When the next flush is due, if any group holds alerts.
    public var nextFlush: Date? {
        lock.withLock { groups.values.min(by: AggregationGroup.before)?.nextFlush }
    }

    /// Runs every flush due up to `date`, in time order (ties: older groups first), moving a
    /// ``ManualClock`` to each flush's time and finally to `date`. Returns the number of flushes run.
    @discardableResult
    public func advance(to date: Date) -> Int {
        var count = 0
        while count < limits.maxFlushesPerAdvance {
            guard let group = lock.withLock({ dueGroup(by: date) }) else { break }
            let when = group.nextFlush
            (clock as? ManualClock)?.set(when)
            flush(group, at: when)
            count += 1
        }
        (clock as? ManualClock)?.set(date)
        return count
    }

    /// Runs the flushes due at the clock's current time.
    @discardableResult
    public func runDue() -> Int { advance(to: clock.now) }

    private func dueGroup(by date: Date) -> AggregationGroup? {
        var best: AggregationGroup?
        for g in groups.values where g.nextFlush <= date {
            if best.map({ AggregationGroup.before(g, $0) }) ?? true { best = g }
        }
        return best
    }

    // MARK: - Inspection

    /// Every alert held, sorted by fingerprint.
    public var alerts: [Alert] {
        lock.withLock { store.values.map(\.alert).sorted { $0.fingerprint < $1.fingerprint } }
    }

    /// The aggregation groups, by next flush time.
    public var alertGroups: [AlertGroupSnapshot] {
        lock.withLock {
            groups.values.sorted(by: AggregationGroup.before).map { g in
                AlertGroupSnapshot(groupKey: g.key, receiver: g.route.receiver, routeID: g.route.id, labels: g.labels,
                                   alerts: g.members.compactMap { store[$0]?.alert }.sorted(by: Alert.notificationOrder),
                                   nextFlush: g.nextFlush)
            }
        }
    }

    /// Notifications that failed, oldest first.
    public var failures: [NotificationFailure] { lock.withLock { failureLog } }

    /// Whether `labels` would be muted at `date` by inhibition or a silence (what the UI shows).
    public func isMuted(_ labels: Labels, at date: Date) -> Bool {
        let all = lock.withLock { store.values.map(\.alert) }
        return inhibitor.mutes(labels, alerts: all, at: date) || silences.mutes(labels, at: date)
    }
}
