import ConfigModel
import Foundation
import PromModel

// MARK: - Flushing (Alertmanager's notification pipeline)

extension Dispatcher {
    /// Runs one flush of `group` at `now`: schedules the next one `group_interval` later, then sends
    /// the group's alerts through inhibition, active/mute time intervals, silences and, per integration,
    /// deduplication against what was last sent. Resolved alerts leave the group once every
    /// integration succeeded; an empty group is dropped.
    func flush(_ group: AggregationGroup, at now: Date) {
        let (alerts, storeAlerts): ([Alert], [Alert]) = lock.withLock {
            group.nextFlush = now.addingTimeInterval(group.route.groupInterval)
            group.hasFlushed = true
            let members = group.members.compactMap { store[$0]?.alert }.sorted(by: Alert.notificationOrder)
            // Only alerts that can inhibit something are looked at (none without rules).
            let sources = inhibitor.rules.isEmpty ? [] : store.values.lazy.map(\.alert).filter { alert in
                inhibitor.rules.contains { $0.matchesSource(alert.labels) }
            }
            return (members, Array(sources))
        }
        if alerts.isEmpty {
            lock.withLock { removeIfEmpty(group) }
            return
        }
        let succeeded = notify(group, alerts: alerts, storeAlerts: storeAlerts, at: now)
        guard succeeded else { return }
        lock.withLock {
            for alert in alerts where alert.isResolved(at: now) {
                let fp = alert.fingerprint
                // Keep it if it fired again meanwhile (Alertmanager's DeleteIfNotModified).
                guard let current = store[fp]?.alert, current.isResolved(at: now) else { continue }
                if group.members.remove(fp) != nil {
                    store[fp]?.references -= 1
                    if let s = store[fp], s.references <= 0 { store[fp] = nil }
                }
            }
            removeIfEmpty(group)
        }
    }

    private func removeIfEmpty(_ group: AggregationGroup) {
        guard group.members.isEmpty else { return }
        if groups[group.id] === group { groups[group.id] = nil }
    }

    /// The pipeline; returns whether every integration succeeded (or nothing had to be sent).
    private func notify(_ group: AggregationGroup, alerts: [Alert], storeAlerts: [Alert], at now: Date) -> Bool {
        let route = group.route
        var pending = alerts.filter { !inhibitor.mutes($0.labels, alerts: storeAlerts, at: now) }
        if pending.isEmpty { return true }
        if !route.activeTimeIntervals.isEmpty,
           !route.activeTimeIntervals.contains(where: { timeIntervals[$0]?.contains(now) ?? false }) {
            return true
        }
        if route.muteTimeIntervals.contains(where: { timeIntervals[$0]?.contains(now) ?? false }) { return true }
        pending = pending.filter { !silences.mutes($0.labels, at: now) }
        if pending.isEmpty { return true }
        guard let receiver = receivers[route.receiver] else {
            record(NotificationFailure(receiver: route.receiver, integration: "-", groupKey: group.key, time: now,
                                       message: "unknown receiver \"\(route.receiver)\""))
            return false
        }
        let firing = Set(pending.filter { !$0.isResolved(at: now) }.map(\.fingerprint))
        let resolved = Set(pending.filter { $0.isResolved(at: now) }.map(\.fingerprint))
        var allSucceeded = true
        for (index, integration) in receiver.integrations.enumerated() {
            let logKey = group.key + "\u{0}" + receiver.name + "\u{0}" + integration.kind.name + "\u{0}\(index)"
            let entry = lock.withLock { log[logKey] }
            guard NotificationDedup.needsUpdate(entry, firing: firing, resolved: resolved,
                                                sendResolved: integration.sendResolved,
                                                repeatInterval: route.repeatInterval, now: now) else { continue }
            var sent = integration.sendResolved ? pending : pending.filter { !$0.isResolved(at: now) }
            if !sent.isEmpty {
                var truncated = 0
                if let max = integration["max_alerts"].flatMap(Int.init), max > 0, sent.count > max {
                    truncated = sent.count - max
                    sent = Array(sent.prefix(max))
                }
                let notification = AlertNotification(
                    receiver: receiver.name, integration: integration, integrationIndex: index, groupKey: group.key,
                    groupLabels: group.labels, alerts: sent.map { AlertNotification.NotifiedAlert($0, at: now) },
                    externalURL: externalURL, truncatedAlerts: truncated, time: now)
                do {
                    try notifier.notify(notification)
                } catch {
                    allSucceeded = false
                    record(NotificationFailure(receiver: receiver.name, integration: "\(integration.kind.name)[\(index)]",
                                               groupKey: group.key, time: now, message: "\(error)"))
                    continue
                }
            }
            lock.withLock { log[logKey] = NotificationLogEntry(firing: firing, resolved: resolved, timestamp: now) }
        }
        return allSucceeded
    }

    private func record(_ failure: NotificationFailure) {
        lock.withLock {
            failureLog.append(failure)
            if failureLog.count > 1000 { failureLog.removeFirst(failureLog.count - 1000) }
        }
    }
}
